import { connect as tcpConnect } from "node:net";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectNatsBus, type NatsBus } from "../../src/connectors/nats/index.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, postVersion, startTestHub, waitFor } from "../support/test-hub.js";

const NATS_URL = process.env.CONCORD_TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const reachable = await new Promise<boolean>((resolve) => {
  const u = new URL(NATS_URL.replace(/^nats:/, "http:"));
  const s = tcpConnect({ host: u.hostname, port: Number(u.port || 4222) });
  const done = (ok: boolean) => {
    s.destroy();
    resolve(ok);
  };
  s.setTimeout(1_000, () => done(false));
  s.once("connect", () => done(true));
  s.once("error", () => done(false));
});

/** The hub on the enterprise bus: it publishes its events there and takes contract versions from it. */
describe.skipIf(!reachable).each(STORE_KINDS)("the enterprise event bus, on a real NATS ($name)", (kind) => {
  const tag = `t${process.pid}${Date.now().toString(36)}${kind.name}`;
  const stream = `CONCORD_${tag.toUpperCase()}`;
  let t: Awaited<ReturnType<typeof startTestHub>>;
  let bus: NatsBus;

  beforeAll(async () => {
    t = await startTestHub(kind, {
      targets: [],
      bus: {
        connection: { servers: NATS_URL },
        stream: { name: stream, subjects: [`${tag}.>`] },
        publish: { subjectPrefix: `${tag}.out` },
        consume: { stream, durable: `hub-${tag}`, filterSubjects: [`${tag}.in.>`], ackWaitMs: 2_000 },
      },
    });
    bus = await connectNatsBus({ servers: NATS_URL });
  });
  afterAll(async () => {
    await t?.dispose();
    await bus?.jsm.streams.delete(stream).catch(() => undefined);
    await bus?.close();
  });

  const publishIn = async (msgId: string, source: string, body: unknown) => {
    const h = natsHeaders();
    h.set("Nats-Msg-Id", msgId);
    h.set("Concord-Event-Type", "contract.version");
    h.set("Concord-Source", source);
    await bus.js.publish(`${tag}.in.contract.version`, JSON.stringify(body), { headers: h });
  };

  it("publishes each accepted contract version once, keyed by its idempotency key", async () => {
    expect((await postVersion(t.hub.url, amendment(contractV1(), 2, "2026-07-01"))).status).toBe(202);
    const msg = await waitFor(
      () =>
        bus.jsm.streams
          .getMessage(stream, { last_by_subj: `${tag}.out.contract.version-accepted.contract%3Actr-1` })
          .catch(() => undefined),
      15_000,
      "the event on the bus",
    );
    expect(msg!.header.get("Nats-Msg-Id")).toBe("concord/bus/contract:ctr-1/v2");
    expect(msg!.header.get("Concord-Key-Version")).toBe("2");
    expect(JSON.parse(new TextDecoder().decode(msg!.data)).contract.version).toBe(2);
  });

  it("takes a contract version published by the CLM, and refuses (and records) one from a non-owner", async () => {
    await publishIn("clm-evt-3", "clm", amendment(contractV1(), 3, "2026-08-01"));
    await waitFor(
      async () => (await getJson(`${t.hub.url}/v1/contracts/ctr-1`)).body.version === 3,
      15_000,
      "v3 stored",
    );

    await publishIn("prc-evt-4", "procurement", amendment(contractV1(), 4, "2026-09-01"));
    await waitFor(
      async () =>
        ((await getJson(`${t.hub.url}/v1/policy-violations`)).body.items as { system: string }[]).some(
          (v) => v.system === "procurement",
        ),
      15_000,
      "the violation recorded",
    );
    expect((await getJson(`${t.hub.url}/v1/contracts/ctr-1`)).body.version).toBe(3);
    // Both were acked once decided: nothing waits for redelivery.
    await waitFor(
      async () => (await bus.jsm.consumers.info(stream, `hub-${tag}`)).num_ack_pending === 0,
      10_000,
      "acks",
    );
  });
});
