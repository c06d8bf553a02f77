import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toErpBlanketAgreement, toProcurementCatalog } from "../generator/native-contracts.js";
import { nextVersion, smallDataset } from "../shared/test-fixture.js";
import { type Sandbox, startSandbox } from "../start.js";

const { dataset, xrefs, contract } = smallDataset();
let sb: Sandbox;
const agent = new Agent();
beforeAll(async () => {
  sb = await startSandbox({ dataset });
});
afterAll(async () => {
  await sb.close();
  await agent.close();
});

let rev = 0;
let key = 0;
/** A fresh, valid procurement PUT (new revision and key each time, so only faults can fail it). */
const putCatalog = async (timeoutMs = 5000) => {
  const body = toProcurementCatalog(nextVersion(contract, ++rev), xrefs);
  const res = await request(`${sb.urls.procurement}/procurement/api/contract-catalogs/${body.contractRef}`, {
    method: "PUT",
    dispatcher: agent,
    headers: { "content-type": "application/json", "idempotency-key": `f-${++key}` },
    body: JSON.stringify(body),
    headersTimeout: timeoutMs,
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: (await res.body.json()) as Record<string, unknown>,
  };
};
const faults = async (sys: string, method: "PUT" | "GET" | "DELETE", body?: unknown) => {
  const res = await request(`${sb.urls[sys as keyof Sandbox["urls"]]}/${sys}/_faults`, {
    method,
    dispatcher: agent,
    ...(body ? { headers: { "content-type": "application/json" }, body: JSON.stringify(body) } : {}),
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
};

describe("fault injection", () => {
  it("adds latency to writes only", async () => {
    await faults("procurement", "PUT", { latencyMs: 150 });
    const t = Date.now();
    expect((await putCatalog()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    const g = Date.now();
    await request(`${sb.urls.procurement}/procurement/api/contract-catalogs/${contract.number}`, {
      dispatcher: agent,
    }).then((r) => r.body.dump());
    expect(Date.now() - g).toBeLessThan(140);
    await faults("procurement", "DELETE");
  });

  it("fails the next n writes with the given status and Retry-After", async () => {
    const cfg = await faults("procurement", "PUT", {
      failNext: { count: 2, status: 503, retryAfterSeconds: 7 },
    });
    expect(cfg.body).toMatchObject({ failNext: { count: 2, status: 503 } });
    const first = await putCatalog();
    expect(first.status).toBe(503);
    expect(first.headers["retry-after"]).toBe("7");
    expect((await putCatalog()).status).toBe(503);
    expect((await putCatalog()).status).toBe(200);
    expect((await faults("procurement", "GET")).body).toMatchObject({ failNext: { count: 0 } });
  });

  it("answers 503 with Retry-After during maintenance, in the system's native error shape", async () => {
    await faults("erp", "PUT", { maintenanceUntil: new Date(Date.now() + 30_000).toISOString() });
    const body = toErpBlanketAgreement(contract, xrefs);
    const res = await request(`${sb.urls.erp}/erp/api/purchasing/blanket-agreements`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json", "idempotency-key": "m-1" },
      body: JSON.stringify(body),
    });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers["retry-after"])).toBeGreaterThanOrEqual(29);
    expect(await res.body.json()).toMatchObject({ STATUS: "ERROR", ERRORS: [{ CODE: "MAINTENANCE" }] });
    await faults("erp", "DELETE");
  });

  it("throttles a seeded share of writes with 429 + Retry-After, reproducibly", async () => {
    const run = async () => {
      await faults("procurement", "PUT", { rate429: { rate: 0.5, retryAfterSeconds: 2 }, seed: 99 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await putCatalog();
        statuses.push(r.status);
        if (r.status === 429) expect(r.headers["retry-after"]).toBe("2");
      }
      return statuses;
    };
    const a = await run();
    expect(a).toContain(429);
    expect(a).toContain(200);
    expect(await run()).toEqual(a);
    await faults("procurement", "DELETE");
  });

  it("rejects listed native items with the unknown-item 422", async () => {
    const line = toProcurementCatalog(contract, xrefs).lines[0]!.catalogItemId;
    await faults("procurement", "PUT", { rejectItems: [line] });
    const res = await putCatalog();
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: "unknown_item", items: [line] });
    await faults("procurement", "DELETE");
    expect((await putCatalog()).status).toBe(200);
  });

  it("hangs the next write until the client times out, then recovers", async () => {
    await faults("procurement", "PUT", { hangNext: 1 });
    const applied = sb.systems.procurement.sandbox.ledger.applied;
    await expect(putCatalog(300)).rejects.toThrow(/timeout/i);
    expect(sb.systems.procurement.sandbox.ledger.applied).toBe(applied);
    expect((await putCatalog()).status).toBe(200);
  });

  it("validates the fault body", async () => {
    const res = await faults("clm", "PUT", { failNext: { count: 1, status: 200 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_faults", field: "failNext" });
  });
});

describe("startSandbox", () => {
  it("closes promptly even with a hung request open", async () => {
    const own = await startSandbox({ dataset });
    await request(`${own.urls.analytics}/analytics/_faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ hangNext: 1 }),
    }).then((r) => r.body.dump());
    const hung = request(`${own.urls.analytics}/analytics/api/ingest/contract-prices`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    const t = Date.now();
    await own.close();
    expect(Date.now() - t).toBeLessThan(2000);
    expect(await hung).toBeInstanceOf(Error);
  });
});
