// Coverage bars (count of of, as a source states it), grouped by level: HTML, so that it
// reflows to any width (a phone at 360 px) with its labels readable.
import { h } from "./dom";
import { label, LEVEL, pct } from "./labels";

export interface Bar { label: string; count: number; of: number | null; note?: string; unit?: string }

export function coverageChart(groups: { level: string; bars: Bar[] }[]): HTMLElement {
  return h("div", { class: "chart", role: "img", "aria-label": "Tỷ lệ áp dụng mô hình theo cấp" },
    groups.map((group) => h("div", { class: "chart-group" },
      h("div", { class: "chart-level" }, label(LEVEL, group.level)),
      group.bars.map((bar) => {
        const frac = bar.of ? Math.min(1, bar.count / bar.of) : null;
        const text = bar.of ? `${bar.count}/${bar.of} (${pct(bar.count, bar.of)})` : `${bar.count}`;
        return h("div", { class: `bar${frac === null ? " unknown" : ""}`, title: `${bar.label}: ${text}${bar.note ? ` — ${bar.note}` : ""}` },
          h("div", { class: "bar-label" }, bar.label, bar.unit ? h("span", { class: "bar-unit" }, ` · ${bar.unit}`) : null),
          h("div", { class: "bar-line" },
            h("span", { class: "bar-track" }, frac !== null ? h("span", { class: "bar-fill", style: `width:${(100 * frac).toFixed(1)}%` }) : null),
            h("span", { class: "bar-value" }, text)));
      }))),
    h("p", { class: "muted small chart-note" }, "Tỷ lệ = số đơn vị áp dụng / tổng số đơn vị, theo từng đơn vị báo cáo như nguồn nêu (không cộng dồn)."));
}
