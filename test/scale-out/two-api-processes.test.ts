import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { spawnReady } from "../support/spawn-ready.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders } from "../support/test-api-key.js";
import { waitFor } from "../support/test-hub.js";
import { clearOfWindowEdge } from "../support/throttle-window.js";

const ROLE_PROCESS = fileURLToPath(new URL("../support/hub-role-process.ts", import.meta.url));
const postgres = STORE_KINDS.find((k) => k.name === "postgres");
const SECRET = "reporting-app-secret-cccccccccccccccccccc";
const BUSY_KEY = "ck_busy-app.busy0123456789abcdef0123456789";
const BUSY_LIMIT = 100;

/**
 * Two `concord api` processes and one worker on one PostgreSQL, as behind a load balancer: what
 * one api process accepted or issued holds on the other — versions from both are delivered once
 * and in order, an Idempotency-Key used on one is replayed by the other, an access token one
 * issued is accepted by the other (signing keys live in the store), and a client's rate limit is
 * one limit across both (counters shared through the store).
 */
describe.skipIf(!postgres)("two api processes behind one name (PostgreSQL)", () => {
  let url: string;
  const procs: { child: ChildProcess; url: string }[] = [];
  let a: string;
  let b: string;
  let target: RecordingTarget;

  beforeAll(async () => {
    url = postgres!.url();
    target = await new RecordingTarget().start();
    const config = (role: "api" | "worker", seed = false) => ({
      storeUrl: url,
      role,
      seed,
      leaseMs: 3_000,
      targets: [{ system: "procurement", kind: "procurement-catalog", baseUrl: target.url }],
      clients: [
        { id: "reporting-app", scopes: ["contracts:read"], secret: SECRET },
        { id: "busy-app", scopes: ["contracts:read"], apiKeys: [BUSY_KEY], perMinute: BUSY_LIMIT },
      ],
    });
    // The first api process migrates and seeds; the second finds the schema ready.
    procs.push(await spawnReady(ROLE_PROCESS, config("api", true)));
    procs.push(await spawnReady(ROLE_PROCESS, config("api")));
    procs.push(await spawnReady(ROLE_PROCESS, config("worker")));
    [a, b] = [procs[0]!.url, procs[1]!.url];
  }, 120_000);
  afterAll(async () => {
    for (const p of procs) p.child.kill("SIGKILL");
    await target?.stop();
    if (url) await postgres?.cleanup(url);
  });

  const post = (base: string, v: number, key: string) =>
    fetch(`${base}/v1/contracts/ctr-1/versions`, {
      method: "POST",
      headers: hubHeaders({ "content-type": "application/json", "x-concord-system": "clm", "idempotency-key": key }),
      body: JSON.stringify(amendment(contractV1(), v, "2026-07-01")),
    });

  it("delivers versions accepted by either process once and in order", async () => {
    for (let v = 2; v <= 21; v++) expect((await post(v % 2 ? a : b, v, `two-apis-${v}`)).status).toBe(202);
    const expected = Array.from({ length: 20 }, (_, i) => i + 2);
    await waitFor(() => target.appliedRevisions("AGR-1").length >= expected.length, 60_000, "all applied");
    expect(target.appliedRevisions("AGR-1")).toEqual(expected);
  });

  it("replays on one process the answer the other gave for the same Idempotency-Key", async () => {
    const first = await post(a, 22, "two-apis-retry");
    expect(first.status).toBe(202);
    const retry = await post(b, 22, "two-apis-retry");
    expect(retry.status).toBe(202);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    // The same key with another request body is refused there too.
    expect((await post(b, 23, "two-apis-retry")).status).toBe(422);
  });

  it("accepts on one process the access token the other issued", async () => {
    const issued = await fetch(`${a}/oauth/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`reporting-app:${SECRET}`).toString("base64")}`,
      },
      body: new URLSearchParams({ grant_type: "client_credentials" }).toString(),
    });
    expect(issued.status).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };
    const read = await fetch(`${b}/v1/contracts/ctr-1`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(read.status).toBe(200);
    const kid = JSON.parse(Buffer.from(access_token.split(".")[0]!, "base64url").toString()).kid as string;
    const jwks = (await (await fetch(`${b}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toContain(kid);
  });

  it("holds a client to one rate limit across both processes", async () => {
    await clearOfWindowEdge(15_000);
    const read = (base: string) => fetch(`${base}/v1/contracts/ctr-1`, { headers: { "x-api-key": BUSY_KEY } });
    const fromA = 30;
    for (let i = 0; i < fromA; i++) expect((await read(a)).status).toBe(200);
    // B learns A's count at its next share (every 250 ms): until then it counts only its own calls.
    let fromB = 0;
    await waitFor(
      async () => {
        const res = await read(b);
        expect(res.status).toBe(200);
        fromB++;
        return Number(res.headers.get("ratelimit-remaining")) === BUSY_LIMIT - fromA - fromB;
      },
      10_000,
      "process B to count process A's calls",
    );
    // From here B's count is exact (A is idle): the limit is reached across both, not per process.
    for (;;) {
      const res = await read(b);
      if (res.status === 429) break;
      expect(res.status).toBe(200);
      fromB++;
    }
    expect(fromA + fromB).toBe(BUSY_LIMIT);
  });
});
