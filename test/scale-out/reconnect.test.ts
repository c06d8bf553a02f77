import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectNatsBus, type NatsBus } from "../../src/connectors/nats/index.js";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { type Relay, startRelay } from "../support/tcp-relay.js";
import { hubHeaders, startTestHub, waitFor } from "../support/test-hub.js";

const postgres = STORE_KINDS.find((k) => k.name === "postgres");
const NATS_URL = process.env.CONCORD_TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const VERSIONS = 60;

/**
 * The store's connections and the bus's are cut again and again while amendments flow: the hub
 * reconnects by itself, and every target still applies every version exactly once, in order.
 */
describe.skipIf(!postgres)("reconnects after PostgreSQL backends and the NATS connection are cut", () => {
  let t: Awaited<ReturnType<typeof startTestHub>>;
  let target: RecordingTarget;
  let relay: Relay;
  let bus: NatsBus;
  let admin: pg.Client;
  let schema: string;
  const tag = `rc${process.pid}${Date.now().toString(36)}`;
  const stream = tag.toUpperCase();

  beforeAll(async () => {
    target = await new RecordingTarget().start();
    const nats = new URL(NATS_URL.replace(/^nats:/, "http:"));
    relay = await startRelay(nats.hostname, Number(nats.port || 4222));
    t = await startTestHub(postgres!, {
      targets: [{ system: "procurement", kind: "procurement-catalog", url: target.url }],
      retry: { initialDelayMs: 20, maxDelayMs: 300, maxAttempts: 50 },
      bus: {
        connection: { servers: `nats://127.0.0.1:${relay.port}`, reconnectTimeWaitMs: 100, apiTimeoutMs: 1_000 },
        stream: { name: stream, subjects: [`${tag}.>`] },
        publish: { subjectPrefix: `${tag}.events` },
      },
    });
    schema = new URL(t.hub.config.storeUrl).searchParams.get("schema")!;
    admin = new pg.Client({ connectionString: process.env.CONCORD_TEST_POSTGRES_URL });
    await admin.connect();
    bus = await connectNatsBus({ servers: NATS_URL });
  });
  afterAll(async () => {
    await t?.dispose();
    await bus?.jsm.streams.delete(stream).catch(() => undefined);
    await bus?.close();
    await admin?.end();
    await relay?.close();
    await target?.stop();
  });

  it(`delivers ${VERSIONS} versions once and in order, to the target and the bus, through the cuts`, async () => {
    let cutting = true;
    let cuts = 0;
    const chaos = (async () => {
      while (cutting) {
        await new Promise((r) => setTimeout(r, 400));
        // Every session of this hub (its pool and its LISTEN connection), as a failover would.
        await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ($1, $2)", [
          `concord:${schema}`,
          `concord-listen:concord_outbox_${schema}`,
        ]);
        relay.cutAll();
        cuts++;
      }
    })();
    for (let v = 2; v <= VERSIONS; v++) {
      const body = JSON.stringify(amendment(contractV1(), v, "2026-07-01"));
      // A request caught by a cut is answered 503 (store unavailable) or fails: the sender retries.
      await waitFor(
        async () => {
          const res = await fetch(`${t.hub.url}/v1/contracts/ctr-1/versions`, {
            method: "POST",
            headers: {
              ...hubHeaders(),
              "content-type": "application/json",
              "x-concord-system": "clm",
              "idempotency-key": `rc-${v}`,
            },
            body,
          }).catch(() => undefined);
          return res?.status === 202;
        },
        30_000,
        `version ${v} accepted`,
      );
    }
    cutting = false;
    await chaos;
    expect(cuts).toBeGreaterThan(2);

    const expected = Array.from({ length: VERSIONS }, (_, i) => i + 1).slice(1);
    await waitFor(() => target.appliedRevisions("AGR-1").length >= expected.length, 120_000, "every version applied");
    expect(target.appliedRevisions("AGR-1")).toEqual(expected);
    // The bus holds each version once (Nats-Msg-Id dedupes the re-sends after a cut).
    await waitFor(async () => (await bus.jsm.streams.info(stream)).state.messages >= expected.length, 120_000, "bus");
    const info = await bus.jsm.streams.info(stream);
    expect(info.state.messages).toBe(expected.length);
  });
});
