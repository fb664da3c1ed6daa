// A small SVG bar chart of coverage (count of of) per pattern, grouped by level.
import { s, h } from "./dom";
import { label, LEVEL, pct } from "./labels";

export interface Bar { label: string; count: number; of: number | null; note?: string }

const W = 760, LABEL_W = 330, BAR_W = 300, ROW = 26, HEAD = 24;

export function coverageChart(groups: { level: string; bars: Bar[] }[]): HTMLElement {
  const rows = groups.reduce((n, g) => n + g.bars.length, 0);
  const height = rows * ROW + groups.length * HEAD + 30;
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${height}`, width: W, height,
    role: "img", "aria-label": "Tỷ lệ áp dụng mô hình theo cấp" });
  let y = 8;
  for (const group of groups) {
    svg.append(s("text", { class: "chart-level", x: 0, y: y + 16 }, label(LEVEL, group.level)));
    y += HEAD;
    for (const bar of group.bars) {
      const frac = bar.of ? Math.min(1, bar.count / bar.of) : null;
      const text = bar.of ? `${bar.count}/${bar.of} (${pct(bar.count, bar.of)})` : `${bar.count} đơn vị`;
      const short = bar.label.length > 48 ? bar.label.slice(0, 47) + "…" : bar.label;
      svg.append(s("g", { class: `bar${frac === null ? " unknown" : ""}` },
        s("title", null, `${bar.label}: ${text}${bar.note ? ` — ${bar.note}` : ""}`),
        s("text", { class: "bar-label", x: 0, y: y + 17 }, short),
        s("rect", { class: "bar-bg", x: LABEL_W, y: y + 4, width: BAR_W, height: ROW - 8, rx: 3 }),
        frac !== null ? s("rect", { class: "bar-fill", x: LABEL_W, y: y + 4, width: Math.max(2, BAR_W * frac), height: ROW - 8, rx: 3 }) : null,
        s("text", { class: "bar-value", x: LABEL_W + BAR_W + 8, y: y + 17 }, text)));
      y += ROW;
    }
  }
  svg.append(s("text", { class: "muted small", x: LABEL_W, y: height - 6 },
    "Tỷ lệ = số đơn vị áp dụng / tổng số đơn vị, theo bài báo"));
  return h("div", { class: "chart-wrap" }, svg);
}
