// Search: results as you type (the API folds diacritics: "dam ha" finds "Đầm Hà").
import { get } from "../api";
import { href, errorBox, levelBadge } from "../components";
import { clear, h } from "../dom";
import { ERA, KIND, label } from "../labels";

function resultHref(item: any): string {
  switch (item.kind) {
    case "body": return href.body(item.id);
    case "person": return href.person(item.id);
    case "position": return href.position(item.id);
    default: return href.unit({ uid: item.id, level: item.level });
  }
}

export function searchPage(root: HTMLElement, params: URLSearchParams) {
  const input = h("input", {
    type: "search", id: "q", name: "q", autocomplete: "off", autofocus: true,
    placeholder: "Tên cơ quan, đơn vị, chức danh, cán bộ… (có dấu hoặc không dấu)",
    "aria-label": "Tìm kiếm",
  });
  const kind = h("select", { id: "kind", "aria-label": "Loại" },
    h("option", { value: "" }, "Tất cả"),
    Object.entries(KIND).map(([k, v]) => h("option", { value: k }, v)));
  const results = h("div", { id: "results" });
  const more = h("button", { type: "button", class: "more", hidden: true }, "Xem thêm");
  root.append(
    h("h1", null, "Tìm kiếm ", h("span", { class: "en" }, "Search")),
    h("form", { class: "searchbar", role: "search", onsubmit: (e: Event) => e.preventDefault() }, input, kind),
    h("p", { class: "muted hint" }, "Gõ không dấu cũng được; hiểu viết tắt: UBKT, MTTQ, BTG. Ví dụ: ",
      h("a", { href: "#/?q=dam%20ha" }, "dam ha"), ", ", h("a", { href: "#/?q=quynh%20nhai" }, "quynh nhai"),
      ", ", h("a", { href: "#/?q=ubkt%20dam%20ha" }, "ubkt dam ha"), "."),
    results, more);

  input.value = params.get("q") ?? "";
  kind.value = params.get("kind") ?? "";
  let seq = 0, timer: number | undefined, offset = 0;

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
      const page = await get("/search", { q, kind: kind.value, limit: 30, offset });
      if (mine !== seq) return; // a newer query is under way
      if (!append) clear(results);
      let list = results.querySelector("ol");
      if (!list) { list = h("ol", { class: "results" }); results.append(list); }
      if (!append && page.items.length === 0) {
        results.append(h("p", { class: "muted" }, `Không có kết quả cho “${q}”.`));
      }
      for (const item of page.items) {
        list.append(h("li", { class: `result kind-${item.kind}` },
          h("span", { class: "badge kind" }, label(KIND, item.kind)),
          h("a", { href: resultHref(item) }, item.name),
          item.level ? levelBadge(item.level) : null,
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
}
