import { describe, expect, it } from "vitest";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, hubHeaders, postVersion, useRecordingHub, waitFor } from "../support/test-hub.js";

const replay = async (hubUrl: string, body: unknown) => {
  const res = await fetch(`${hubUrl}/v1/dead-letters/replay`, {
    method: "POST",
    headers: { ...hubHeaders(), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe.each(STORE_KINDS)("dead letters and replay ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
  });
  const deadContract = async (n: string) => {
    env.target.enqueue({ status: 503 }, { status: 503 }, { status: 503 });
    const c = contractV1({ id: `ctr-dl-${n}`, number: `AGR-DL-${n}` });
    expect((await postVersion(env.hub.url, c)).status).toBe(202);
    await waitFor(
      async () => (await deliveryStatuses(env.hub.url, c.id, 1)).procurement === "dead",
      10_000,
      `${c.id} dead`,
    );
    return c;
  };

  it("exhausted retries become a dead letter that is listed with its last error", async () => {
    await deadContract("a");
    const { body } = await getJson(`${env.hub.url}/v1/dead-letters?target=procurement`);
    const letter = body.items.find((d: any) => d.businessKey === "contract:ctr-dl-a");
    expect(letter).toMatchObject({
      target: "procurement",
      keyVersion: 1,
      attempts: 3,
      lastErrorCode: "CONCORD_ERR_CONNECTOR_TRANSIENT",
    });
    expect(letter.lastError).toContain("503");
    expect(env.target.appliedRevisions("AGR-DL-a")).toEqual([]);
  });

  it("replays one dead letter by id, delivering it with its original idempotency key", async () => {
    await deadContract("b");
    const { body } = await getJson(`${env.hub.url}/v1/dead-letters`);
    const id = body.items.find((d: any) => d.businessKey === "contract:ctr-dl-b").id;
    expect((await replay(env.hub.url, { ids: [id] })).body).toMatchObject({ replayed: 1, ids: [id] });
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-dl-b", 1)).procurement === "acknowledged");
    expect(env.target.appliedRevisions("AGR-DL-b")).toEqual([1]);
    expect(new Set(env.target.requests.filter((r) => r.contract === "AGR-DL-b").map((r) => r.key)).size).toBe(1);
    // the attempt history survives the replay: 3 failed attempts, then the replayed one
    const history = await env.hub.store.query<{ attempt: number; outcome: string }>(
      `SELECT a.attempt, a.outcome FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
       WHERE d.business_key = 'contract:ctr-dl-b' ORDER BY a.attempt`,
    );
    expect(history.map((h) => `${h.attempt}:${h.outcome}`)).toEqual(["1:retry", "2:retry", "3:dead", "4:acknowledged"]);
    // a dead letter of another contract stays dead
    expect((await deliveryStatuses(env.hub.url, "ctr-dl-a", 1)).procurement).toBe("dead");
  });

  it("replays by filter, and all; an empty filter is refused rather than taken as all", async () => {
    await deadContract("c");
    await deadContract("d");
    const refused = await replay(env.hub.url, {});
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("CONCORD_ERR_INPUT_SCHEMA");
    expect((await replay(env.hub.url, { businessKey: "contract:ctr-dl-c" })).body.replayed).toBe(1);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-dl-c", 1)).procurement === "acknowledged");
    expect((await deliveryStatuses(env.hub.url, "ctr-dl-d", 1)).procurement).toBe("dead");
    const all = await replay(env.hub.url, { all: true });
    expect(all.body.replayed).toBe(2); // a and d
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-dl-d", 1)).procurement === "acknowledged");
    await waitFor(async () => (await deliveryStatuses(env.hub.url, "ctr-dl-a", 1)).procurement === "acknowledged");
    for (const n of ["a", "b", "c", "d"]) expect(env.target.appliedRevisions(`AGR-DL-${n}`)).toEqual([1]);
    expect((await getJson(`${env.hub.url}/v1/dead-letters`)).body.items).toEqual([]);
  });

  it("a permanent rejection is not retried: it fails at once and raises an exception with the target's reason", async () => {
    env.target.enqueue({ status: 422, body: { error: "unknown_item", items: ["PRC-2"] } });
    const c = contractV1({ id: "ctr-dl-perm", number: "AGR-DL-PERM" });
    expect((await postVersion(env.hub.url, c)).status).toBe(202);
    await waitFor(async () => (await deliveryStatuses(env.hub.url, c.id, 1)).procurement === "failed");
    expect(env.target.requests.filter((r) => r.contract === "AGR-DL-PERM")).toHaveLength(1);
    const { body } = await getJson(`${env.hub.url}/v1/exceptions?subjectType=delivery`);
    const ex = body.items.find((e: any) => e.details.businessKey === "contract:ctr-dl-perm");
    expect(ex).toMatchObject({
      code: "CONCORD_ERR_CONNECTOR_REJECTED",
      system: "procurement",
      urgency: "financial",
      status: "open",
    });
    expect(ex.message).toContain("unknown_item");
    expect(ex.message).toContain("PRC-2");
  });
});
