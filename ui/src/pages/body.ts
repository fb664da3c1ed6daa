// Body: its lineage as a picture, the evidence of each edge, its posts and its unit's 2025 fate.
import { enc, get } from "../api";
import { csvButton, evidenceList, evidenceText, fateBlock, href, loading, statusBadge, unitLink } from "../components";
import { clear, h, put, stackable } from "../dom";
import { legend, lineageGraph, edgeLabel } from "../graph";
import { BRANCH, date, label, LEVEL, MERGE_KIND, positionName, STATUS } from "../labels";

/** '26/04/2020' (or 26-4-2020) -> '2020-04-26'; null when it is not a date. */
export function parseViDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export async function bodyPage(root: HTMLElement, id: string, params: URLSearchParams) {
  const direction = params.get("direction") ?? "both";
  const asOf = params.get("as_of") ?? "";
  root.append(loading());
  const [body, tree] = await Promise.all([
    get(`/bodies/${enc(id)}`),
    get(`/bodies/${enc(id)}/lineage`, { direction, as_of: asOf }),
  ]);
  clear(root);
  const b = body.body;
  const go = (next: URLSearchParams) => { location.hash = `#/body/${enc(id)}?${next}`; };

  const dirSelect = h("select", { id: "direction", "aria-label": "Hướng" },
    [["both", "Cả hai chiều"], ["predecessors", "Tiền thân"], ["successors", "Kế thừa"]].map(([v, t]) =>
      h("option", { value: v, selected: v === direction }, t)));
  // a text field in the Vietnamese order (dd/mm/yyyy): a date input shows the browser's locale
  const asOfInput = h("input", { type: "text", id: "as_of", value: asOf ? date(asOf) : "", inputmode: "numeric",
    placeholder: "dd/mm/yyyy", autocomplete: "off", size: 11, "aria-label": "Tính đến ngày (ngày/tháng/năm)" });
  asOfInput.addEventListener("input", () => asOfInput.setCustomValidity(""));
  const controls = h("form", { class: "controls", onsubmit: (e: Event) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (dirSelect.value !== "both") next.set("direction", dirSelect.value);
    if (asOfInput.value.trim()) {
      const iso = parseViDate(asOfInput.value);
      if (!iso) {
        asOfInput.setCustomValidity("Ngày theo dạng ngày/tháng/năm, ví dụ 26/04/2020.");
        asOfInput.reportValidity();
        return;
      }
      next.set("as_of", iso);
    }
    go(next);
  } },
    h("label", null, "Hướng ", dirSelect), " ",
    h("label", null, "Tính đến ngày ", h("span", { class: "en" }, "as of"), " ", asOfInput), " ",
    h("button", { type: "submit" }, "Xem"));
  dirSelect.addEventListener("change", () => controls.requestSubmit());

  // a click on an edge opens its evidence below the picture
  const edgeDetail = h("div", { class: "edge-detail", "aria-live": "polite" });
  const openEdge = (i: number) => {
    const e = tree.edges[i];
    clear(edgeDetail);
    edgeDetail.classList.add("card");
    put(edgeDetail,
      h("h3", null, h("a", { href: href.body(e.from.id) }, e.from.name), " → ", h("a", { href: href.body(e.to.id) }, e.to.name)),
      h("p", null, edgeLabel(e), " ", statusBadge(e.status)),
      evidenceList(e.evidence),
      h("button", { type: "button", class: "close", onclick: () => { clear(edgeDetail); edgeDetail.classList.remove("card"); } }, "Đóng"));
    edgeDetail.tabIndex = -1;
    edgeDetail.focus();
  };

  const preds = tree.edges.filter((e: any) => e.to.id === id);
  const succs = tree.edges.filter((e: any) => e.from.id === id);

  put(root,
    h("p", { class: "crumbs" }, unitLink(body.unit), body.unit.level ? ` · ${label(LEVEL, body.unit.level)}` : ""),
    h("h1", { class: "title" }, b.name),
    h("p", { class: "meta" },
      h("span", { class: `badge branch-${b.branch}` }, label(BRANCH, b.branch)), " ",
      h("code", { class: "id" }, b.id), " · ",
      `${body.predecessors} tiền thân, ${body.successors} kế thừa · `,
      h("a", { href: `#/timeline/body/${enc(id)}`, class: "timeline-link" }, "Dòng thời gian ", h("span", { class: "en" }, "Timeline"))),
    body.ended ? h("p", { class: "ended card", role: "note" }, statusBadge("ended"), " ",
      h("strong", null, `Chấm dứt từ ${date(body.ended.date)}`), " khi bỏ cấp huyện (sắp xếp 2025); địa bàn nay thuộc ",
      body.fate?.province?.name ?? "—", ". ", h("span", { class: "muted small" }, `Nguồn: ${body.ended.source?.title ?? "dữ liệu đơn vị hành chính"}`)) : null,
    h("p", { class: "tools" }, csvButton(`mergegraph-${b.id.replace(/[^\w+-]+/g, "_")}.csv`,
      ["từ", "vào", "quan hệ", "trạng thái", "ngày", "trích dẫn", "nguồn", "fact_id"],
      () => tree.edges.map((e: any) => [e.from.name, e.to.name, label(MERGE_KIND, e.kind), label(STATUS, e.status), e.date,
        ...evidenceText(e.evidence), e.fact_id]))),
    h("section", { class: "card" },
      h("h2", null, "Quan hệ sáp nhập ", h("span", { class: "en" }, "Lineage")),
      controls,
      tree.nodes.length > 1
        ? [lineageGraph(tree.nodes, tree.edges, id, (next) => { location.hash = href.body(next); }, openEdge),
          edgeDetail, legend([...new Set<string>(tree.nodes.map((n: any) => n.branch).filter(Boolean))])]
        : h("p", { class: "muted empty" }, asOf
          ? `Chưa có quan hệ sáp nhập nào tính đến ${date(asOf)}.`
          : "Cơ quan này chưa có quan hệ sáp nhập nào được ghi nhận."),
      preds.length ? h("p", null, h("strong", null, "Tiền thân: "),
        preds.map((e: any, i: number) => [i ? ", " : "", h("a", { href: href.body(e.from.id) }, e.from.name)])) : null,
      succs.length ? h("p", null, h("strong", null, "Kế thừa: "),
        succs.map((e: any, i: number) => [i ? ", " : "", h("a", { href: href.body(e.to.id) }, e.to.name)])) : null),
    edgesSection(tree.edges),
    h("div", { class: "two" },
      fateBlock(body.fate, body.unit.name, body.unit.uid),
      postsSection(body.positions, body.transfers)),
  );
}

function edgesSection(edges: any[]) {
  if (!edges.length) return null;
  return h("section", { class: "card" },
    h("h2", null, "Bằng chứng ", h("span", { class: "en" }, "Evidence")),
    stackable(h("table", { class: "edges-table" },
      h("thead", null, h("tr", null, ["Từ", "Vào", "Quan hệ", "Trạng thái", "Trích dẫn và nguồn"].map((t) => h("th", null, t)))),
      h("tbody", null, edges.map((e) => h("tr", { "data-fact": e.fact_id },
        h("td", null, h("a", { href: href.body(e.from.id) }, e.from.name)),
        h("td", null, h("a", { href: href.body(e.to.id) }, e.to.name)),
        h("td", null, edgeLabel(e)),
        h("td", null, statusBadge(e.status)),
        h("td", null, evidenceList(e.evidence))))))));
}

function postsSection(positions: any[], transfers: any[]) {
  return h("section", { class: "card" },
    h("h3", null, "Chức danh ", h("span", { class: "en" }, "Posts")),
    positions?.length
      ? h("ul", null, positions.map((p: any) => h("li", null, h("a", { href: href.position(p.id) }, positionName(p)))))
      : h("p", { class: "muted" }, "Chưa ghi nhận chức danh."),
    transfers?.length ? [
      h("h3", null, "Chuyển chức năng ", h("span", { class: "en" }, "Transfers")),
      h("ul", null, transfers.map((t: any) => h("li", null,
        t.direction === "out" ? "chuyển sang " : "nhận từ ",
        h("a", { href: href.body(t.body.id) }, t.body.name),
        t.function ? `: ${t.function}` : "", " ", statusBadge(t.status), t.date ? ` ${date(t.date)}` : ""))),
    ] : null);
}
