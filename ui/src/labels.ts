import vocab from "vocab";
import type { Branch, Era, FactRelationship, Level, SearchKind, Status } from "./model";

// Vietnamese labels for the values the API returns (English where generic).
export const KIND: Record<string, string> = {
  unit: "Đơn vị hành chính", body: "Cơ quan, tổ chức", position: "Chức danh", person: "Cán bộ",
} satisfies Record<SearchKind, string>;

export const LEVEL: Record<string, string> = {
  province: "Cấp tỉnh", district: "Cấp huyện", commune: "Cấp xã", village: "Thôn, tổ dân phố",
} satisfies Record<Level, string>;

export const STATUS: Record<string, string> = {
  implemented: "Đã thực hiện", pilot: "Thí điểm", planned: "Dự kiến", ended: "Đã kết thúc",
} satisfies Record<Status, string>;

export const MERGE_KIND: Record<string, string> = {
  merge: "hợp nhất", absorb: "sáp nhập", split: "chia tách", rename: "đổi tên",
  dissolve: "giải thể", continue: "giữ nguyên", transfer: "chuyển chức năng",
};

export const BRANCH: Record<string, string> = {
  party: "Đảng", state: "Nhà nước", front: "Mặt trận, đoàn thể", service: "Đơn vị sự nghiệp",
  village: "Thôn, bản", mixed: "Hỗn hợp (Đảng, Nhà nước)",
} satisfies Record<Branch, string>;

export const ERA: Record<string, string> = { legacy: "trước 2025", "2025": "từ 1/7/2025" } satisfies Record<Era, string>;

export function label(map: Record<string, string>, key: string | null | undefined): string {
  if (!key) return "—";
  return map[key] ?? key;
}

/** '2019-06-01' -> '01/06/2019' (Vietnamese order), '2019-04' -> '04/2019', '2019' stays. */
export function date(value: string | null | undefined): string {
  if (!value) return "—";
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  return m ? [m[3], m[2], m[1]].filter(Boolean).join("/") : value;
}

export function pct(count: number, of: number): string {
  return `${Math.round((100 * count) / of)}%`;
}

// Names the vocabulary lacks or writes for matching rather than reading.
const BODY_NAME: Record<string, string> = {
  "doan-dbqh": "Đoàn ĐBQH", "thon-to-dan-pho": "thôn, tổ dân phố",
  "co-quan-khoi-mttq": "Cơ quan chuyên trách khối MTTQ", "mttq": "Ủy ban MTTQ",
  "cap-uy": "cấp ủy", "truong-chinh-tri": "Trường Chính trị",
};
const BRANCH_ORDER = ["party", "state", "front", "service", "village"];

export function bodyName(type: string, level?: string): string {
  if (!vocab[type] && !BODY_NAME[type] && type.includes("+")) {
    return type.split("+").map((t) => bodyName(t, level)).join(" + "); // a merged body named by its parts
  }
  const v = vocab[type];
  return (level && v?.levels[level]) || BODY_NAME[type] || v?.name
    || (v && Object.values(v.levels)[0]) || type;
}

/** The head's title of a body, from the first words of its name (DOMAIN.md's table). */
function headOf(type: string, name: string): string {
  if (type === "cap-uy") return `Bí thư ${name}`;
  if (type === "thon-to-dan-pho") return "Trưởng thôn, Tổ trưởng tổ dân phố";
  if (/^Ủy ban Kiểm tra/i.test(name)) return `Chủ nhiệm ${name}`;
  if (/^(Ủy ban|Hội|Liên đoàn)/i.test(name)) return `Chủ tịch ${name}`;
  if (/^(Thanh tra|Văn phòng)/i.test(name)) return `Chánh ${name}`;
  if (/^(Trung tâm|Đài|Bệnh viện|Bảo tàng|Thư viện|Cổng)/i.test(name)) return `Giám đốc ${name}`;
  if (/^(Ban|Phòng|Đoàn|Công an)/i.test(name)) return `Trưởng ${name}`;
  return `Người đứng đầu ${name}`;
}

/** 'head@ban-dan-van' -> 'Trưởng Ban Dân vận'; 'standing-deputy@cap-uy' -> 'Phó Bí thư Thường trực Huyện ủy'. */
export function postTitle(positionType: string, level?: string): string {
  const [role, type] = positionType.split("@");
  const name = bodyName(type, level);
  const head = headOf(type, name);
  switch (role) {
    case "head": return head;
    case "deputy": return `Phó ${head}`;
    case "standing-deputy": return head.replace(name, `Thường trực ${name}`).replace(/^/, "Phó ");
    case "member": return `Ủy viên ${name}`;
    default: return positionType;
  }
}

/** A concurrency pattern in words: its API label unless that is the machine form. */
export function patternLabel(p: { id?: string; label?: string; level?: string; position_types?: string[] }): string {
  if (p.label && !p.label.includes("@")) return p.label;
  // 'pattern:<level>:<type>+<type>' (graph/MODEL.md) when the types are not given;
  // a merged body's type has '+' too, so split only before a ROLE@
  const given = p.position_types ?? (p.id ?? "").split(":").slice(2).join(":").split(/\+(?=[a-z-]+@)/).filter(Boolean);
  const types = [...given].sort((a, b) =>
    BRANCH_ORDER.indexOf(vocab[a.split("@")[1]]?.branch ?? "") - BRANCH_ORDER.indexOf(vocab[b.split("@")[1]]?.branch ?? ""));
  // the level is the id's second part when not given ('pattern:commune:...')
  const level = p.level ?? ((p.id ?? "").startsWith("pattern:") ? (p.id ?? "").split(":")[1] : undefined);
  return types.map((t) => postTitle(t, level)).join(" đồng thời ");
}

/** The relationship types of the graph, as a reader says them. */
export const REL_TYPE: Record<string, string> = {
  MERGED_INTO: "Sáp nhập, hợp nhất", TRANSFERRED_FUNCTION_TO: "Chuyển chức năng",
  HELD_CONCURRENTLY_WITH: "Kiêm nhiệm", HOLDS: "Đảm nhiệm chức danh",
  APPLIES: "Áp dụng mô hình kiêm nhiệm", REDUCED: "Cắt giảm",
} satisfies Record<FactRelationship, string>;

/** The level of a unit from its GSO code: 2 digits a province, 3 a district, 5 a commune. */
export function levelOfUid(uid: string | null | undefined): string | undefined {
  const code = (uid ?? "").split(":").pop() ?? "";
  return ({ 2: "province", 3: "district", 5: "commune" } as Record<number, string>)[code.length];
}

/** A post as pages name it ("Bí thư Huyện ủy (Huyện Đầm Hà)"), not as stored
 * ("Người đứng đầu · Huyện ủy (Huyện Đầm Hà)"): from its type, or from its id
 * (position:body:<era>:<code>:<body type>[:<name>]:<role>). */
export function positionName(p: { id?: string; name?: string | null; position_type?: string | null }, level?: string): string {
  let type = p.position_type ?? undefined;
  const parts = (p.id ?? "").split(":");
  const lvl = level ?? (parts[0] === "position" ? levelOfUid(`${parts[2]}:${parts[3]}`) : undefined);
  if (!type && parts[0] === "position" && parts.length >= 6) type = `${parts[parts.length - 1]}@${parts[4]}`;
  if (!type) return p.name ?? p.id ?? "—";
  const where = /\(([^()]*)\)\s*$/.exec(p.name ?? "");
  return `${postTitle(type, lvl)}${where ? ` (${where[1]})` : ""}`;
}
