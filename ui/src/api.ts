// The API, read from the same origin. Ids contain ':' '+' '@' and spaces: always encoded.
export class ApiError extends Error {
  constructor(public status: number, public title: string, public detail: string) {
    super(`${status} ${title}: ${detail}`);
  }
}

const TOKEN_KEY = "mergegraph.token";

export function enc(id: string): string {
  return encodeURIComponent(id);
}

export async function get<T = any>(path: string, params: Record<string, string | number | undefined | null> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") query.append(k, String(v));
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(url, { headers });
  if (!res.ok) {
    let title = res.statusText, detail = "";
    try {
      const body = await res.json();
      title = body.title || title;
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? "");
    } catch { /* not JSON */ }
    throw new ApiError(res.status, title, detail);
  }
  return res.json() as Promise<T>;
}

/** Reads may require a bearer token (MERGEGRAPH_READS_REQUIRE_TOKEN): kept for this tab only. */
export function setToken(token: string) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}
