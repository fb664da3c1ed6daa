// Home: search (results as you type; the API folds diacritics: "dam ha" finds "Đầm Hà"),
// patterns found by their words ("Bí thư đồng thời là Chủ tịch"), what the graph holds,
// and the list of provinces.
import { get } from "../api";
import { csvButton, errorBox, href, levelBadge, provinces } from "../components";
import { clear, h, stackable } from "../dom";
import { ERA, KIND, label, patternLabel, positionName } from "../labels";

function resultHref(item: any): string {
  switch (item.kind) {
    case "body": return href.body(item.id);
    case "person": return href.person(item.id);
    case "position": return href.position(item.id);
    default: return href.unit({ uid: item.id, level: item.level });
  }
}

/** Lower case, no diacritics, đ -> d (as mergegraph.text.fold). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
}

// words that join posts in a pattern's name, not part of any post
const JOINERS = new Set(["dong", "thoi", "la", "kiem", "nhiem", "va", "voi", "cung", "mot", "nguoi", "+"]);
const ABBREV: Record<string, string> = { ubnd: "ubnd", hdnd: "hdnd", mttq: "mttq", ubkt: "kiem tra" };

/** Patterns whose readable name holds every word of the query (joining words aside). */
export function matchPatterns(q: string, patterns: any[]): any[] {
  const words = fold(q).split(/[\s,;.·-]+/).filter((w) => w && !JOINERS.has(w)).map((w) => ABBREV[w] ?? w);
  if (words.length < 2) return [];
  return patterns.filter((p) => {
    const text = fold(`${patternLabel(p)} ${p.id}`);
    return words.every((w) => text.includes(w));
  });
}

const COUNT_NAMES: [string, string][] = [
  ["Body", "cơ quan, tổ chức"], ["Position", "chức danh"], ["Person", "cán bộ được nêu tên"],
  ["ConcurrencyPattern", "mô hình kiêm nhiệm"], ["Source", "nguồn (bài báo, danh mục)"], ["Evidence", "câu trích dẫn"],
];

export function searchPage(root: HTMLElement, params: URLSearchParams) {
  const input = h("input", {
    type: "search", id: "q", name: "q", autocomplete: "off", autofocus: true,
    placeholder: "Tên cơ quan, đơn vị, chức danh, cán bộ, mô hình… (có dấu hoặc không dấu)",
    "aria-label": "Tìm kiếm",
  });
  const kind = h("select", { id: "kind", "aria-label": "Loại" },
    h("option", { value: "" }, "Tất cả"),
    Object.entries(KIND).map(([k, v]) => h("option", { value: k }, v)));
  const results = h("div", { id: "results" });
  const more = h("button", { type: "button", class: "more", hidden: true }, "Xem thêm");
  const overview = h("div", { class: "overview" });
  root.append(
    h("h1", null, "Sắp xếp bộ máy: sáp nhập cơ quan, nhất thể hóa chức danh"),
    h("form", { class: "searchbar", role: "search", onsubmit: (e: Event) => e.preventDefault() }, input, kind),
    h("p", { class: "muted hint" }, "Gõ không dấu cũng được; hiểu viết tắt: UBKT, MTTQ, BTG. Ví dụ: ",
      h("a", { href: "#/?q=dam%20ha" }, "dam ha"), ", ", h("a", { href: "#/?q=quynh%20nhai" }, "quynh nhai"),
      ", ", h("a", { href: "#/?q=ubkt%20dam%20ha" }, "ubkt dam ha"), ", ",
      h("a", { href: "#/?q=B%C3%AD%20th%C6%B0%20%C4%91%E1%BB%93ng%20th%E1%BB%9Di%20l%C3%A0%20Ch%E1%BB%A7%20t%E1%BB%8Bch" }, "Bí thư đồng thời là Chủ tịch"), "."),
    results, more, overview);

  input.value = params.get("q") ?? "";
  kind.value = params.get("kind") ?? "";
  let seq = 0, timer: number | undefined, offset = 0;
  const names = provinces().catch(() => new Map<string, any>());
  const allPatterns = get("/patterns/concurrency/matrix").then((m) => m.patterns).catch(() => []);

  async function run(append = false) {
    const q = input.value.trim();
    const mine = ++seq;
    const state = new URLSearchParams();
    if (q) state.set("q", q);
    if (kind.value) state.set("kind", kind.value);
    history.replaceState(null, "", `#/${state.toString() ? "?" + state : ""}`);
    if (!append) offset = 0;
    if (!q) { clear(results); more.hidden = true; return; }
    try {
      const [page, byUid, patterns] = await Promise.all([
        get("/search", { q, kind: kind.value, limit: 30, offset }), names, allPatterns]);
      if (mine !== seq) return; // a newer query is under way
      if (!append) {
        clear(results);
        const found = kind.value ? [] : matchPatterns(q, patterns);
        if (found.length) {
          results.append(h("section", { class: "card pattern-hits" },
            h("h2", null, "Mô hình kiêm nhiệm ", h("span", { class: "en" }, "Patterns")),
            h("ul", null, found.map((p: any) => h("li", null,
              h("a", { href: `#/patterns?pattern=${encodeURIComponent(p.id)}` }, patternLabel(p)),
              " ", levelBadge(p.id.split(":")[1]), " ", h("span", { class: "muted small" }, "· nơi áp dụng")))))); 
        }
      }
      let list = results.querySelector("ol");
      if (!list) { list = h("ol", { class: "results" }); results.append(list); }
      if (!append && page.items.length === 0 && !results.querySelector(".pattern-hits")) {
        results.append(h("p", { class: "muted" }, `Không có kết quả cho “${q}”.`));
      }
      for (const item of page.items) {
        const province = item.province_uid && item.province_uid !== item.id ? byUid.get(item.province_uid) : null;
        list.append(h("li", { class: `result kind-${item.kind}` },
          h("span", { class: "badge kind" }, label(KIND, item.kind)),
          h("a", { href: resultHref(item) }, item.kind === "position" ? positionName(item) : item.name),
          item.level ? levelBadge(item.level) : null,
          province ? h("span", { class: "result-province" }, province.name) : null,
          item.era ? h("span", { class: "muted small" }, ` ${label(ERA, item.era)}`) : null));
      }
      offset = page.next_offset ?? offset;
      more.hidden = page.next_offset == null;
    } catch (err) {
      if (mine !== seq) return;
      clear(results);
      results.append(errorBox(err));
    }
  }

  input.addEventListener("input", () => { window.clearTimeout(timer); timer = window.setTimeout(() => run(), 150); });
  kind.addEventListener("change", () => run());
  more.addEventListener("click", () => run(true));
  if (input.value) run();
  input.focus();
  homeOverview(overview).catch((err) => overview.append(errorBox(err)));
}

async function homeOverview(box: HTMLElement) {
  const [health, byUid] = await Promise.all([get("/health"), provinces()]);
  const all = [...byUid.values()];
  const legacy = all.filter((p) => p.era === "legacy");
  const now = all.filter((p) => p.era === "2025");
  const withData = legacy.filter((p) => p.bodies || p.patterns || p.mergers || p.reductions);
  const counts = health.counts ?? {};
  box.append(
    h("section", { class: "card counts" },
      h("h2", null, "Dữ liệu hiện có ", h("span", { class: "en" }, "What the graph holds")),
      h("ul", { class: "stats" },
        h("li", null, h("strong", null, withData.length), " tỉnh có dữ liệu (trên 63 tỉnh trước 2025)"),
        COUNT_NAMES.map(([key, name]) => h("li", null, h("strong", null, (counts[key] ?? 0).toLocaleString("vi-VN")), ` ${name}`))),
      h("p", { class: "links" },
        h("a", { href: "#/patterns" }, "Mô hình kiêm nhiệm toàn quốc"), " · ",
        h("a", { href: "#/map" }, "Bản đồ"), " · ",
        h("a", { href: "#/compare/" }, "So sánh các tỉnh"))),
    h("section", { class: "card provinces" },
      h("h2", null, "Các tỉnh có dữ liệu ", h("span", { class: "en" }, "Provinces with facts")),
      csvButton("mergegraph-tinh.csv", ["mã", "tỉnh (trước 2025)", "cơ quan", "quan hệ sáp nhập", "áp dụng mô hình", "số liệu cắt giảm", "từ 1/7/2025 thuộc"],
        () => legacy.map((p) => [p.code, p.name, p.bodies, p.mergers, p.patterns, p.reductions, p.became.map((b: any) => b.name).join("; ")])),
      stackable(h("table", { class: "province-list" },
        h("thead", null, h("tr", null, ["Tỉnh (trước 2025)", "Cơ quan", "Sáp nhập", "Áp dụng mô hình", "Cắt giảm", "Từ 1/7/2025"].map((t) => h("th", null, t)))),
        h("tbody", null, withData.map((p) => h("tr", null,
          h("td", null, h("a", { href: href.unit({ uid: p.uid, level: "province" }) }, p.name)),
          h("td", null, String(p.bodies)), h("td", null, String(p.mergers)), h("td", null, String(p.patterns)),
          h("td", null, String(p.reductions)),
          h("td", null, p.became.map((b: any, i: number) => [i ? ", " : "", h("a", { href: href.unit({ uid: b.uid, level: "province" }) }, b.name)]))))))),
      h("p", { class: "muted small" }, "Số quan hệ được ghi nhận trong dữ liệu, không phải số liệu của nguồn.")),
    h("section", { class: "card" },
      h("h2", null, "Tất cả các tỉnh ", h("span", { class: "en" }, "All provinces")),
      h("div", { class: "two" },
        h("div", null, h("h3", null, `Trước 2025 (${legacy.length})`),
          h("ul", { class: "columns all-provinces" }, legacy.map((p) => h("li", null, h("a", { href: href.unit({ uid: p.uid, level: "province" }) }, p.name))))),
        h("div", null, h("h3", null, `Từ 1/7/2025 (${now.length})`),
          h("ul", { class: "columns all-provinces" }, now.map((p) => h("li", null, h("a", { href: href.unit({ uid: p.uid, level: "province" }) }, p.name))))))));
}
