// Pieces shared by the pages: links, status badges, evidence quotes, the 2025 fate.
import { enc, get } from "./api";
import { h, put, stackable } from "./dom";
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
        e.url ? [" · ", originalLink(e.url)] : null))));
}

/** A link to an article's page: only an http(s) url becomes a link (a stored
 * `javascript:` or `data:` url would be a script); any other is shown as text. */
export function originalLink(url: string | null | undefined, text = "bài gốc ↗") {
  if (!url) return null;
  return /^https?:\/\//i.test(url)
    ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "ext" }, text)
    : h("span", { class: "muted unsafe-url", title: "Địa chỉ không phải http(s): không mở" }, url);
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
      ? stackable(h("table", { class: "reductions" },
        h("thead", null, h("tr", null, ["Cắt giảm", "Đơn vị báo cáo", "Trạng thái", "Ngày", "Bằng chứng"].map((t) => h("th", null, t)))),
        h("tbody", null, reductions.map((r) => h("tr", { "data-kind": r.kind.what },
          h("td", null, reductionText(r)),
          h("td", null, unitLink(r.unit)),
          h("td", null, statusBadge(r.status)),
          h("td", null, date(r.date)),
          h("td", null, factEvidence(r.fact_id)))))))
      : h("p", { class: "muted" }, "Chưa có số liệu cắt giảm nào được ghi nhận."));
}

/** Where a unit's territory is after the 2025 reform. */
export function fateBlock(fate: any, unitName?: string, selfUid?: string) {
  const box = h("section", { class: "fate card" },
    h("h3", null, "Sau sắp xếp 2025 ", h("span", { class: "en" }, "2025 fate")));
  if (!fate || (!fate.province && (!fate.units || fate.units.length === 0))) {
    box.append(h("p", { class: "muted" }, "Chưa có thông tin."));
    return box;
  }
  if (fate.province) {
    const same = fate.province.uid === selfUid;
    if (same) {
      box.append(h("p", null, "Đơn vị hành chính hiện hành (từ 1/7/2025)."));
    } else if (unitName === fate.province.name) {
      // a legacy province whose successor keeps its name: say so, not "X nay thuộc X"
      box.append(h("p", null, `Từ 1/7/2025: `, h("a", { href: href.unit(fate.province), class: "fate-province" }, `${fate.province.name} (mới)`),
        fate.province.kind === "continue" ? " (giữ nguyên địa giới)." : "."));
    } else {
      box.append(h("p", null, unitName ? `${unitName} nay thuộc ` : "Nay thuộc ",
        h("a", { href: href.unit(fate.province), class: "fate-province" }, fate.province.name), "."));
    }
  }
  const units = (fate.units ?? []).filter((u: any) => u.uid !== selfUid);
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

const ERROR_VI: Record<number, string> = {
  400: "Yêu cầu không hợp lệ.", 401: "Cần mã truy cập.", 403: "Không được phép.",
  404: "Không tìm thấy: mã này không có trong dữ liệu.",
  413: "Dữ liệu gửi lên quá lớn.", 422: "Tham số không hợp lệ (mã, ngày hoặc giá trị không đúng dạng).",
  500: "Lỗi máy chủ; lỗi đã được ghi lại.", 503: "Cơ sở dữ liệu tạm thời không truy cập được; thử lại sau ít giây.",
};

/** An error in Vietnamese first; the API's own (English) detail below, for whoever reports it. */
export function errorBox(err: unknown) {
  const e = err as any;
  const status: number | undefined = e?.status;
  const notFound = status === 404;
  const vi = (status && ERROR_VI[status]) || (status ? `Lỗi ${status}.` : "Không kết nối được với máy chủ.");
  const detail = e?.detail || e?.message || String(err);
  return h("div", { class: "error card", role: "alert" },
    h("strong", null, notFound ? "Không tìm thấy " : "Lỗi ", h("span", { class: "en" }, notFound ? "Not found" : "Error")),
    h("p", { class: "error-vi" }, vi),
    detail ? h("p", { class: "en small error-en", lang: "en" }, detail) : null);
}

/** A CSV file of what a page shows (UTF-8 with BOM, for spreadsheets), one click away. */
export function csvButton(filename: string, header: string[], rows: () => (string | number | null | undefined)[][]) {
  const cell = (v: unknown) => {
    const t = v === null || v === undefined ? "" : String(v);
    return /[",\n\r;]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const link = h("a", { class: "csv button", href: "#", download: filename, role: "button" },
    "Tải CSV ", h("span", { class: "en" }, "Export"));
  link.addEventListener("click", () => {
    const text = "\ufeff" + [header, ...rows()].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
    link.setAttribute("href", URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" })));
  });
  return link;
}

/** Quotes and where they come from, for a CSV cell. */
export function evidenceText(evidence: any[] | null | undefined): [string, string] {
  const list = evidence ?? [];
  return [list.map((e) => e.quote).filter(Boolean).join(" | "),
    [...new Set(list.map((e) => e.url || (e.source_id ? `nguồn ${e.source_id}` : "")).filter(Boolean))].join(" ")];
}

let provincesCache: Promise<Map<string, any>> | null = null;
/** Every province of both eras by uid (for names beside search results, the home page, the map). */
export function provinces(): Promise<Map<string, any>> {
  if (!provincesCache) {
    provincesCache = Promise.all([get("/provinces", { era: "legacy" }), get("/provinces", { era: "2025" })])
      .then(([a, b]) => new Map([...a.items, ...b.items].map((p: any) => [p.uid, p])))
      .catch((err) => { provincesCache = null; throw err; });
  }
  return provincesCache;
}

/** Under a list that shows only the first of its items: "và N <what> khác<hint>". */
export function more(n: number, what: string, hint = "") {
  return n > 0 ? h("div", { class: "small muted more" }, `và ${n} ${what} khác${hint}`) : null;
}
