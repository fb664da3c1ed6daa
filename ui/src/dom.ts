// A tiny DOM builder: h("a", {href: "#/"}, "text", child). No innerHTML with data, ever.
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs: Attrs | null = null, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s(tag: string, attrs: Attrs | null = null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs | null) {
  if (!attrs) return;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value as EventListener);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

export function append(el: Node, children: Child[]) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
}

export function clear(el: Element) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** el.append(...) that skips null/false children. */
export function put(el: Node, ...children: Child[]) {
  append(el, children);
}

/** Each cell of a table gets the heading of its column as data-label: on a narrow screen
 * (style.css) rows become cards, each cell headed by its column's name. */
export function stackable<T extends HTMLTableElement>(table: T): T {
  const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent?.trim() ?? "");
  table.classList.add("stack");
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((cell, i) => { if (heads[i]) cell.setAttribute("data-label", heads[i]); });
  }
  return table;
}

/** A wide table (columns compared side by side) scrolls inside its box, not the page. */
export function scroller(child: HTMLElement): HTMLElement {
  return h("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Bảng (cuộn ngang)" }, child);
}
