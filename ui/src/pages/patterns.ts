// Nationwide: the concurrency patterns matrix (patterns x provinces), filterable by level,
// status and year; each cell shows each reporting unit's figure as stated (never summed)
// and links to its evidence.
import { get } from "../api";
import { csvButton, evidenceList, evidenceText, href, loading, statusBadge, unitLink } from "../components";
import { clear, h, put, scroller } from "../dom";
import { label, LEVEL, patternLabel, STATUS } from "../labels";
import { figures, LEVEL_ORDER } from "./province";

function year(d: string | null | undefined): number | null {
  const m = /^(\d{4})/.exec(d ?? "");
  return m ? Number(m[1]) : null;
}

export async function patternsPage(root: HTMLElement, params: URLSearchParams) {
  const level = params.get("level") ?? "", status = params.get("status") ?? "";
  const from = params.get("from") ?? "", to = params.get("to") ?? "";
  const only = params.get("pattern") ?? "", cell = params.get("cell") ?? "";
  root.append(h("h1", null, "Mô hình kiêm nhiệm toàn quốc ", h("span", { class: "en" }, "Patterns nationwide")), loading());
  const [page, byUid] = await Promise.all([
    get("/patterns/concurrency", { level, status, limit: 200, units_limit: 1000 }),
    get("/provinces").then((r) => new Map<string, any>(r.items.map((p: any) => [p.uid, p]))),
  ]);
  clear(root);

  // units applying each pattern, within the years asked
  const inYears = (u: any) => {
    const y = year(u.date);
    return (!from || (y !== null && y >= Number(from))) && (!to || (y !== null && y <= Number(to)));
  };
  const items = (page.items as any[])
    .filter((p) => !only || p.pattern.id === only)
    .map((p) => ({ ...p, units: p.units.filter(inYears) }))
    .filter((p) => p.units.length)
    .sort((a, b) => LEVEL_ORDER.indexOf(a.pattern.level) - LEVEL_ORDER.indexOf(b.pattern.level) || a.pattern.id.localeCompare(b.pattern.id));
  const provinceOf = (u: any) => u.unit.province_uid ?? u.unit.uid;
  const provinceUids = [...new Set(items.flatMap((p) => p.units.map(provinceOf)))].sort();

  const go = (next: Record<string, string>) => {
    const q = new URLSearchParams({ level, status, from, to, pattern: only, ...next });
    for (const [k, v] of [...q]) if (!v) q.delete(k);
    location.hash = `#/patterns${q.toString() ? "?" + q : ""}`;
  };
  const levelSel = h("select", { id: "f-level", "aria-label": "Cấp" }, h("option", { value: "" }, "Mọi cấp"),
    Object.entries(LEVEL).map(([k, v]) => h("option", { value: k, selected: k === level }, v)));
  const statusSel = h("select", { id: "f-status", "aria-label": "Trạng thái" }, h("option", { value: "" }, "Mọi trạng thái"),
    Object.entries(STATUS).map(([k, v]) => h("option", { value: k, selected: k === status }, v)));
  const fromIn = h("input", { type: "number", id: "f-from", min: 2010, max: 2030, value: from, placeholder: "năm", "aria-label": "Từ năm", class: "year" });
  const toIn = h("input", { type: "number", id: "f-to", min: 2010, max: 2030, value: to, placeholder: "năm", "aria-label": "Đến năm", class: "year" });
  const filters = h("form", { class: "controls filters", onsubmit: (e: Event) => {
    e.preventDefault();
    go({ level: levelSel.value, status: statusSel.value, from: fromIn.value, to: toIn.value, cell: "" });
  } },
    h("label", null, "Cấp ", levelSel), h("label", null, "Trạng thái ", statusSel),
    h("label", null, "Từ năm ", fromIn), h("label", null, "đến ", toIn),
    h("button", { type: "submit" }, "Lọc"),
    only ? h("a", { href: "#", onclick: (e: Event) => { e.preventDefault(); go({ pattern: "", cell: "" }); } }, "Mọi mô hình") : null);
  levelSel.addEventListener("change", () => filters.requestSubmit());
  statusSel.addEventListener("change", () => filters.requestSubmit());

  const cellHref = (pid: string, puid: string) => {
    const q = new URLSearchParams({ level, status, from, to, pattern: only, cell: `${puid}|${pid}` });
    for (const [k, v] of [...q]) if (!v) q.delete(k);
    return `#/patterns?${q}`;
  };

  const detail = h("section", { class: "card cell-detail", id: "cell-detail" });
  const [cellProvince, cellPattern] = cell.split("|");
  const chosen = items.find((p) => p.pattern.id === cellPattern);
  if (chosen) {
    const units = chosen.units.filter((u: any) => provinceOf(u) === cellProvince);
    put(detail,
      h("h2", null, patternLabel(chosen.pattern), " · ", byUid.get(cellProvince)?.name ?? cellProvince),
      h("ul", { class: "evidence-units" }, units.map((u: any) => h("li", null,
        unitLink(u.unit), " ", u.count != null ? h("strong", null, u.of ? `${u.count}/${u.of}` : `${u.count}`) : null, " ",
        statusBadge(u.status), u.date ? ` ${u.date}` : "", evidenceList(u.evidence)))));
  }

  put(root,
    h("h1", null, only && items[0] ? patternLabel(items[0].pattern) : "Mô hình kiêm nhiệm toàn quốc ",
      only ? null : h("span", { class: "en" }, "Patterns nationwide")),
    only ? h("p", { class: "crumbs" }, h("a", { href: "#/patterns" }, "Mọi mô hình"), " · nơi áp dụng") : null,
    filters,
    h("p", { class: "muted small" }, "Mỗi ô: số liệu của từng đơn vị báo cáo như nguồn nêu (không cộng dồn), hoặc tên đơn vị áp dụng; bấm để xem trích dẫn."),
    (page.items as any[]).some((p) => p.units_total > p.units.length)
      ? h("p", { class: "muted small truncated" }, "Mỗi mô hình chỉ hiện 1.000 đơn vị áp dụng đầu tiên (theo cấp, mã đơn vị); xem trang của từng tỉnh để có đủ.")
      : null,
    h("p", { class: "tools" }, csvButton("mergegraph-mo-hinh.csv",
      ["mô hình", "cấp", "tỉnh", "đơn vị", "số đơn vị áp dụng", "trên tổng số", "trạng thái", "ngày", "trích dẫn", "nguồn"],
      () => items.flatMap((p) => p.units.map((u: any) => [patternLabel(p.pattern), label(LEVEL, p.pattern.level),
        byUid.get(provinceOf(u))?.name ?? provinceOf(u), u.unit.name, u.count, u.of, label(STATUS, u.status), u.date, ...evidenceText(u.evidence)])))),
    items.length === 0 ? h("p", { class: "muted empty" }, "Không có mô hình nào với các điều kiện này.") :
    scroller(h("table", { class: "matrix" },
      h("thead", null, h("tr", null, h("th", null, "Mô hình"), h("th", null, "Cấp"),
        provinceUids.map((uid) => h("th", null, h("a", { href: href.unit({ uid, level: "province" }) }, byUid.get(uid)?.name ?? uid))))),
      h("tbody", null, items.map((p) => h("tr", { "data-pattern": p.pattern.id },
        h("th", { scope: "row" }, h("a", { href: `#/patterns?pattern=${encodeURIComponent(p.pattern.id)}` }, patternLabel(p.pattern))),
        h("td", null, label(LEVEL, p.pattern.level)),
        provinceUids.map((uid) => {
          const units = p.units.filter((u: any) => provinceOf(u) === uid);
          if (!units.length) return h("td", { class: "absent" }, "—");
          const fs = figures({ units }, uid);
          const statuses = [...new Set<string>(units.map((u: any) => u.status))];
          return h("td", { class: `cell${cell === `${uid}|${p.pattern.id}` ? " selected" : ""}` },
            h("a", { href: cellHref(p.pattern.id, uid), class: "cell-link", "aria-label": `${patternLabel(p.pattern)} ở ${byUid.get(uid)?.name ?? uid}: bằng chứng` },
              fs.length ? fs.map((f, i) => [i ? "; " : "", h("strong", null, f.of ? `${f.count}/${f.of}` : `${f.count}`), ` ${f.unit.uid === uid ? "toàn tỉnh" : f.unit.name}`])
                : units.map((u: any) => u.unit.name).join(", ")),
            h("div", null, statuses.map((st) => statusBadge(st))));
        })))))),
    chosen ? detail : null);
  if (chosen) detail.scrollIntoView({ block: "start" });
}
