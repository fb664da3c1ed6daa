// The lineage picture: an SVG drawn from the layout dagre computes. Node names are
// SVG text (readable, selectable, searchable); a click on a node moves to that body.
import dagre from "@dagrejs/dagre";
import { s, h } from "./dom";
import { BRANCH, date, label, MERGE_KIND, STATUS } from "./labels";

export interface LNode { id: string; name: string; body_type?: string; branch?: string; unit_uid?: string }
export interface LEdge { from: LNode; to: LNode; kind: string; status: string; date?: string | null; fact_id?: string }

const LINE_CHARS = 26, LINE_H = 16, NODE_W = 210, PAD = 10;

function wrap(text: string, max = LINE_CHARS): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > max) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function edgeLabel(e: LEdge): string {
  const kind = label(MERGE_KIND, e.kind);
  return e.date ? `${kind} · ${date(e.date)}` : kind;
}

// the selected body's name is drawn bold: fewer characters fit a line of the same box
const ROOT_LINE_CHARS = 21;

export function lineageGraph(nodes: LNode[], edges: LEdge[], rootId: string,
                             onOpen: (id: string) => void, onEdge?: (index: number) => void): HTMLElement {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 110, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map<string, string[]>();
  for (const n of nodes) {
    const l = wrap(n.name || n.id, n.id === rootId ? ROOT_LINE_CHARS : LINE_CHARS);
    lines.set(n.id, l);
    g.setNode(n.id, { width: NODE_W, height: l.length * LINE_H + 2 * PAD });
  }
  edges.forEach((e, i) => {
    const text = edgeLabel(e);
    g.setEdge(e.from.id, e.to.id, { width: text.length * 6.5 + 8, height: 16, labelpos: "c" }, String(i));
  });
  dagre.layout(g);
  const { width = 400, height = 200 } = g.graph();

  const svg = s("svg", {
    class: "lineage", role: "figure", viewBox: `0 0 ${width} ${height}`,
    width: Math.max(width, 300), height: Math.max(height, 120),
    "aria-label": "Sơ đồ quan hệ sáp nhập",
  }) as SVGSVGElement;
  svg.append(s("defs", null,
    s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
      s("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrowhead" }))));

  const edgeLayer = s("g", { class: "edges" });
  edges.forEach((e, i) => {
    const geo = g.edge(e.from.id, e.to.id, String(i)) as any;
    const pts: { x: number; y: number }[] = geo.points;
    const d = pts.map((p, j) => `${j ? "L" : "M"} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
    const text = edgeLabel(e);
    const edge = s("g", {
      class: `edge status-${e.status ?? "unknown"} kind-${e.kind}`, tabindex: onEdge ? 0 : null, role: onEdge ? "button" : null,
      "aria-label": `${e.from.name} → ${e.to.name}: ${text} (${label(STATUS, e.status)}). Xem bằng chứng`, "data-edge": i,
    },
      s("title", null, `${e.from.name} → ${e.to.name}: ${text} (${label(STATUS, e.status)}). Bấm để xem bằng chứng.`),
      s("path", { class: "hit", d }),
      s("path", { d, "marker-end": "url(#arrow)" }),
      s("rect", { class: "edge-label-bg", x: geo.x - geo.width / 2, y: geo.y - 9, width: geo.width, height: 16, rx: 3 }),
      s("text", { class: "edge-label", x: geo.x, y: geo.y + 4, "text-anchor": "middle" }, text));
    if (onEdge) {
      edge.addEventListener("click", () => onEdge(i));
      edge.addEventListener("keydown", (ev) => {
        const k = (ev as KeyboardEvent).key;
        if (k === "Enter" || k === " ") { ev.preventDefault(); onEdge(i); }
      });
    }
    edgeLayer.append(edge);
  });

  const nodeLayer = s("g", { class: "nodes" });
  for (const n of nodes) {
    const geo = g.node(n.id) as any;
    const x = geo.x - geo.width / 2, y = geo.y - geo.height / 2;
    const root = n.id === rootId;
    const text = s("text", { x: geo.x, y: y + PAD + 12, "text-anchor": "middle" },
      // each line keeps its trailing space, so the element's text reads as the whole name
      (lines.get(n.id) ?? []).map((line, j, all) =>
        s("tspan", { x: geo.x, dy: j ? LINE_H : 0 }, j < all.length - 1 ? `${line} ` : line)));
    const node = s("g", {
      class: `node branch-${n.branch ?? "none"}${root ? " root" : ""}`, tabindex: 0,
      role: root ? "group" : "link", "aria-label": n.name, "aria-current": root ? "page" : null, "data-id": n.id,
    },
      s("rect", { x, y, width: geo.width, height: geo.height, rx: 6 }), text);
    if (!root) {
      node.addEventListener("click", () => onOpen(n.id));
      node.addEventListener("keydown", (ev) => {
        const k = (ev as KeyboardEvent).key;
        if (k === "Enter" || k === " ") { ev.preventDefault(); onOpen(n.id); }
      });
    }
    nodeLayer.append(node);
  }
  svg.append(edgeLayer, nodeLayer);
  return h("div", { class: "graph-wrap" }, panZoom(svg, width, height), svg);
}

/** Zoom buttons, wheel zoom and drag to pan, by moving the viewBox. */
function panZoom(svg: SVGSVGElement, width: number, height: number): HTMLElement {
  let vb = { x: 0, y: 0, w: width, h: height };
  const apply = () => svg.setAttribute("viewBox", `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
  const zoom = (f: number, cx = vb.x + vb.w / 2, cy = vb.y + vb.h / 2) => {
    vb = { x: cx - (cx - vb.x) * f, y: cy - (cy - vb.y) * f, w: vb.w * f, h: vb.h * f };
    apply();
  };
  svg.addEventListener("wheel", (ev) => {
    if (!ev.ctrlKey && !ev.metaKey) return; // plain wheel scrolls the page
    ev.preventDefault();
    const r = svg.getBoundingClientRect();
    zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15,
      vb.x + ((ev.clientX - r.left) / r.width) * vb.w, vb.y + ((ev.clientY - r.top) / r.height) * vb.h);
  }, { passive: false });
  let drag: { x: number; y: number; vx: number; vy: number } | null = null;
  svg.addEventListener("pointerdown", (ev) => {
    if ((ev.target as Element).closest(".node, .edge")) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y };
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    vb.x = drag.vx - ((ev.clientX - drag.x) / r.width) * vb.w;
    vb.y = drag.vy - ((ev.clientY - drag.y) / r.height) * vb.h;
    apply();
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  return h("div", { class: "graph-tools" },
    h("button", { type: "button", title: "Phóng to (Zoom in)", onclick: () => zoom(1 / 1.25) }, "+"),
    h("button", { type: "button", title: "Thu nhỏ (Zoom out)", onclick: () => zoom(1.25) }, "−"),
    h("button", { type: "button", title: "Vừa khung (Fit)", onclick: () => { vb = { x: 0, y: 0, w: width, h: height }; apply(); } }, "⤢"),
    h("span", { class: "muted small" }, " Kéo để di chuyển, Ctrl + cuộn để phóng to. Bấm vào một cơ quan để mở."));
}

export function legend(branches?: string[]): HTMLElement {
  const line = (status: string) => s("svg", { width: 40, height: 10, class: `edge status-${status}`, "aria-hidden": "true" },
    s("path", { d: "M 2 5 L 38 5" }));
  const shown = branches?.length ? Object.keys(BRANCH).filter((b) => branches.includes(b)) : Object.keys(BRANCH);
  return h("div", { class: "legend" },
    Object.keys(STATUS).map((st) => h("span", { class: "legend-item" }, line(st), " ", label(STATUS, st))),
    shown.map((b) =>
      h("span", { class: "legend-item" }, h("span", { class: `swatch branch-${b}`, "aria-hidden": "true" }), " ", label(BRANCH, b))));
}
