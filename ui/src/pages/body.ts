// Body: its lineage as a picture, the evidence of each edge, its posts and its unit's 2025 fate.
import { enc, get } from "../api";
import { errorBox, evidenceList, fateBlock, href, loading, statusBadge, unitLink } from "../components";
import { clear, h, put } from "../dom";
import { legend, lineageGraph, edgeLabel } from "../graph";
import { BRANCH, date, label, LEVEL } from "../labels";

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
  const asOfInput = h("input", { type: "date", id: "as_of", value: asOf, "aria-label": "Tính đến ngày" });
  const controls = h("form", { class: "controls", onsubmit: (e: Event) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (dirSelect.value !== "both") next.set("direction", dirSelect.value);
    if (asOfInput.value) next.set("as_of", asOfInput.value);
    go(next);
  } },
    h("label", null, "Hướng ", dirSelect), " ",
    h("label", null, "Tính đến ngày ", h("span", { class: "en" }, "as of"), " ", asOfInput), " ",
    h("button", { type: "submit" }, "Xem"));
  dirSelect.addEventListener("change", () => controls.requestSubmit());

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
    h("section", { class: "card" },
      h("h2", null, "Quan hệ sáp nhập ", h("span", { class: "en" }, "Lineage")),
      controls,
      tree.nodes.length > 1
        ? [lineageGraph(tree.nodes, tree.edges, id, (next) => { location.hash = href.body(next); }), legend()]
        : h("p", { class: "muted empty" }, asOf
          ? `Chưa có quan hệ sáp nhập nào tính đến ${date(asOf)}.`
          : "Cơ quan này chưa có quan hệ sáp nhập nào được ghi nhận."),
      preds.length ? h("p", null, h("strong", null, "Tiền thân: "),
        preds.map((e: any, i: number) => [i ? ", " : "", h("a", { href: href.body(e.from.id) }, e.from.name)])) : null,
      succs.length ? h("p", null, h("strong", null, "Kế thừa: "),
        succs.map((e: any, i: number) => [i ? ", " : "", h("a", { href: href.body(e.to.id) }, e.to.name)])) : null),
    edgesSection(tree.edges),
    h("div", { class: "two" },
      fateBlock(body.fate, body.unit.name),
      postsSection(body.positions, body.transfers)),
  );
}

function edgesSection(edges: any[]) {
  if (!edges.length) return null;
  return h("section", { class: "card" },
    h("h2", null, "Bằng chứng ", h("span", { class: "en" }, "Evidence")),
    h("table", { class: "edges-table" },
      h("thead", null, h("tr", null, ["Từ", "Vào", "Quan hệ", "Trạng thái", "Trích dẫn và nguồn"].map((t) => h("th", null, t)))),
      h("tbody", null, edges.map((e) => h("tr", null,
        h("td", null, h("a", { href: href.body(e.from.id) }, e.from.name)),
        h("td", null, h("a", { href: href.body(e.to.id) }, e.to.name)),
        h("td", null, edgeLabel(e)),
        h("td", null, statusBadge(e.status)),
        h("td", null, evidenceList(e.evidence)))))));
}

function postsSection(positions: any[], transfers: any[]) {
  return h("section", { class: "card" },
    h("h3", null, "Chức danh ", h("span", { class: "en" }, "Posts")),
    positions?.length
      ? h("ul", null, positions.map((p: any) => h("li", null, h("a", { href: href.position(p.id) }, p.name ?? p.position_type ?? p.id))))
      : h("p", { class: "muted" }, "Chưa ghi nhận chức danh."),
    transfers?.length ? [
      h("h3", null, "Chuyển chức năng ", h("span", { class: "en" }, "Transfers")),
      h("ul", null, transfers.map((t: any) => h("li", null,
        t.direction === "out" ? "chuyển sang " : "nhận từ ",
        h("a", { href: href.body(t.body.id) }, t.body.name),
        t.function ? `: ${t.function}` : "", " ", statusBadge(t.status), t.date ? ` ${date(t.date)}` : ""))),
    ] : null);
}
