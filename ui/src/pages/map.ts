// A schematic map of Vietnam's 63 provinces (before the 2025 reform, the era of the
// articles): one tile per province, laid out roughly where it lies (no shapes, no tile
// server: Natural Earth's admin-1 shapes ship in no registry package we could use).
// Coloured by a chosen pattern (its status in the province) or by the mergers recorded.
import { get } from "../api";
import { csvButton, href, loading, provinces } from "../components";
import { clear, h, stackable } from "../dom";
import { label, patternLabel, STATUS } from "../labels";

// [GSO code, abbreviation, column, row]: 7 columns, north at the top.
export const TILES: [string, string, number, number][] = [
  ["12", "LCh", 1, 0], ["10", "LCa", 2, 0], ["02", "HGi", 3, 0], ["04", "CBa", 4, 0],
  ["11", "ĐBi", 0, 1], ["15", "YBa", 2, 1], ["08", "TQu", 3, 1], ["06", "BKa", 4, 1], ["20", "LSơ", 5, 1],
  ["14", "SLa", 1, 2], ["25", "PTh", 2, 2], ["26", "VPh", 3, 2], ["19", "TNg", 4, 2], ["24", "BGi", 5, 2], ["22", "QNi", 6, 2],
  ["17", "HBì", 2, 3], ["01", "HNộ", 3, 3], ["27", "BNi", 4, 3], ["30", "HDư", 5, 3], ["31", "HPh", 6, 3],
  ["35", "HNa", 3, 4], ["33", "HYê", 4, 4], ["34", "TBì", 5, 4],
  ["38", "THó", 2, 5], ["37", "NBì", 3, 5], ["36", "NĐị", 4, 5],
  ["40", "NAn", 2, 6], ["42", "HTĩ", 3, 7], ["44", "QBì", 3, 8], ["45", "QTr", 3, 9], ["46", "Huế", 4, 10],
  ["49", "QNa", 4, 11], ["48", "ĐNa", 5, 11], ["62", "KTu", 3, 12], ["51", "QNg", 5, 12],
  ["64", "GLa", 4, 13], ["52", "BĐị", 5, 13], ["66", "ĐLă", 4, 14], ["54", "PYê", 5, 14],
  ["67", "ĐNô", 3, 15], ["68", "LĐồ", 4, 15], ["56", "KHò", 5, 15],
  ["70", "BPh", 2, 16], ["74", "BDư", 3, 16], ["75", "ĐNa", 4, 16], ["58", "NTh", 5, 16],
  ["72", "TNi", 1, 17], ["79", "HCM", 3, 17], ["77", "BRV", 4, 17], ["60", "BTh", 5, 17],
  ["87", "ĐTh", 1, 18], ["80", "LAn", 2, 18], ["82", "TGi", 3, 18],
  ["89", "AGi", 0, 19], ["92", "CTh", 1, 19], ["86", "VLo", 2, 19], ["83", "BTr", 3, 19],
  ["91", "KGi", 0, 20], ["93", "HGi", 1, 20], ["94", "STr", 2, 20], ["84", "TVi", 3, 20],
  ["96", "CMa", 0, 21], ["95", "BLi", 1, 21],
];

const STATUS_RANK = ["implemented", "pilot", "planned", "ended"];

export async function mapPage(root: HTMLElement, params: URLSearchParams) {
  const by = params.get("by") ?? "mergers";
  root.append(h("h1", null, "Bản đồ các tỉnh ", h("span", { class: "en" }, "Map")), loading());
  const [byUid, matrix] = await Promise.all([provinces(), get("/patterns/concurrency/matrix")]);
  clear(root);
  const patterns: any[] = matrix.patterns;
  const cells = new Map<string, any>();
  for (const p of matrix.provinces) for (const [pid, c] of Object.entries<any>(p.patterns)) cells.set(`${p.uid}|${pid}`, c);

  // the colour class and the words of a province
  const valueOf = (code: string): { cls: string; text: string } => {
    const p = byUid.get(`legacy:${code}`);
    if (by === "mergers") {
      const n = p?.mergers ?? 0;
      return { cls: n === 0 ? "none" : n < 5 ? "few" : "many", text: n ? `${n} quan hệ sáp nhập được ghi nhận` : "chưa ghi nhận sáp nhập" };
    }
    const c = cells.get(`legacy:${code}|${by}`);
    if (!c) return { cls: "none", text: "chưa ghi nhận" };
    const best = STATUS_RANK.find((s) => c.statuses.includes(s)) ?? "implemented";
    return { cls: `status-${best}`, text: `${label(STATUS, best)} (${c.statuses.map((s: string) => label(STATUS, s)).join(", ")})` };
  };

  const select = h("select", { id: "map-by", "aria-label": "Tô màu theo" },
    h("option", { value: "mergers", selected: by === "mergers" }, "Sáp nhập cơ quan (số quan hệ ghi nhận)"),
    patterns.map((p) => h("option", { value: p.id, selected: by === p.id }, `Mô hình: ${patternLabel(p)}`)));
  select.addEventListener("change", () => { location.hash = `#/map?by=${encodeURIComponent(select.value)}`; });

  const legend = by === "mergers"
    ? [["none", "chưa ghi nhận"], ["few", "1–4 quan hệ"], ["many", "5 quan hệ trở lên"]]
    : [["status-implemented", label(STATUS, "implemented")], ["status-pilot", label(STATUS, "pilot")],
      ["status-planned", label(STATUS, "planned")], ["status-ended", label(STATUS, "ended")], ["none", "chưa ghi nhận"]];

  const rows = TILES.map(([code, abbr, col, row]) => {
    const p = byUid.get(`legacy:${code}`);
    return { code, abbr, col, row, name: p?.name ?? code, ...valueOf(code) };
  });
  root.append(
    h("h1", null, "Bản đồ các tỉnh ", h("span", { class: "en" }, "Map")),
    h("p", { class: "muted small" }, "Sơ đồ: mỗi ô là một tỉnh (63 tỉnh trước 1/7/2025), đặt gần đúng vị trí địa lý; không phải bản đồ ranh giới."),
    h("form", { class: "controls", onsubmit: (e: Event) => e.preventDefault() }, h("label", { class: "wide" }, "Tô màu theo ", select),
      csvButton("mergegraph-ban-do.csv", ["mã", "tỉnh", "giá trị"], () => rows.map((r) => [r.code, r.name, r.text]))),
    h("div", { class: "map-wrap" },
      h("div", { class: "tilemap", role: "group", "aria-label": "Sơ đồ các tỉnh" }, rows.map((r) =>
        h("a", { class: `tile ${r.cls}`, href: href.unit({ uid: `legacy:${r.code}`, level: "province" }),
          style: `grid-column:${r.col + 1};grid-row:${r.row + 1}`, title: `${r.name}: ${r.text}`, "aria-label": `${r.name}: ${r.text}`,
          "data-code": r.code }, r.abbr))),
      h("div", { class: "map-legend" }, legend.map(([cls, text]) => h("div", null, h("span", { class: `tile-swatch ${cls}` }), " ", text)))),
    h("details", { class: "card" }, h("summary", null, "Bảng các tỉnh"),
      stackable(h("table", { class: "map-table" },
        h("thead", null, h("tr", null, h("th", null, "Tỉnh"), h("th", null, "Giá trị"))),
        h("tbody", null, rows.filter((r) => r.cls !== "none").map((r) => h("tr", null,
          h("td", null, h("a", { href: href.unit({ uid: `legacy:${r.code}`, level: "province" }) }, r.name)), h("td", null, r.text))))))));
}
