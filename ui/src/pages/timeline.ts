// A timeline: every dated statement about a body or a unit, oldest first, each with its
// sentence and source; the 2025 reform last (#/timeline/body/<id>, #/timeline/unit/<code>).
import { enc, get } from "../api";
import { href, loading, statusBadge, unitLink } from "../components";
import { clear, h, put } from "../dom";
import { patternLabel } from "../labels";
import { BASIS, readerHref, sentenceWithSpan, when } from "../evidence";

const TYPE: Record<string, string> = {
  MERGED_INTO: "Sáp nhập, hợp nhất", TRANSFERRED_FUNCTION_TO: "Chuyển chức năng",
  HELD_CONCURRENTLY_WITH: "Kiêm nhiệm", HOLDS: "Giữ chức", APPLIES: "Áp dụng mô hình kiêm nhiệm",
  REDUCED: "Cắt giảm", BODY_ENDED: "Chấm dứt (cấp huyện bị bỏ)", UNIT_ABOLISHED: "Giải thể (cấp huyện bị bỏ)",
  UNIT_REFORMED: "Sắp xếp đơn vị hành chính 2025",
};

function nodeLink(n: any) {
  if (!n?.id) return h("span", null, n?.name ?? "—");
  if (n.label === "Body") return h("a", { href: href.body(n.id) }, n.name);
  if (n.label === "Person") return h("a", { href: href.person(n.id) }, n.name);
  if (n.label === "Position") return h("a", { href: href.position(n.id) }, n.name);
  if (n.label === "AdminUnit") return unitLink({ uid: n.id, name: n.name });
  if (n.label === "ConcurrencyPattern") return h("span", null, patternLabel({ id: n.id }));
  return h("span", null, n.name ?? n.id);
}

function item(i: any) {
  const ev = i.evidence ?? {};
  const src = ev.source ?? {};
  const reform = ["BODY_ENDED", "UNIT_ABOLISHED", "UNIT_REFORMED"].includes(i.type);
  return h("li", { class: `tl-item tl-${i.type}`, "data-type": i.type },
    h("div", { class: "tl-date" }, h("strong", null, when(i.date)),
      h("div", { class: "muted small tl-basis" }, BASIS[i.date_basis] ?? i.date_basis)),
    h("div", { class: "tl-body" },
      h("div", null, h("strong", null, TYPE[i.type] ?? i.type), " ", statusBadge(i.status)),
      reform
        ? h("p", null, nodeLink(i.from), i.to ? [" · nay thuộc ", nodeLink(i.to)] : null,
          i.successors?.length ? h("span", { class: "muted" }, ` · ${i.successors.length} đơn vị kế thừa: `,
            i.successors.slice(0, 8).map((u: any, k: number) => [k ? ", " : "", unitLink(u)]),
            i.successors.length > 8 ? " …" : "") : null)
        : h("p", null, nodeLink(i.from), " → ", nodeLink(i.to)),
      ev.quote ? h("blockquote", null, sentenceWithSpan(ev)) : null,
      h("div", { class: "cite" },
        i.valid_from ? `từ ${when(i.valid_from)} · ` : "", i.valid_to ? `đến ${when(i.valid_to)} · ` : "",
        i.reported_by && !reform ? `đăng ${when(i.reported_by)} · ` : "",
        src.kind === "dataset" ? h("span", null, `Dữ liệu: ${src.title ?? src.id}`)
          : src.id ? h("a", { href: readerHref(src.id, ev.start, ev.end) }, `${src.publisher ?? "Nguồn"}: ${src.title ?? src.id}`) : null)));
}

export async function timelinePage(root: HTMLElement, arg: string) {
  const slash = arg.indexOf("/");
  const kind = arg.slice(0, slash), id = arg.slice(slash + 1);
  root.append(loading());
  const data = await get(kind === "body" ? `/bodies/${enc(id)}/timeline` : `/units/${enc(id)}/timeline`);
  clear(root);
  const subject = data.subject;
  const back = kind === "body" ? h("a", { href: href.body(id) }, subject.name) : unitLink(subject.unit);
  put(root,
    h("p", { class: "crumbs" }, back, " · Dòng thời gian ", h("span", { class: "en" }, "Timeline")),
    h("h1", { class: "title" }, subject.name),
    h("p", { class: "meta" }, `${data.items.length} mốc, cũ nhất trước. Ngày là ngày câu trích nêu; khi câu không nêu, là ngày đăng bài (mốc chậm nhất).`),
    h("section", { class: "card" },
      data.items.length ? h("ol", { class: "timeline" }, data.items.map(item))
        : h("p", { class: "muted" }, "Chưa có mốc nào được ghi nhận.")));
}
