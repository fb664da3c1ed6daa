// Person, post, unit and source pages.
import { enc, get } from "../api";
import { csvButton, evidenceList, evidenceText, factEvidence, fateBlock, href, loading, reductionsSection, reductionText, statusBadge, unitLink, more } from "../components";
import { clear, h, put, stackable } from "../dom";
import { BRANCH, date, ERA, label, LEVEL, levelOfUid, patternLabel, positionName, STATUS } from "../labels";
import { coverageCell, LEVEL_ORDER, patternCsvRows } from "./province";

export async function personPage(root: HTMLElement, id: string) {
  root.append(loading());
  const data = await get(`/people/${enc(id)}`);
  clear(root);
  const p = data.person;
  root.append(
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "Tìm kiếm"), " · Cán bộ ", h("span", { class: "en" }, "Person")),
    h("h1", { class: "title" }, p.name),
    h("p", { class: "meta" }, p.province_uid ? ["Tỉnh: ", unitLink({ uid: p.province_uid, level: "province", name: p.province_uid.split(":")[1] })] : null,
      " · ", h("code", { class: "id" }, p.id)),
    h("section", { class: "card" },
      h("h2", null, "Chức danh đảm nhiệm ", h("span", { class: "en" }, "Posts held")),
      csvButton(`mergegraph-${p.name}.csv`, ["chức danh", "cơ quan", "trạng thái", "từ", "đến", "trích dẫn", "nguồn"],
        () => data.posts.map((post: any) => [positionName(post.position, levelOfUid(post.unit_uid)), post.body.name, label(STATUS, post.status),
          post.since, post.until, ...evidenceText(post.evidence)])),
      data.posts.length ? stackable(h("table", { class: "posts" },
        h("thead", null, h("tr", null, ["Chức danh", "Cơ quan", "Đơn vị", "Trạng thái", "Từ", "Đến", "Trích dẫn và nguồn"].map((t) => h("th", null, t)))),
        h("tbody", null, data.posts.map((post: any) => h("tr", null,
          h("td", null, h("a", { href: href.position(post.position.id) },
            positionName({ ...post.position, name: null }, levelOfUid(post.unit_uid)))),
          h("td", null, h("a", { href: href.body(post.body.id) }, post.body.name)),
          h("td", null, post.unit_uid ? unitLink({ uid: post.unit_uid, level: "district", name: post.unit_uid }) : "—"),
          h("td", null, statusBadge(post.status)),
          h("td", null, date(post.since)),
          h("td", null, date(post.until)),
          h("td", null, evidenceList(post.evidence)))))))
        : h("p", { class: "muted" }, "Chưa ghi nhận chức danh nào.")));
  // unit names for the unit column (the person record gives uids only)
  const uids = [...new Set<string>([p.province_uid, ...data.posts.map((x: any) => x.unit_uid)].filter(Boolean))];
  const units = await Promise.all(uids.map((u) => get(`/units/${enc(u)}`).catch(() => null)));
  for (const record of units) {
    if (!record?.unit) continue;
    root.querySelectorAll(`a[href="${href.unit(record.unit)}"]`).forEach((a) => { a.textContent = record.unit.name; });
  }
}

export async function positionPage(root: HTMLElement, id: string) {
  root.append(loading());
  const data = await get(`/positions/${enc(id)}`);
  clear(root);
  const p = data.position;
  root.append(
    h("p", { class: "crumbs" }, unitLink(data.unit), " · ", h("a", { href: href.body(data.body.id) }, data.body.name)),
    h("h1", { class: "title" }, positionName({ ...p, name: null }, data.unit?.level)),
    h("p", { class: "meta" }, data.body.name, " · ", h("code", { class: "id" }, p.id)),
    h("section", { class: "card" },
      h("h2", null, "Kiêm nhiệm ", h("span", { class: "en" }, "Held concurrently with")),
      data.concurrent?.length ? h("ul", null, data.concurrent.map((c: any) => h("li", null,
        h("a", { href: href.position(c.position.id) }, positionName(c.position)), " ", statusBadge(c.status),
        c.fact_id ? factEvidence(c.fact_id, "trích dẫn") : null,
        c.since ? ` từ ${date(c.since)}` : "", c.until ? ` đến ${date(c.until)}` : "")))
        : h("p", { class: "muted" }, "Không có.")),
    h("section", { class: "card" },
      h("h2", null, "Người đảm nhiệm ", h("span", { class: "en" }, "Holders")),
      data.holders?.length ? h("ul", null, data.holders.map((x: any) => h("li", null,
        h("a", { href: href.person(x.person.id) }, x.person.name), " ", statusBadge(x.status),
        x.since ? ` từ ${date(x.since)}` : "", x.until ? ` đến ${date(x.until)}` : "")))
        : h("p", { class: "muted" }, "Chưa ghi nhận.")));
}

export async function unitPage(root: HTMLElement, code: string) {
  // a legacy province has its own page (patterns, mergers, reductions)
  if (/^(legacy:)?\d{2}$/.test(code)) {
    location.replace(`#/province/${code.replace("legacy:", "")}`);
    return;
  }
  root.append(loading());
  const data = await get(`/units/${enc(code)}`);
  const u = data.unit;
  const isNewProvince = u.era === "2025" && u.level === "province";
  const [lineage, patterns] = isNewProvince ? await Promise.all([
    get(`/units/${enc(u.uid)}/lineage`, { direction: "predecessors" }),
    get("/patterns/concurrency", { province: u.uid, limit: 200, units_limit: 1000 }),
  ]) : [u.era === "2025" ? await get(`/units/${enc(u.uid)}/lineage`, { direction: "predecessors" }) : null, null];
  clear(root);
  const bodies: any[] = data.bodies ?? [];
  const formedFrom: any[] = lineage?.predecessors ?? [];
  put(root,
    h("p", { class: "crumbs" }, data.parent ? unitLink(data.parent) : h("a", { href: "#/" }, "Trang chủ"),
      ` · ${label(LEVEL, u.level)} · ${label(ERA, u.era)}`),
    h("h1", { class: "title" }, u.name),
    h("p", { class: "tools" }, csvButton(`mergegraph-${u.uid.replace(":", "-")}.csv`,
      ["loại", "mô tả", "cấp", "đơn vị", "số đơn vị áp dụng", "trên tổng số", "trạng thái", "ngày", "trích dẫn", "nguồn"],
      () => [
        ...formedFrom.map((x: any) => ["hình thành từ", x.name, label(LEVEL, x.level), u.name, "", "", "", x.effective, "", ""]),
        ...bodies.map((b: any) => ["cơ quan", b.name, label(LEVEL, u.level), u.name, "", "", "", "", "", ""]),
        ...(patterns ? patternCsvRows(patterns.items) : []),
        ...(data.reductions ?? []).map((r: any) => ["cắt giảm", reductionText(r), label(LEVEL, r.level), r.unit.name, r.count, "", label(STATUS, r.status), r.date, "", r.fact_id]),
      ])),
    u.era === "2025" ? formedFromSection(u, formedFrom) : null,
    patterns ? newProvincePatterns(patterns) : null,
    h("div", { class: "two" },
      h("section", { class: "card" },
        h("h2", null, "Cơ quan, tổ chức ", h("span", { class: "en" }, "Bodies")),
        bodies.length ? h("ul", { class: "bodies" }, bodies.map((b: any) => h("li", null,
          h("a", { href: href.body(b.id) }, b.name), b.branch ? h("span", { class: "muted small" }, ` ${label(BRANCH, b.branch)}`) : null)))
          : h("p", { class: "muted" }, u.era === "2025"
            ? "Các cơ quan trong dữ liệu thuộc đơn vị trước 2025: xem các đơn vị hình thành nên đơn vị này ở trên."
            : "Chưa có cơ quan nào được ghi nhận.")),
      fateBlock(data.fate, u.name, u.uid)),
    data.reductions?.length ? reductionsSection(data.reductions) : null,
    data.parts?.length ? h("section", { class: "card" },
      h("h2", null, `Đơn vị trực thuộc (${data.parts.length}) `, h("span", { class: "en" }, "Parts")),
      h("ul", { class: "columns" }, data.parts.map((p: any) => h("li", null, unitLink(p))))) : null);
}

/** What a 2025 unit was formed from, each legacy province linking to its page. */
function formedFromSection(u: any, formedFrom: any[]) {
  return h("section", { class: "card formed-from" },
    h("h2", null, "Hình thành từ ", h("span", { class: "en" }, "Formed from")),
    formedFrom.length
      ? [h("p", null, `${u.name} (từ 1/7/2025) được hình thành từ ${formedFrom.length} đơn vị trước 2025:`),
        h("ul", { class: formedFrom.length > 8 ? "columns" : "" }, formedFrom.map((x: any) => h("li", null,
          h("a", { href: href.unit(x) }, x.name), x.partial ? h("span", { class: "muted small" }, " (một phần)") : null,
          x.level === "province" ? h("span", { class: "muted small" }, " · trang tỉnh trước 2025") : null)))]
      : h("p", { class: "muted" }, "Không có thông tin."));
}

/** A 2025 province's patterns: those of the legacy provinces it was formed from, said so. */
function newProvincePatterns(page: any) {
  const items = [...page.items].sort((a, b) => LEVEL_ORDER.indexOf(a.pattern.level) - LEVEL_ORDER.indexOf(b.pattern.level));
  const names = (page.scope?.formed_from ?? []).map((f: any) => f.name).join(", ");
  return h("section", { class: "card" },
    h("h2", null, "Mô hình nhất thể hóa chức danh ", h("span", { class: "en" }, "Concurrency patterns")),
    h("p", { class: "muted scope-note" }, `Theo các bài báo trước 2025, của các tỉnh đã hình thành nên tỉnh này: ${names}.`),
    items.length ? stackable(h("table", { class: "patterns" },
      h("thead", null, h("tr", null, ["Mô hình", "Cấp", "Tỷ lệ theo nguồn", "Đơn vị áp dụng", "Trạng thái"].map((t) => h("th", null, t)))),
      h("tbody", null, items.map((p: any) => h("tr", { "data-pattern": p.pattern.id },
        h("td", null, patternLabel(p.pattern)), h("td", null, label(LEVEL, p.pattern.level)),
        coverageCell(p),
        h("td", null, h("ul", { class: "compact" }, p.units.map((x: any) => h("li", null, unitLink(x.unit)))), more((p.units_total ?? 0) - p.units.length, "đơn vị")),
        h("td", null, [...new Set(p.units.map((x: any) => x.status))].map((st: any) => statusBadge(st))))))))
      : h("p", { class: "muted" }, "Chưa có mô hình kiêm nhiệm nào được ghi nhận."));
}
