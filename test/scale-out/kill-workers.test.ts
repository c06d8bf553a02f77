import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contract } from "../../src/model/index.js";
import { RecordingTarget } from "../support/recording-target.js";
import { contractV1 } from "../support/small-health-system.js";
import { spawnReady } from "../support/spawn-ready.js";
import { POSTGRES_SKIP_REASON, STORE_KINDS } from "../support/stores.js";
import { hubHeaders } from "../support/test-api-key.js";

const ROLE_PROCESS = fileURLToPath(new URL("../support/hub-role-process.ts", import.meta.url));
const postgres = STORE_KINDS.find((k) => k.name === "postgres");
/** CI runs 1,000 amendments; the 10,000 with CONCORD_CHAOS_AMENDMENTS=10000. */
const AMENDMENTS = Number(process.env.CONCORD_CHAOS_AMENDMENTS ?? 1_000);
const CONTRACTS = 20;
const VERSIONS = Math.ceil(AMENDMENTS / CONTRACTS);

interface Proc {
  readonly child: ChildProcess;
  readonly url: string;
}

const startRole = (config: object): Promise<Proc> => spawnReady(ROLE_PROCESS, config);

/** Version v of contract k: a new contract number per k, three lines whose prices move with v. */
function version(k: number, v: number): Contract {
  const base = contractV1();
  return {
    ...base,
    id: `ctr-chaos-${k}`,
    number: `CHAOS-${k}`,
    version: v,
    priceLines: base.priceLines.map((l) => ({ ...l, unitPrice: `${10 + v}.${String(k).padStart(2, "0")}` })),
  };
}

/**
 * The scale-out guarantee: one api process and three workers on one PostgreSQL, a worker killed
 * with SIGKILL (and replaced) every second while amendments flow; afterwards every target has
 * applied every version of every contract exactly once, in order.
 */
describe.skipIf(!postgres)("kill -9 workers while amendments flow (PostgreSQL)", () => {
  let url: string;
  let api: Proc;
  const workers: Proc[] = [];
  let procurement: RecordingTarget;
  let erp: RecordingTarget;
  let config: (role: "api" | "worker", seed?: boolean) => object;
  let kills = 0;

  beforeAll(async () => {
    url = postgres!.url();
    procurement = await new RecordingTarget().start();
    erp = await new RecordingTarget().start();
    config = (role, seed = false) => ({
      storeUrl: url,
      role,
      seed,
      leaseMs: 3_000,
      targets: [
        { system: "procurement", kind: "procurement-catalog", baseUrl: procurement.url },
        { system: "erp", kind: "erp-purchasing", baseUrl: erp.url },
      ],
    });
    api = await startRole(config("api", true));
    for (let i = 0; i < 3; i++) workers.push(await startRole(config("worker")));
  }, 120_000);

  afterAll(async () => {
    for (const p of [api, ...workers]) p?.child.kill("SIGKILL");
    await procurement?.stop();
    await erp?.stop();
    if (url) await postgres?.cleanup(url);
  });

  it(`delivers ${AMENDMENTS} amendments to every target exactly once and in order per contract`, async () => {
    let sending = true;
    // Chaos: a random worker dies without warning every second and a fresh one takes its place.
    const chaos = (async () => {
      while (sending) {
        await new Promise((r) => setTimeout(r, 1_000));
        if (!sending) break;
        const i = Math.floor(Math.random() * workers.length);
        workers[i]!.child.kill("SIGKILL");
        kills++;
        workers[i] = await startRole(config("worker"));
      }
    })();
    // Load: each contract's versions in order, ten contracts at a time.
    const send = async (k: number) => {
      for (let v = 1; v <= VERSIONS; v++) {
        for (;;) {
          const res = await fetch(`${api.url}/v1/contracts/ctr-chaos-${k}/versions`, {
            method: "POST",
            headers: {
              ...hubHeaders(),
              "content-type": "application/json",
              "x-concord-system": "clm",
              "idempotency-key": `chaos-${k}-${v}`,
            },
            body: JSON.stringify(version(k, v)),
          });
          if (res.status === 202) break;
          if (res.status !== 503) throw new Error(`amendment ${k}/${v}: HTTP ${res.status} ${await res.text()}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const queue = Array.from({ length: CONTRACTS }, (_, k) => k + 1);
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let k = queue.shift(); k !== undefined; k = queue.shift()) await send(k);
      }),
    );
    sending = false;
    await chaos;

    // Drain: every delivery settled (the survivors take over what the dead held, after its lease).
    const client = new pg.Client({ connectionString: process.env.CONCORD_TEST_POSTGRES_URL });
    await client.connect();
    const schema = new URL(url).searchParams.get("schema");
    const deadline = Date.now() + 300_000;
    try {
      for (;;) {
        const { rows } = await client.query(
          `SELECT count(*)::int AS open FROM ${schema}.deliveries WHERE status IN ('pending', 'in_flight')`,
        );
        if (rows[0].open === 0) break;
        if (Date.now() > deadline) throw new Error(`${rows[0].open} deliveries still open after 5 minutes`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const { rows: bad } = await client.query(
        `SELECT status, count(*)::int AS n FROM ${schema}.deliveries WHERE status <> 'acknowledged' GROUP BY status`,
      );
      expect(bad).toEqual([]);
    } finally {
      await client.end();
    }

    expect(kills).toBeGreaterThan(0);
    console.info(`kill-workers: ${AMENDMENTS} amendments × 2 targets, ${kills} workers killed with SIGKILL`);
    const expected = Array.from({ length: VERSIONS }, (_, i) => i + 1);
    for (const target of [procurement, erp]) {
      for (let k = 1; k <= CONTRACTS; k++) {
        expect(target.appliedRevisions(`CHAOS-${k}`)).toEqual(expected);
      }
    }
  }, 900_000);
});

if (!postgres) console.warn(`kill-workers.test.ts skipped: ${POSTGRES_SKIP_REASON}`);
