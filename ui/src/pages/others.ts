// Person, post, unit and source pages.
import { enc, get } from "../api";
import { evidenceList, fateBlock, href, loading, reductionsSection, statusBadge, unitLink } from "../components";
import { clear, h, put } from "../dom";
import { BRANCH, date, ERA, label, LEVEL, postTitle } from "../labels";

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
      data.posts.length ? h("table", { class: "posts" },
        h("thead", null, h("tr", null, ["Chức danh", "Cơ quan", "Đơn vị", "Trạng thái", "Từ", "Đến", "Trích dẫn và nguồn"].map((t) => h("th", null, t)))),
        h("tbody", null, data.posts.map((post: any) => h("tr", null,
          h("td", null, h("a", { href: href.position(post.position.id) },
            post.position.position_type ? postTitle(post.position.position_type) : post.position.name)),
          h("td", null, h("a", { href: href.body(post.body.id) }, post.body.name)),
          h("td", null, post.unit_uid ? unitLink({ uid: post.unit_uid, level: "district", name: post.unit_uid }) : "—"),
          h("td", null, statusBadge(post.status)),
          h("td", null, date(post.since)),
          h("td", null, date(post.until)),
          h("td", null, evidenceList(post.evidence))))))
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
    h("h1", { class: "title" }, p.position_type ? postTitle(p.position_type, data.unit?.level) : p.name),
    h("p", { class: "meta" }, p.name, " · ", h("code", { class: "id" }, p.id)),
    h("section", { class: "card" },
      h("h2", null, "Kiêm nhiệm ", h("span", { class: "en" }, "Held concurrently with")),
      data.concurrent?.length ? h("ul", null, data.concurrent.map((c: any) => h("li", null,
        h("a", { href: href.position(c.position.id) }, c.position.name), " ", statusBadge(c.status),
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
  root.append(loading());
  const data = await get(`/units/${enc(code)}`);
  clear(root);
  const u = data.unit;
  const bodies: any[] = data.bodies ?? [];
  put(root,
    h("p", { class: "crumbs" }, data.parent ? unitLink(data.parent) : h("a", { href: "#/" }, "Tìm kiếm"),
      ` · ${label(LEVEL, u.level)} · ${label(ERA, u.era)}`),
    h("h1", { class: "title" }, u.name),
    h("div", { class: "two" },
      h("section", { class: "card" },
        h("h2", null, "Cơ quan, tổ chức ", h("span", { class: "en" }, "Bodies")),
        bodies.length ? h("ul", { class: "bodies" }, bodies.map((b: any) => h("li", null,
          h("a", { href: href.body(b.id) }, b.name), b.branch ? h("span", { class: "muted small" }, ` ${label(BRANCH, b.branch)}`) : null)))
          : h("p", { class: "muted" }, "Chưa có cơ quan nào được ghi nhận.")),
      fateBlock(data.fate, u.name)),
    data.reductions?.length ? reductionsSection(data.reductions) : null,
    data.parts?.length ? h("section", { class: "card" },
      h("h2", null, `Đơn vị trực thuộc (${data.parts.length}) `, h("span", { class: "en" }, "Parts")),
      h("ul", { class: "columns" }, data.parts.map((p: any) => h("li", null, unitLink(p))))) : null);
}

export async function sourcePage(root: HTMLElement, id: string) {
  root.append(loading());
  const data = await get(`/sources/${enc(id)}`);
  clear(root);
  const src = data.source;
  root.append(
    h("p", { class: "crumbs" }, "Nguồn ", h("span", { class: "en" }, "Source")),
    h("h1", { class: "title" }, src.title || src.id),
    h("p", { class: "meta" }, src.publisher ?? "", src.date ? ` · ${date(src.date)}` : "",
      src.province_hint ? ` · ${src.province_hint}` : "",
      src.url ? [" · ", h("a", { href: src.url, target: "_blank", rel: "noopener noreferrer" }, "bài gốc ↗")] : null,
      src.retracted_at ? h("span", { class: "badge status-ended" }, " đã rút") : null),
    h("p", { class: "muted small" }, h("code", null, src.content_hash ?? "")),
    h("section", { class: "card" },
      h("h2", null, `Các trích dẫn (${data.evidence.length}) `, h("span", { class: "en" }, "Statements")),
      h("ul", { class: "evidence" }, data.evidence.map((e: any) => h("li", null,
        h("blockquote", null, `“${e.quote}”`),
        h("div", { class: "cite" }, statusBadge(e.status), " ", e.rel_type ?? "", " · ", h("code", { class: "small" }, e.fact_id)))))));
}
