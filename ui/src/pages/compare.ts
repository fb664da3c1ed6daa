// Compare: two or more provinces side by side; what one has and another lacks is highlighted.
import { get } from "../api";
import { csvButton, factEvidence, href, loading, reductionText, statusBadge, unitLink, more } from "../components";
import { clear, h, scroller } from "../dom";
import { bodyName, label, LEVEL, MERGE_KIND, patternLabel, STATUS } from "../labels";
import { figures } from "./province";

function picker(codes: string[]) {
  const input = h("input", { type: "search", id: "add-province", autocomplete: "off",
    placeholder: "Thêm tỉnh: gõ tên (ví dụ: son la)", "aria-label": "Thêm tỉnh" });
  const list = h("ul", { class: "suggest" });
  let seq = 0, timer: number | undefined;
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++seq, q = input.value.trim();
      clear(list);
      if (!q) return;
      const page = await get("/search", { q, kind: "unit", limit: 30 });
      if (mine !== seq) return;
      for (const item of page.items.filter((i: any) => i.level === "province" && i.era === "legacy")) {
        const code = item.id.split(":")[1];
        if (codes.includes(code)) continue;
        list.append(h("li", null, h("a", { href: href.compare([...codes, code]) }, `+ ${item.name}`)));
      }
    }, 150);
  });
  return h("div", { class: "picker" }, input, list);
}

const PAGE = 100;
const SEE_UNIT = " (xem trang của đơn vị)";

export async function comparePage(root: HTMLElement, codesText: string) {
  const codes = codesText.split(",").map((c) => c.trim()).filter(Boolean);
  root.append(h("h1", null, "So sánh các tỉnh ", h("span", { class: "en" }, "Compare")));
  if (codes.length < 2) {
    root.append(h("p", null, codes.length ? "Chọn thêm ít nhất một tỉnh để so sánh." : "Chọn từ hai tỉnh trở lên để so sánh."),
      picker(codes));
    return;
  }
  root.append(loading());
  // summaries come whole; the lists, one page of PAGE per unit (a province of a big
  // graph has thousands of mergers): cells show counts and the first items
  const data = await get("/compare", { units: codes.join(","), limit: PAGE });
  clear(root);
  const recs: any[] = data.units;
  // the CSV has every row: the other pages are read in the background
  const whole = recs.map((r) => ({ unit: r.unit, mergers: [...r.mergers], patterns: [...r.patterns], reductions: [...r.reductions] }));
  void (async () => {
    for (let offset = data.next_offset; offset != null;) {
      const page = await get("/compare", { units: codes.join(","), limit: 200, offset });
      page.units.forEach((u: any, i: number) => {
        for (const key of ["mergers", "patterns", "reductions"] as const) whole[i][key].push(...u[key]);
      });
      offset = page.next_offset;
    }
  })();
  const common = new Set<string>(data.common.patterns);

  // every pattern any of them applies, with its coverage in each
  const patterns = new Map<string, any>();
  for (const r of recs) for (const c of r.pattern_coverage) patterns.set(c.pattern.id, c.pattern);
  const grouped = recs.map((r) => {
    const byPattern = new Map<string, any>();
    for (const c of r.pattern_coverage) byPattern.set(c.pattern.id, { pattern: c.pattern, coverage: c, units: [] as any[] });
    for (const p of r.patterns) byPattern.get(p.pattern.id)?.units.push(p);
    return { rec: r, byPattern };
  });

  const patternCell = (rec: any, byPattern: Map<string, any>, pat: any) => {
    const entry = byPattern.get(pat.id);
    const only = rec.only_here.patterns.includes(pat.id);
    const within: string[] = rec.contained_patterns?.[pat.id] ?? [];
    if (!entry && !within.length) return h("td", { class: "absent" }, "—");
    if (!entry) {
      // its posts are all held together in a larger pattern of this unit: it shares this one
      return h("td", { class: "present contained" },
        h("span", { class: "badge within" }, "có, trong mô hình rộng hơn"),
        h("div", { class: "small muted" }, within.map((id) => patternLabel(patterns.get(id))).join("; ")));
    }
    const fs = figures(entry, rec.unit.uid);
    return h("td", { class: only ? "only-here" : "present" },
      fs.length ? h("ul", { class: "compact figures" }, fs.map((f) => h("li", null, h("strong", null, f.of ? `${f.count}/${f.of}` : `${f.count}`),
        " ", h("span", { class: "small" }, f.unit.uid === rec.unit.uid ? "toàn tỉnh" : f.unit.name)))) : null,
      h("div", { class: "small muted" }, entry.units.filter((u: any) => u.count == null).map((u: any) => u.unit.name).join(", ")),
      more(entry.coverage.adoptions - entry.units.length, "đơn vị", SEE_UNIT),
      only ? h("span", { class: "badge only" }, "chỉ có ở đây") : null);
  };

  root.append(
    h("h1", null, "So sánh: ", recs.map((r, i) => [i ? " · " : "", unitLink(r.unit)])),
    h("p", { class: "muted" }, h("span", { class: "legend-diff" }, "Ô nền vàng"), ": chỉ tỉnh đó có (khác biệt). Một mô hình gồm mọi chức danh của mô hình khác thì cũng có mô hình kia. ",
      h("span", { class: "en" }, "Yellow cells: differences.")),
    h("div", { class: "compare-tools" }, picker(codes),
      h("ul", { class: "inline" }, codes.map((c) => h("li", null,
        h("a", { href: href.compare(codes.filter((x) => x !== c)), title: "Bỏ tỉnh này" },
          `− ${recs.find((r) => r.unit.code === c)?.unit.name ?? c}`)))),
      csvButton(`mergegraph-so-sanh-${codes.join("-")}.csv`, ["loại", "mô tả", "cấp", "tỉnh", "đơn vị", "số liệu", "trạng thái", "ngày", "fact_id"],
        () => compareCsv(whole))),
    h("section", { class: "card" },
      h("h2", null, "Tóm tắt ", h("span", { class: "en" }, "Summary")),
      scroller(h("table", { class: "compare summary" },
        h("thead", null, h("tr", null, h("th", null, ""), recs.map((r) => h("th", null, unitLink(r.unit))))),
        h("tbody", null,
          h("tr", null, h("th", null, "Quan hệ sáp nhập"), recs.map((r) => h("td", null, String(r.summary.mergers)))),
          h("tr", null, h("th", null, "— đã thực hiện"), recs.map((r) => h("td", null, String(r.summary.mergers_by_status.implemented ?? 0)))),
          h("tr", null, h("th", null, "Mô hình kiêm nhiệm"), recs.map((r) => h("td", null, String(r.summary.patterns)))),
          h("tr", null, h("th", null, "Đơn vị áp dụng"), recs.map((r) => h("td", null, String(r.summary.units_applying)))),
          h("tr", null, h("th", null, "Số liệu cắt giảm"), recs.map((r) => h("td", null, String(r.summary.reductions)))))))),
    h("section", { class: "card" },
      h("h2", null, "Mô hình nhất thể hóa chức danh ", h("span", { class: "en" }, "Concurrency patterns")),
      patterns.size === 0 ? h("p", { class: "muted" }, "Không tỉnh nào có mô hình được ghi nhận.") :
      scroller(h("table", { class: "compare patterns-compare" },
        h("thead", null, h("tr", null, h("th", null, "Mô hình"), h("th", null, "Cấp"), recs.map((r) => h("th", null, r.unit.name)))),
        h("tbody", null, [...patterns.values()].map((pat) => h("tr", { class: common.has(pat.id) ? "same" : "differs", "data-pattern": pat.id },
          h("td", null, patternLabel(pat)),
          h("td", null, label(LEVEL, pat.level)),
          grouped.map(({ rec, byPattern }) => patternCell(rec, byPattern, pat)))))))),
    h("section", { class: "card" },
      h("h2", null, "Sáp nhập, hợp nhất cơ quan ", h("span", { class: "en" }, "Mergers")),
      mergerTable(recs, new Set<string>(data.common.mergers))),
    h("section", { class: "card" },
      h("h2", null, "Cắt giảm được báo cáo ", h("span", { class: "en" }, "Reductions reported")),
      h("p", { class: "muted small" }, "Số liệu như nguồn đưa, theo từng đơn vị báo cáo; không cộng dồn (số của tỉnh có thể đã gồm số của huyện)."),
      reductionTable(recs, new Set<string>(data.common.reductions))),
  );
}

function compareCsv(recs: any[]) {
  return recs.flatMap((r) => [
    ...r.patterns.map((p: any) => ["mô hình kiêm nhiệm", patternLabel(p.pattern), label(LEVEL, p.pattern.level), r.unit.name, p.unit.name,
      p.count != null ? (p.of ? `${p.count}/${p.of}` : p.count) : "", label(STATUS, p.status), p.date, p.fact_id]),
    ...r.mergers.map((m: any) => ["sáp nhập", `${m.from.name} → ${m.into.name} (${label(MERGE_KIND, m.kind)})`, label(LEVEL, m.from.level),
      r.unit.name, m.unit_uid, "", label(STATUS, m.status), m.date, m.fact_id]),
    ...r.reductions.map((x: any) => ["cắt giảm", reductionText(x), label(LEVEL, x.level), r.unit.name, x.unit.name, x.count ?? `${x.percent}%`,
      label(STATUS, x.status), x.date, x.fact_id]),
  ]);
}

function reductionTable(recs: any[], common: Set<string>) {
  const kinds = new Map<string, string>();
  for (const r of recs) for (const k of r.reduction_kinds) kinds.set(k.kind.what, k.kind.name);
  if (kinds.size === 0) return h("p", { class: "muted" }, "Không tỉnh nào có số liệu cắt giảm được ghi nhận.");
  return scroller(h("table", { class: "compare reductions-compare" },
    h("thead", null, h("tr", null, h("th", null, "Cắt giảm"), recs.map((r) => h("th", null, r.unit.name)))),
    h("tbody", null, [...kinds].map(([what, name]) => h("tr", { class: common.has(what) ? "same" : "differs", "data-kind": what },
      h("td", null, name),
      recs.map((r) => {
        const count = r.reduction_kinds.filter((k: any) => k.kind.what === what).reduce((n: number, k: any) => n + k.count, 0);
        if (!count) return h("td", { class: "absent" }, "—");
        const here = r.reductions.filter((x: any) => x.kind.what === what);
        const only = r.only_here.reductions.includes(what);
        return h("td", { class: only ? "only-here" : "present" },
          h("ul", { class: "compact" }, here.map((x: any) => h("li", null,
            reductionText(x), " · ", unitLink(x.unit), " ", statusBadge(x.status),
            factEvidence(x.fact_id, "trích dẫn")))),
          more(count - here.length, "số liệu", SEE_UNIT),
          only ? h("span", { class: "badge only" }, "chỉ có ở đây") : null);
      }))))));
}

function mergerTable(recs: any[], common: Set<string>) {
  const kinds = new Map<string, { from: string; into: string; level?: string }>();
  for (const r of recs) for (const k of r.merger_kinds) {
    kinds.set(k.signature, { from: k.from_type, into: k.into_type, level: k.level });
  }
  if (kinds.size === 0) return h("p", { class: "muted" }, "Không tỉnh nào có quan hệ sáp nhập được ghi nhận.");
  return scroller(h("table", { class: "compare mergers-compare" },
    h("thead", null, h("tr", null, h("th", null, "Loại cơ quan"), recs.map((r) => h("th", null, r.unit.name)))),
    h("tbody", null, [...kinds].sort().map(([sig, k]) => h("tr", { class: common.has(sig) ? "same" : "differs" },
      h("td", null, `${bodyName(k.from, k.level)} → ${bodyName(k.into, k.level)}`, k.level ? h("div", { class: "small muted" }, label(LEVEL, k.level)) : null),
      recs.map((r) => {
        const count = r.merger_kinds.find((k: any) => k.signature === sig)?.count ?? 0;
        if (!count) return h("td", { class: "absent" }, "—");
        const here = r.mergers.filter((m: any) => `${m.from.body_type} -> ${m.into.body_type}` === sig);
        const only = r.only_here.mergers.includes(sig);
        return h("td", { class: only ? "only-here" : "present" },
          h("ul", { class: "compact" }, here.map((m: any) => h("li", null,
            h("a", { href: href.body(m.into.id) }, m.into.name), " ", h("span", { class: "small" }, label(MERGE_KIND, m.kind)), " ",
            statusBadge(m.status)))),
          more(count - here.length, "quan hệ", SEE_UNIT),
          only ? h("span", { class: "badge only" }, "chỉ có ở đây") : null);
      }))))));
}
