const KEY = "concord.apiKey";

/**
 * The API key: passed once in the URL (`/dashboard/#key=…` or `?key=…`, removed from the address at
 * once so it stays out of history), else asked for; kept in sessionStorage for this tab only.
 */
export function takeKeyFromUrl() {
  const url = new URL(location.href);
  const fromHash = url.hash.startsWith("#key=") ? decodeURIComponent(url.hash.slice(5)) : null;
  const key = url.searchParams.get("key") ?? fromHash;
  if (!key) return;
  sessionStorage.setItem(KEY, key);
  url.searchParams.delete("key");
  history.replaceState(null, "", `${url.pathname}${url.search}${fromHash ? "#/overview" : url.hash}`);
}

export const apiKey = () => sessionStorage.getItem(KEY);
export const setApiKey = (k) => sessionStorage.setItem(KEY, k);
export const forgetApiKey = () => sessionStorage.removeItem(KEY);

/** An API refusal as the problem+json said it. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the hub's API with the key as X-API-Key; JSON in, JSON out, problem+json → ApiError. */
export async function api(path, { method = "GET", body } = {}) {
  const headers = { "x-api-key": apiKey() ?? "" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new CustomEvent("concord:unauthorized"));
    throw new ApiError(res.status, answer);
  }
  return answer;
}

/** A query string from an object, leaving out empty values. */
export function qs(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : "";
}
