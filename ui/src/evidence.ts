// Citable evidence: a statement's whole sentence with its span highlighted, its dates,
// the reader's link to it, and the citation "Publisher, title, date, url, quote".
import { enc } from "./api";
import { h } from "./dom";

/** The sentence with the quote marked (offsets when the API gives them, else the first match). */
export function sentenceWithSpan(e: { quote: string; sentence?: string | null; start?: number; sentence_start?: number | null }) {
  const sentence = e.sentence ?? "";
  if (!sentence) return h("span", null, e.quote);
  let at = e.sentence_start != null && e.start != null ? e.start - e.sentence_start : -1;
  if (at < 0 || sentence.slice(at, at + e.quote.length) !== e.quote) at = sentence.indexOf(e.quote);
  if (at < 0) return h("span", null, sentence);
  return h("span", { class: "sentence" }, sentence.slice(0, at),
    h("mark", { class: "quote" }, e.quote), sentence.slice(at + e.quote.length));
}

/** The reader at this span. */
export function readerHref(sourceId: string, start?: number | null, end?: number | null): string {
  return `#/source/${enc(sourceId)}` + (start != null && end != null ? `?hl=${start}-${end}` : "");
}

/** An ISO date as Vietnamese write it, as precise as it is: 26/04/2020, 04/2019, 2019. */
export function when(value: string | null | undefined): string {
  if (!value) return "—";
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  return [m[3], m[2], m[1]].filter(Boolean).join("/");
}

export const BASIS: Record<string, string> = {
  stated: "ngày nêu trong câu",
  document: "suy từ bài (vd. “sau một năm thực hiện”)",
  reported_by: "chậm nhất: ngày đăng bài",
};

/** "từ 04/2019 (suy từ bài) · đăng 26/04/2020": what is known of when. */
export function whenText(e: { valid_from?: string | null; valid_to?: string | null; reported_by?: string | null; date_basis?: string | null }): string {
  const parts: string[] = [];
  if (e.valid_from) parts.push(`từ ${when(e.valid_from)}${e.date_basis === "document" ? " (suy từ bài)" : ""}`);
  if (e.valid_to) parts.push(`đến ${when(e.valid_to)}`);
  if (!e.valid_from && !e.valid_to) parts.push("thời điểm bắt đầu không nêu");
  if (e.reported_by) parts.push(`đăng ${when(e.reported_by)}`);
  return parts.join(" · ");
}

/** "Publisher, title, date, url, quote" (the url, or the source's id here when it has none). */
export function citation(source: { id: string; publisher?: string | null; title?: string | null; date?: string | null; url?: string | null }, quote: string): string {
  return [source.publisher || "(không rõ nơi đăng)", source.title ? `“${source.title}”` : `(nguồn ${source.id})`,
    source.date ? when(source.date) : "(không rõ ngày)", source.url || `(không có URL; mergegraph nguồn ${source.id})`,
    `“${quote}”`].join(", ");
}

/** Copy to the clipboard; the textarea way when the Clipboard API is refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h("textarea", { class: "offscreen", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
