// The source reader: the article's text with every extracted fact's span highlighted
// and linked to its fact, a focused span (#/source/<id>?hl=START-END), and a button that
// copies the citation "Publisher, title, date, url, quote".
import { enc, get } from "../api";
import { href, loading, originalLink, statusBadge } from "../components";
import { clear, h, put } from "../dom";
import { patternLabel } from "../labels";
import { citation, copyText, readerHref, sentenceWithSpan, when, whenText } from "../evidence";

const FACT_LABEL: Record<string, string> = {
  MERGED_INTO: "sáp nhập vào", TRANSFERRED_FUNCTION_TO: "chuyển chức năng về",
  HELD_CONCURRENTLY_WITH: "kiêm nhiệm cùng", HOLDS: "giữ chức", APPLIES: "áp dụng mô hình",
  REDUCED: "cắt giảm",
};

function nodeLink(n: any) {
  if (!n?.id) return h("span", null, n?.name ?? "—");
  switch (n.label) {
    case "Body": return h("a", { href: href.body(n.id) }, n.name);
    case "Person": return h("a", { href: href.person(n.id) }, n.name);
    case "Position": return h("a", { href: href.position(n.id) }, n.name);
    case "AdminUnit": return h("a", { href: href.unit({ uid: n.id }) }, n.name);
    case "ConcurrencyPattern": return h("span", null, patternLabel({ id: n.id }));
    default: return h("span", null, n.name ?? n.id);
  }
}

/** The text cut at every span boundary; a piece inside spans is a <mark> of them. */
function annotated(text: string, evidence: any[], focus: [number, number] | null, onPick: (e: any) => void) {
  const cuts = new Set<number>([0, text.length]);
  for (const e of evidence) { cuts.add(e.start); cuts.add(e.end); }
  if (focus) { cuts.add(focus[0]); cuts.add(focus[1]); }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const body = h("div", { class: "reader-text", lang: "vi" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = evidence.filter((e) => e.start <= a && b <= e.end);
    const inFocus = focus && focus[0] <= a && b <= focus[1];
    const piece = text.slice(a, b);
    if (!covering.length && !inFocus) { body.append(piece); continue; }
    const first = covering[0];
    const mark = h("mark", {
      class: `span${inFocus ? " focus" : ""}`, tabindex: "0", role: "button",
      "data-start": String(first ? first.start : a), "data-end": String(first ? first.end : b),
      title: covering.map((e) => `${FACT_LABEL[e.rel_type] ?? e.rel_type}: ${e.fact?.from?.name ?? ""} → ${e.fact?.to?.name ?? ""}`).join("\n"),
    }, piece);
    const pick = () => onPick(covering.find((e) => focus && e.start === focus[0] && e.end === focus[1]) ?? first);
    if (first) {
      mark.addEventListener("click", pick);
      mark.addEventListener("keydown", (ev: Event) => { if ((ev as KeyboardEvent).key === "Enter") pick(); });
    }
    body.append(mark);
  }
  return body;
}

export async function readerPage(root: HTMLElement, id: string, params: URLSearchParams) {
  root.append(loading());
  const data = await get(`/sources/${enc(id)}`, { text: "true" });
  clear(root);
  const src = data.source;
  const evidence: any[] = data.evidence;
  const m = /^(\d+)-(\d+)$/.exec(params.get("hl") ?? "");
  const focus: [number, number] | null = m ? [Number(m[1]), Number(m[2])] : null;
  const text: string = data.text ?? "";

  const citeText = h("p", { class: "citation", "aria-live": "polite" });
  const copied = h("span", { class: "muted small copied", role: "status" });
  const facts = h("div", { class: "reader-facts" });
  let current: { quote: string } | null = null;

  const show = (quote: string, statements: any[]) => {
    current = { quote };
    citeText.textContent = citation(src, quote);
    copied.textContent = "";
    clear(facts);
    put(facts, statements.length ? h("ul", { class: "evidence" }, statements.map((e) => h("li", { "data-fact": e.fact_id },
      h("div", null, statusBadge(e.status), " ", nodeLink(e.fact?.from), ` ${FACT_LABEL[e.rel_type] ?? e.rel_type} `, nodeLink(e.fact?.to)),
      h("blockquote", null, sentenceWithSpan(e)),
      h("div", { class: "cite" }, whenText(e))))) : null);
  };
  const pick = (e: any) => {
    history.replaceState(null, "", readerHref(id, e.start, e.end));
    root.querySelectorAll("mark.span.focus").forEach((el) => el.classList.remove("focus"));
    root.querySelectorAll(`mark.span[data-start="${e.start}"][data-end="${e.end}"]`).forEach((el) => el.classList.add("focus"));
    show(e.quote, evidence.filter((x) => x.start === e.start && x.end === e.end));
  };

  const copyButton = h("button", { type: "button", class: "copy-citation", onclick: async () => {
    if (!current) return;
    copied.textContent = (await copyText(citation(src, current.quote))) ? " Đã sao chép." : " Không sao chép được: hãy chọn và sao chép đoạn trên.";
  } }, "Sao chép trích dẫn ", h("span", { class: "en" }, "Copy citation"));

  put(root,
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Tìm kiếm"), " · Nguồn ", h("span", { class: "en" }, "Source")),
    h("h1", { class: "title" }, src.title || src.id),
    h("p", { class: "meta" }, src.publisher ?? "(không rõ nơi đăng)", src.date ? ` · ${when(src.date)}` : "",
      src.province_hint ? ` · ${src.province_hint}` : "", " · ",
      src.url ? originalLink(src.url) : h("span", { class: "muted" }, "không có URL gốc"),
      src.retracted_at ? h("span", { class: "badge status-ended" }, "đã rút") : null),
    h("div", { class: "reader" },
      h("section", { class: "card reader-main" },
        h("h2", null, `Toàn văn · ${evidence.length} trích dẫn được đánh dấu `, h("span", { class: "en" }, "Full text")),
        text ? annotated(text, evidence, focus, pick)
          : h("p", { class: "muted" }, "Văn bản của nguồn này không được lưu (bộ dữ liệu, hoặc nạp trước khi lưu văn bản).")),
      h("section", { class: "card cite-box", "aria-label": "Trích dẫn" },
        h("h2", null, "Trích dẫn ", h("span", { class: "en" }, "Citation")),
        citeText, copyButton, copied, facts)),
    h("p", { class: "muted small" }, h("code", null, src.content_hash ?? "")));

  const focused = focus && evidence.find((e) => e.start === focus[0] && e.end === focus[1]);
  if (focused) pick(focused);
  else if (focus) show(text.slice(focus[0], focus[1]), []);
  else {
    citeText.textContent = "Chọn một đoạn được đánh dấu để xem sự kiện và trích dẫn.";
  }
  root.querySelector("mark.span.focus")?.scrollIntoView({ block: "center" });
}
