// Pieces shared by the pages: links, status badges, evidence quotes, the 2025 fate.
import { enc, get } from "./api";
import { h, put } from "./dom";
import { date, label, LEVEL, STATUS } from "./labels";
import { readerHref, sentenceWithSpan, whenText } from "./evidence";

export const href = {
  body: (id: string) => `#/body/${enc(id)}`,
  person: (id: string) => `#/person/${enc(id)}`,
  position: (id: string) => `#/position/${enc(id)}`,
  source: (id: string) => `#/source/${enc(id)}`,
  unit: (u: { uid?: string; code?: string; level?: string; era?: string }) => {
    const uid = u.uid ?? `legacy:${u.code}`;
    const [era, code] = uid.split(":");
    if (u.level === "province" && era === "legacy") return `#/province/${enc(code)}`;
    return `#/unit/${enc(era === "legacy" ? code : uid)}`;
  },
  compare: (codes: string[]) => `#/compare/${codes.map(enc).join(",")}`,
};

export function unitLink(u: any) {
  if (!u) return h("span", { class: "muted" }, "—");
  return h("a", { href: href.unit(u) }, u.name ?? u.uid);
}

export function statusBadge(status: string | null | undefined) {
  return h("span", { class: `badge status-${status ?? "unknown"}` }, label(STATUS, status));
}

export function levelBadge(level: string | null | undefined) {
  return h("span", { class: "badge level" }, label(LEVEL, level));
}

/** Evidence quotes, each with its date and a link to its source (in the app and the original). */
export function evidenceList(evidence: any[] | null | undefined) {
  if (!evidence || evidence.length === 0) return h("p", { class: "muted" }, "Không có trích dẫn.");
  return h("ul", { class: "evidence" }, evidence.map((e) =>
    h("li", null,
      h("blockquote", null, e.sentence ? sentenceWithSpan(e) : `“${e.quote}”`),
      h("div", { class: "cite" },
        e.sentence ? `${whenText(e)} · ` : e.date ? `${date(e.date)} · ` : "",
        e.publisher ? `${e.publisher} · ` : "",
        h("a", { href: readerHref(e.source_id, e.start, e.end) }, e.title ? `Nguồn “${e.title}”` : `Nguồn ${e.source_id}`),
        e.url ? [" · ", h("a", { href: e.url, target: "_blank", rel: "noopener noreferrer", class: "ext" },
          "bài gốc ↗")] : null))));
}

/** The statements behind one fact, fetched when the reader opens them. */
export function factEvidence(factId: string, summary = "Trích dẫn") {
  const box = h("details", { class: "fact-evidence" }, h("summary", null, summary));
  let loaded = false;
  box.addEventListener("toggle", async () => {
    if (loaded || !box.open) return;
    loaded = true;
    try {
      const data = await get(`/facts/${enc(factId)}/evidence`);
      box.append(evidenceList(data.evidence.map((row: any) => ({
        ...row.evidence, source_id: row.source.id, url: row.source.url, publisher: row.source.publisher }))));
    } catch (err) {
      box.append(errorBox(err));
    }
  });
  return box;
}

/** "giảm khoảng 118 lãnh đạo (cấp xã)": a reported reduction as the press says it. */
export function reductionText(r: any): string {
  const figure = r.count != null ? r.count.toLocaleString("vi-VN") : `${r.percent}%`;
  const level = r.level && r.level !== r.kind.level ? ` (${label(LEVEL, r.level).toLowerCase()})` : "";
  return `giảm ${r.approx ? "khoảng " : ""}${figure} ${r.kind.name}${level}`;
}

/** The reductions a unit and its units reported, one row each, figures as reported (not summed). */
export function reductionsSection(reductions: any[]) {
  return h("section", { class: "card reductions" },
    h("h2", null, "Cắt giảm được báo cáo ", h("span", { class: "en" }, "Reductions reported")),
    reductions.length
      ? h("table", { class: "reductions" },
        h("thead", null, h("tr", null, ["Cắt giảm", "Đơn vị báo cáo", "Trạng thái", "Ngày", "Bằng chứng"].map((t) => h("th", null, t)))),
        h("tbody", null, reductions.map((r) => h("tr", { "data-kind": r.kind.what },
          h("td", null, reductionText(r)),
          h("td", null, unitLink(r.unit)),
          h("td", null, statusBadge(r.status)),
          h("td", null, date(r.date)),
          h("td", null, factEvidence(r.fact_id))))))
      : h("p", { class: "muted" }, "Chưa có số liệu cắt giảm nào được ghi nhận."));
}

/** Where a unit's territory is after the 2025 reform. */
export function fateBlock(fate: any, unitName?: string) {
  const box = h("section", { class: "fate card" },
    h("h3", null, "Sau sắp xếp 2025 ", h("span", { class: "en" }, "2025 fate")));
  if (!fate || (!fate.province && (!fate.units || fate.units.length === 0))) {
    box.append(h("p", { class: "muted" }, "Chưa có thông tin."));
    return box;
  }
  if (fate.province) {
    box.append(h("p", null, unitName ? `${unitName} nay thuộc ` : "Nay thuộc ",
      h("strong", { class: "fate-province" }, fate.province.name), "."));
  }
  const units = fate.units ?? [];
  if (units.length) {
    put(box, h("p", null, `Đơn vị hiện nay (${units.length}):`),
      h("ul", { class: "fate-units" }, units.slice(0, 60).map((u: any) =>
        h("li", null, h("a", { href: href.unit(u) }, u.name ?? u.uid),
          u.is_default === false ? h("span", { class: "muted" }, " (một phần)") : null))),
      units.length > 60 ? h("p", { class: "muted" }, `… và ${units.length - 60} đơn vị khác`) : null);
  }
  return box;
}

export function loading() {
  return h("p", { class: "muted loading" }, "Đang tải… ", h("span", { class: "en" }, "Loading…"));
}

export function errorBox(err: unknown) {
  const e = err as any;
  const notFound = e?.status === 404;
  return h("div", { class: "error card", role: "alert" },
    h("strong", null, notFound ? "Không tìm thấy " : "Lỗi ", h("span", { class: "en" }, notFound ? "Not found" : "Error")),
    h("p", null, e?.detail || e?.message || String(err)));
}
