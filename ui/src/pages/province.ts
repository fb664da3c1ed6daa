// Province: its concurrency patterns (table and chart), its mergers, the reductions it
// reported, and a way to compare.
import { enc, get } from "../api";
import { csvButton, evidenceList, evidenceText, fateBlock, href, loading, reductionsSection, reductionText, statusBadge, unitLink, more } from "../components";
import { coverageChart, Bar } from "../chart";
import { clear, h, stackable } from "../dom";
import { date, label, LEVEL, MERGE_KIND, patternLabel, pct, STATUS } from "../labels";

export const LEVEL_ORDER = ["province", "district", "commune", "village"];

/** The figures a pattern's coverage has in the sources, one per reporting unit ("17/17 xã"
 * of Móng Cái, "7/10 xã" of Đầm Hà), the province's own first. Never added up: no source
 * states their sum, and a province's figure may already include its districts'. */
export function figures(p: any, provinceUid?: string): { unit: any; count: number; of: number | null }[] {
  return p.units.filter((u: any) => u.count != null)
    .map((u: any) => ({ unit: u.unit, count: u.count, of: u.of ?? null }))
    .sort((a: any, b: any) => Number(b.unit.uid === provinceUid) - Number(a.unit.uid === provinceUid));
}

export function figureText(f: { count: number; of: number | null }): string {
  return f.of ? `${f.count}/${f.of} (${pct(f.count, f.of)})` : `${f.count}`;
}

/** The coverage cell: each reporting unit's figure, or the units named as applying it. */
export function coverageCell(p: any, provinceUid?: string) {
  const fs = figures(p, provinceUid);
  if (!fs.length) {
    return h("td", { class: "coverage none" }, h("span", { class: "muted small" }, "Nguồn không nêu tỷ lệ"));
  }
  return h("td", { class: "coverage" }, h("ul", { class: "compact figures" }, fs.map((f) =>
    h("li", null, h("strong", null, f.of ? `${f.count}/${f.of}` : `${f.count}`),
      f.of ? h("span", { class: "muted small" }, ` (${pct(f.count, f.of)})`) : null,
      " ", h("span", { class: "small" }, f.unit.uid === provinceUid ? "toàn tỉnh" : f.unit.name)))));
}

function bars(items: any[], provinceUid: string): { level: string; bars: Bar[] }[] {
  return LEVEL_ORDER.map((level) => ({
    level,
    bars: items.filter((p) => p.pattern.level === level).flatMap((p) =>
      figures(p, provinceUid).filter((f) => f.of).map((f) => ({
        label: patternLabel(p.pattern), count: f.count, of: f.of,
        unit: f.unit.uid === provinceUid ? "toàn tỉnh" : f.unit.name }))),
  })).filter((g) => g.bars.length);
}

export async function provincePage(root: HTMLElement, code: string) {
  root.append(loading());
  const [unit, patterns, mine, matrix] = await Promise.all([
    get(`/units/${enc(code)}`),
    get("/patterns/concurrency", { province: code, limit: 200, units_limit: 1000 }),
    // the compare endpoint holds a province's mergers and reductions (in it and in its units)
    get("/compare", { units: `${code},${code}` }),
    get("/patterns/concurrency/matrix"),
  ]);
  clear(root);
  const u = unit.unit;
  const districts = (unit.parts ?? []).filter((p: any) => p.level === "district").length || null;
  const items: any[] = patterns.items;
  const record = mine.units[0];
  const groups = bars(items, u.uid);

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
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Trang chủ"), " · ", label(LEVEL, u.level), " · trước 2025"),
    h("h1", { class: "title" }, u.name),
    h("p", { class: "meta" }, `Mã ${u.code}`, districts ? ` · ${districts} đơn vị cấp huyện` : "",
      ` · ${record.summary.mergers} quan hệ sáp nhập · ${record.summary.patterns} mô hình kiêm nhiệm · `,
      h("a", { href: `#/timeline/unit/${enc(code)}`, class: "timeline-link" }, "Dòng thời gian ", h("span", { class: "en" }, "Timeline"))),
    h("p", { class: "tools" }, csvButton(`mergegraph-${u.code}.csv`, CSV_HEADER, () => provinceCsv(items, record))),
    h("section", { class: "card" },
      h("h2", null, "Mô hình nhất thể hóa chức danh ", h("span", { class: "en" }, "Concurrency patterns")),
      items.length ? [groups.length ? coverageChart(groups) : null, patternTable(items, u.uid)]
        : h("p", { class: "muted" }, "Chưa có mô hình kiêm nhiệm nào được ghi nhận.")),
    mergersSection(record.mergers),
    reductionsSection(record.reductions),
    h("div", { class: "two" }, compareBox, fateBlock(unit.fate, u.name, u.uid)),
  );
}

export const CSV_HEADER = ["loại", "mô tả", "cấp", "đơn vị", "số đơn vị áp dụng", "trên tổng số", "trạng thái", "ngày", "trích dẫn", "nguồn"];

export function patternCsvRows(items: any[]) {
  return items.flatMap((p) => p.units.map((x: any) => ["mô hình kiêm nhiệm", patternLabel(p.pattern), label(LEVEL, p.pattern.level),
    x.unit.name, x.count, x.of, label(STATUS, x.status), x.date, ...evidenceText(x.evidence)]));
}

function provinceCsv(items: any[], record: any) {
  return [
    ...patternCsvRows(items),
    ...record.mergers.map((m: any) => ["sáp nhập", `${m.from.name} → ${m.into.name} (${label(MERGE_KIND, m.kind)})`, label(LEVEL, m.from.level), m.unit_uid, "", "", label(STATUS, m.status), m.date, "", m.fact_id]),
    ...record.reductions.map((r: any) => ["cắt giảm", reductionText(r), label(LEVEL, r.level), r.unit.name, r.count, "", label(STATUS, r.status), r.date, "", r.fact_id]),
  ];
}

function patternTable(items: any[], provinceUid: string) {
  const sorted = [...items].sort((a, b) =>
    LEVEL_ORDER.indexOf(a.pattern.level) - LEVEL_ORDER.indexOf(b.pattern.level));
  return stackable(h("table", { class: "patterns" },
    h("thead", null, h("tr", null,
      ["Mô hình", "Cấp", "Tỷ lệ theo nguồn", "Đơn vị áp dụng", "Trạng thái", "Mới nhất", "Bằng chứng"].map((t) => h("th", null, t)))),
    h("tbody", null, sorted.map((p) => {
      const evidence = p.units.flatMap((x: any) => x.evidence ?? []);
      const seen = new Set<string>();
      const unique = evidence.filter((e: any) => !seen.has(e.quote + e.source_id) && seen.add(e.quote + e.source_id));
      return h("tr", { class: "pattern-row", "data-pattern": p.pattern.id },
        h("td", null, patternLabel(p.pattern)),
        h("td", null, label(LEVEL, p.pattern.level)),
        coverageCell(p, provinceUid),
        h("td", null, h("ul", { class: "compact" }, p.units.map((x: any) => h("li", null, unitLink(x.unit)))), more((p.units_total ?? 0) - p.units.length, "đơn vị")),
        h("td", null, [...new Set(p.units.map((x: any) => x.status))].map((st: any) => statusBadge(st))),
        h("td", null, date(p.latest)),
        h("td", null, h("details", null, h("summary", null, `${unique.length} trích dẫn`), evidenceList(unique))));
    }))));
}

export function mergersSection(mergers: any[]) {
  return h("section", { class: "card" },
    h("h2", null, "Sáp nhập, hợp nhất cơ quan ", h("span", { class: "en" }, "Mergers")),
    mergers.length
      ? stackable(h("table", { class: "mergers" },
        h("thead", null, h("tr", null, ["Cơ quan", "Vào", "Quan hệ", "Trạng thái", "Ngày"].map((t) => h("th", null, t)))),
        h("tbody", null, mergers.map((m) => h("tr", null,
          h("td", null, h("a", { href: href.body(m.from.id) }, m.from.name)),
          h("td", null, h("a", { href: href.body(m.into.id) }, m.into.name)),
          h("td", null, label(MERGE_KIND, m.kind)),
          h("td", null, statusBadge(m.status)),
          h("td", null, date(m.date)))))))
      : h("p", { class: "muted" }, "Chưa có quan hệ sáp nhập nào được ghi nhận."));
}
