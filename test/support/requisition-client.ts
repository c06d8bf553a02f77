import { TEST_API_KEY, waitFor } from "./test-hub.js";

/** A requisition from RN Dana Ortiz at fac-1, needed by 2026-03-06, on cost center cc-1 unless said. */
export const requisitionOf = (id: string, lines: unknown[], costCenterId = "cc-1") => ({
  kind: "requisition",
  id,
  facilityId: "fac-1",
  costCenterId,
  requester: "RN Dana Ortiz",
  neededBy: "2026-03-06",
  lines,
});

/**
 * The requisition tests' calls to a hub: any route as any client (JSON by default, or a text body
 * of another type), a requisition's view, and waiting for it to reach a status.
 */
export function requisitionCalls(hubUrl: () => string) {
  const call = async (method: string, path: string, key: string, body?: unknown, type = "application/json") => {
    const res = await fetch(`${hubUrl()}${path}`, {
      method,
      headers: { "x-api-key": key, ...(body === undefined ? {} : { "content-type": type }) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
  };
  const view = async (id: string) => (await call("GET", `/v1/requisitions/${id}`, TEST_API_KEY)).body;
  const settled = (id: string, status: string) =>
    waitFor(async () => ((await view(id)).status === status ? view(id) : undefined), 30_000, `${id} to be ${status}`);
  return { call, view, settled };
}
