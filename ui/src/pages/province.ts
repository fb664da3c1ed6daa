// Province: its concurrency patterns (table and chart), its mergers, the reductions it
// reported, and a way to compare.
import { enc, get } from "../api";
import { evidenceList, fateBlock, href, loading, reductionsSection, statusBadge, unitLink } from "../components";
import { coverageChart, Bar } from "../chart";
import { clear, h } from "../dom";
import { date, label, LEVEL, MERGE_KIND, patternLabel, pct } from "../labels";

const LEVEL_ORDER = ["province", "district", "commune", "village"];

/** The coverage of a pattern in a province, as the sources state it: the province's own
 * figure ("5/12 huyện"); else the figures of its units, added up ("17/17" and "7/10" xã
 * of two districts: 24/27); else how many units are named as applying it. */
export function coverage(p: any, provinceUid: string): Bar {
  const text = patternLabel(p.pattern);
  const counted = p.units.filter((u: any) => u.count != null);
  const own = counted.find((u: any) => u.unit.uid === provinceUid);
  if (own) return { label: text, count: own.count, of: own.of ?? null, note: "số liệu của tỉnh" };
  const full = counted.filter((u: any) => u.of);
  if (full.length && full.length === counted.length) {
    return { label: text, count: full.reduce((n: number, u: any) => n + u.count, 0),
      of: full.reduce((n: number, u: any) => n + u.of, 0),
      note: full.map((u: any) => `${u.unit.name} ${u.count}/${u.of}`).join(", ") };
  }
  if (counted.length === 1) return { label: text, count: counted[0].count, of: null, note: `tại ${counted[0].unit.name}` };
  return { label: text, count: p.units.length, of: null, note: "số đơn vị được nêu tên" };
}

export async function provincePage(root: HTMLElement, code: string) {
  root.append(loading());
  const [unit, patterns, mine, matrix] = await Promise.all([
    get(`/units/${enc(code)}`),
    get("/patterns/concurrency", { province: code, limit: 200 }),
    // the compare endpoint holds a province's mergers and reductions (in it and in its units)
    get("/compare", { units: `${code},${code}` }),
    get("/patterns/concurrency/matrix"),
  ]);
  clear(root);
  const u = unit.unit;
  const districts = (unit.parts ?? []).filter((p: any) => p.level === "district").length || null;
  const items: any[] = patterns.items;
  const record = mine.units[0];

  const groups = LEVEL_ORDER.map((level) => ({
    level,
    bars: items.filter((p) => p.pattern.level === level)
      .map((p) => coverage(p, u.uid)),
  })).filter((g) => g.bars.length);

  const others = (matrix.provinces as any[]).filter((p) => p.uid !== u.uid);
  const compareBox = h("section", { class: "card compare-box" },
    h("h2", null, "So sánh ", h("span", { class: "en" }, "Compare")),
    others.length
      ? h("ul", { class: "inline" }, others.map((p) => h("li", null,
        h("a", { href: href.compare([code, p.uid.split(":")[1]]), class: "compare-link" },
          `So sánh ${u.name} với ${p.name}`))))
      : h("p", { class: "muted" }, "Chưa có tỉnh khác có dữ liệu để so sánh."),
    h("p", null, h("a", { href: href.compare([code]) }, "Chọn các tỉnh khác để so sánh…")));

  root.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Tìm kiếm"), " · ", label(LEVEL, u.level)),
    h("h1", { class: "title" }, u.name),
    h("p", { class: "meta" }, `Mã ${u.code}`, districts ? ` · ${districts} đơn vị cấp huyện` : "",
      ` · ${record.summary.mergers} quan hệ sáp nhập · ${record.summary.patterns} mô hình kiêm nhiệm · `,
      h("a", { href: `#/timeline/unit/${enc(code)}`, class: "timeline-link" }, "Dòng thời gian ", h("span", { class: "en" }, "Timeline"))),
    h("section", { class: "card" },
      h("h2", null, "Mô hình nhất thể hóa chức danh ", h("span", { class: "en" }, "Concurrency patterns")),
      items.length ? [coverageChart(groups), patternTable(items, u.uid)]
        : h("p", { class: "muted" }, "Chưa có mô hình kiêm nhiệm nào được ghi nhận.")),
    mergersSection(record.mergers),
    reductionsSection(record.reductions),
    h("div", { class: "two" }, compareBox, fateBlock(unit.fate, u.name)),
  );
}

function patternTable(items: any[], provinceUid: string) {
  const sorted = [...items].sort((a, b) =>
    LEVEL_ORDER.indexOf(a.pattern.level) - LEVEL_ORDER.indexOf(b.pattern.level));
  return h("table", { class: "patterns" },
    h("thead", null, h("tr", null,
      ["Mô hình", "Cấp", "Tỷ lệ", "Đơn vị áp dụng", "Trạng thái", "Mới nhất", "Bằng chứng"].map((t) => h("th", null, t)))),
    h("tbody", null, sorted.map((p) => {
      const c = coverage(p, provinceUid);
      const evidence = p.units.flatMap((x: any) => x.evidence ?? []);
      const seen = new Set<string>();
      const unique = evidence.filter((e: any) => !seen.has(e.quote + e.source_id) && seen.add(e.quote + e.source_id));
      return h("tr", { class: "pattern-row", "data-pattern": p.pattern.id },
        h("td", null, patternLabel(p.pattern)),
        h("td", null, label(LEVEL, p.pattern.level)),
        h("td", { class: "coverage", title: c.note ?? "" }, c.of ? `${c.count}/${c.of}` : `${c.count} đơn vị`,
          c.of ? h("span", { class: "muted small" }, ` (${pct(c.count, c.of)})`) : null,
          c.note ? h("div", { class: "muted small note" }, c.note) : null),
        h("td", null, h("ul", { class: "compact" }, p.units.map((x: any) => h("li", null, unitLink(x.unit),
          x.count != null && x.of ? ` ${x.count}/${x.of}` : "")))),
        h("td", null, [...new Set(p.units.map((x: any) => x.status))].map((st: any) => statusBadge(st))),
        h("td", null, date(p.latest)),
        h("td", null, h("details", null, h("summary", null, `${unique.length} trích dẫn`), evidenceList(unique))));
    })));
}

export function mergersSection(mergers: any[]) {
  return h("section", { class: "card" },
    h("h2", null, "Sáp nhập, hợp nhất cơ quan ", h("span", { class: "en" }, "Mergers")),
    mergers.length
      ? h("table", { class: "mergers" },
        h("thead", null, h("tr", null, ["Cơ quan", "Vào", "Quan hệ", "Trạng thái", "Ngày"].map((t) => h("th", null, t)))),
        h("tbody", null, mergers.map((m) => h("tr", null,
          h("td", null, h("a", { href: href.body(m.from.id) }, m.from.name)),
          h("td", null, h("a", { href: href.body(m.into.id) }, m.into.name)),
          h("td", null, label(MERGE_KIND, m.kind)),
          h("td", null, statusBadge(m.status)),
          h("td", null, date(m.date))))))
      : h("p", { class: "muted" }, "Chưa có quan hệ sáp nhập nào được ghi nhận."));
}
