import { connect as tcpConnect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type BusEvent,
  type BusRejection,
  connectNatsBus,
  createNatsPublisher,
  ensureConsumer,
  ensureStream,
  eventSubject,
  type NatsBus,
  openDurableConsumer,
} from "../../src/connectors/nats/index.js";
import { Errors } from "../../src/errors/index.js";
import type { OutboundMessage } from "../../src/events/index.js";
import { startRelay } from "../support/tcp-relay.js";

/**
 * Runs against a real NATS server with JetStream (CONCORD_TEST_NATS_URL, default
 * nats://127.0.0.1:4222). Each test makes its own uniquely named stream and deletes it after.
 */
const NATS_URL = process.env.CONCORD_TEST_NATS_URL ?? "nats://127.0.0.1:4222";
const natsHostPort = new URL(NATS_URL.replace(/^nats:/, "http:"));
const reachable = await probe(natsHostPort.hostname, Number(natsHostPort.port || 4222));
const skipReason = `NATS is not reachable at ${NATS_URL} (set CONCORD_TEST_NATS_URL to a server with JetStream)`;
if (!reachable) console.warn(`nats.int.test.ts skipped: ${skipReason}`);

function probe(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = tcpConnect({ host, port });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1_000, () => done(false));
    s.once("connect", () => done(true));
    s.once("error", () => done(false));
  });
}

let counter = 0;
const unique = () => `T${process.pid}_${Date.now().toString(36)}_${++counter}`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await wait(25);
  }
}

function outbound(over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    deliveryId: 1,
    target: "bus",
    eventType: "contract.version-accepted",
    businessKey: "contract:ctr-1",
    keyVersion: 3,
    payload: { contract: { id: "ctr-1", version: 3 } },
    idempotencyKey: "concord/bus/contract:ctr-1/v3",
    correlationId: "corr-1",
    attempt: 1,
    ...over,
  };
}

const signal = () => new AbortController().signal;

describe.skipIf(!reachable)("NATS JetStream event bus", () => {
  let bus: NatsBus;
  const streams: string[] = [];

  /** A fresh stream capturing `<prefix>.>`, deleted after the test. */
  async function freshStream(opts: { duplicateWindowMs?: number } = {}) {
    const name = unique();
    const prefix = `concordtest.${name}`;
    streams.push(name);
    await ensureStream(bus, { name, subjects: [`${prefix}.>`], storage: "memory", ...opts });
    return { name, prefix };
  }

  beforeAll(async () => {
    bus = await connectNatsBus({ servers: NATS_URL, name: "concord-test", apiTimeoutMs: 3_000 });
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) await bus.jsm.streams.delete(s).catch(() => undefined);
  });
  afterAll(async () => {
    await bus?.close();
  });

  it("ensureStream creates once, then is a no-op, and applies a changed duplicate window", async () => {
    const name = unique();
    streams.push(name);
    const cfg = { name, subjects: [`concordtest.${name}.>`], storage: "memory" as const, duplicateWindowMs: 60_000 };
    expect(await ensureStream(bus, cfg)).toBe("created");
    expect(await ensureStream(bus, cfg)).toBe("unchanged");
    expect(await ensureStream(bus, { ...cfg, duplicateWindowMs: 30_000 })).toBe("updated");
    const info = await bus.jsm.streams.info(name);
    expect(info.config.duplicate_window).toBe(30_000 * 1_000_000);
    await expect(ensureStream(bus, { ...cfg, storage: "file" })).rejects.toMatchObject({
      code: "CONCORD_ERR_CONFIG_INVALID",
    });
  });

  it("publishing the same idempotency key twice leaves one message in the stream", async () => {
    const { name, prefix } = await freshStream();
    const port = createNatsPublisher({ system: "bus", bus, subjectPrefix: prefix });
    const first = await port.deliver(outbound(), signal());
    const again = await port.deliver(outbound({ attempt: 2 }), signal());
    expect(first).toEqual({ kind: "delivered", ref: `${name}#1` });
    // The duplicate's PubAck names the copy the stream kept.
    expect(again).toEqual(first);
    const info = await bus.jsm.streams.info(name);
    expect(info.state.messages).toBe(1);

    const stored = (await bus.jsm.streams.getMessage(name, { seq: 1 }))!;
    expect(stored.subject).toBe(eventSubject(prefix, "contract.version-accepted", "contract:ctr-1"));
    expect(stored.subject).toBe(`${prefix}.contract.version-accepted.contract%3Actr-1`);
    expect(stored.header.get("Nats-Msg-Id")).toBe("concord/bus/contract:ctr-1/v3");
    expect(stored.header.get("Concord-Correlation-Id")).toBe("corr-1");
    expect(stored.header.get("Concord-Event-Type")).toBe("contract.version-accepted");
    expect(stored.header.get("Concord-Business-Key")).toBe("contract:ctr-1");
    expect(stored.header.get("Concord-Key-Version")).toBe("3");
    expect(stored.json()).toEqual({ contract: { id: "ctr-1", version: 3 } });

    await port.deliver(outbound({ idempotencyKey: "concord/bus/contract:ctr-1/v4", keyVersion: 4 }), signal());
    expect((await bus.jsm.streams.info(name)).state.messages).toBe(2);
  });

  it("a subject no stream captures is a transient (retryable) failure", async () => {
    const port = createNatsPublisher({ system: "bus", bus, subjectPrefix: `nostream.${unique()}` });
    const e = await port.deliver(outbound(), signal()).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(Errors.ConnectorTransient.is(e)).toBe(true);
    expect((e as Error).message).toMatch(/no JetStream stream accepts subject/);
    expect((e as { retryable: boolean }).retryable).toBe(true);
  });

  it("no PubAck in time is CONCORD_ERR_CONNECTOR_TIMEOUT, and so is the dispatcher's abort", async () => {
    // A plain subscriber that never answers stands in for a stream that does not reply.
    const prefix = `silent.${unique()}`;
    const sub = bus.connection.subscribe(`${prefix}.>`);
    await bus.connection.flush();
    try {
      const port = createNatsPublisher({ system: "bus", bus, subjectPrefix: prefix, publishTimeoutMs: 300 });
      await expect(port.deliver(outbound(), signal())).rejects.toMatchObject({ code: "CONCORD_ERR_CONNECTOR_TIMEOUT" });
      const slow = createNatsPublisher({ system: "bus", bus, subjectPrefix: prefix, publishTimeoutMs: 10_000 });
      const ctl = new AbortController();
      setTimeout(() => ctl.abort(), 100);
      const started = Date.now();
      await expect(slow.deliver(outbound(), ctl.signal)).rejects.toMatchObject({
        code: "CONCORD_ERR_CONNECTOR_TIMEOUT",
      });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      sub.unsubscribe();
    }
  });

  describe("durable consumer", () => {
    async function streamWithEvents(n: number, extra: { ackWaitMs?: number; maxDeliver?: number } = {}) {
      const { name, prefix } = await freshStream();
      const port = createNatsPublisher({ system: "bus", bus, subjectPrefix: prefix });
      for (let i = 1; i <= n; i++) {
        await port.deliver(
          outbound({ idempotencyKey: `k-${i}`, businessKey: `contract:c-${i}`, keyVersion: i, payload: { n: i } }),
          signal(),
        );
      }
      const config = { stream: name, durable: `d_${name}`, ackWaitMs: extra.ackWaitMs ?? 1_000, ...extra };
      return { name, prefix, config };
    }
    const pending = async (stream: string, durable: string) => {
      const i = await bus.jsm.consumers.info(stream, durable);
      return { ackPending: i.num_ack_pending, waiting: i.num_pending, ackFloor: i.ack_floor.stream_seq };
    };

    it("ensureConsumer is idempotent and applies a changed ack wait", async () => {
      const { config } = await streamWithEvents(0);
      expect(await ensureConsumer(bus, config)).toBe("created");
      expect(await ensureConsumer(bus, config)).toBe("unchanged");
      expect(await ensureConsumer(bus, { ...config, ackWaitMs: 2_000 })).toBe("updated");
    });

    it("acks only after the handler resolved (the hub committed)", async () => {
      const { name, config } = await streamWithEvents(1);
      const consumer = await openDurableConsumer(bus, config);
      let release!: () => void;
      const committed = new Promise<void>((r) => {
        release = r;
      });
      const seen: BusEvent[] = [];
      const run = await consumer.consume(async (event) => {
        seen.push(event);
        await committed;
      });
      await until(() => seen.length === 1);
      // The handler has the message but has not committed: it is still pending an ack.
      await wait(200);
      expect(await pending(name, config.durable)).toMatchObject({ ackPending: 1, ackFloor: 0 });
      release();
      await until(async () => (await pending(name, config.durable)).ackFloor === 1);
      expect((await pending(name, config.durable)).ackPending).toBe(0);
      await run.stop();
      expect(seen[0]).toMatchObject({
        messageId: "k-1",
        eventType: "contract.version-accepted",
        businessKey: "contract:c-1",
        keyVersion: 1,
        correlationId: "corr-1",
        payload: { n: 1 },
        deliveryCount: 1,
        redelivered: false,
      });
    });

    it("a message not acked before a crash is redelivered to the next process", async () => {
      const { config } = await streamWithEvents(1);
      // Process A takes the message and dies before committing (its connection goes away).
      const busA = await connectNatsBus({ servers: NATS_URL, name: "concord-test-a" });
      const consumerA = await openDurableConsumer(busA, config);
      let taken = false;
      const hang = new Promise<void>(() => undefined);
      await consumerA.consume(async () => {
        taken = true;
        await hang;
      });
      await until(() => taken);
      await busA.connection.close();

      // Process B, same durable, gets it again after ackWait.
      const consumerB = await openDurableConsumer(bus, config);
      const seen: BusEvent[] = [];
      const run = await consumerB.consume(async (e) => {
        seen.push(e);
      });
      await until(() => seen.length === 1);
      await run.stop();
      expect(seen[0]).toMatchObject({ messageId: "k-1", redelivered: true, deliveryCount: 2 });
    });

    it("a retryable failure naks with a delay and the message comes back", async () => {
      const { config } = await streamWithEvents(1);
      const consumer = await openDurableConsumer(bus, { ...config, ackWaitMs: 30_000 });
      const attempts: number[] = [];
      const run = await consumer.consume(
        async (e) => {
          attempts.push(e.deliveryCount);
          if (e.deliveryCount === 1) throw Errors.StoreUnavailable("store down");
        },
        { retry: { initialDelayMs: 200, jitter: 0 } },
      );
      // ackWait is 30 s: only the nak's 200 ms delay can bring it back this soon.
      await until(() => attempts.length === 2, 5_000);
      await run.stop();
      expect(attempts).toEqual([1, 2]);
    });

    it("a permanent failure terminates the message and reports it, with no redelivery", async () => {
      const { config } = await streamWithEvents(1);
      const consumer = await openDurableConsumer(bus, { ...config, ackWaitMs: 300 });
      let calls = 0;
      const rejected: BusRejection[] = [];
      const run = await consumer.consume(
        async () => {
          calls++;
          throw Errors.InputSchema("payload is not a contract");
        },
        {
          onRejected: async (r) => {
            rejected.push(r);
          },
        },
      );
      await until(() => rejected.length === 1);
      await wait(900); // three ack waits: a non-terminated message would be back by now
      await run.stop();
      expect(calls).toBe(1);
      expect(rejected[0]).toMatchObject({ reason: "permanent", streamSequence: 1, deliveryCount: 1 });
      expect(rejected[0]!.error.code).toBe("CONCORD_ERR_INPUT_SCHEMA");
    });

    it("retries run out at maxDeliver and the message is terminated as exhausted", async () => {
      const { config } = await streamWithEvents(1);
      const consumer = await openDurableConsumer(bus, { ...config, maxDeliver: 2 });
      const rejected: BusRejection[] = [];
      const run = await consumer.consume(
        async () => {
          throw Errors.StoreUnavailable("store down");
        },
        { retry: { initialDelayMs: 50, jitter: 0 }, onRejected: async (r) => void rejected.push(r) },
      );
      await until(() => rejected.length === 1);
      await run.stop();
      expect(rejected[0]).toMatchObject({ reason: "exhausted", deliveryCount: 2 });
    });

    it("a body that is not JSON is reported as undecodable and never reaches the handler", async () => {
      const { name, prefix, config } = await streamWithEvents(0);
      await bus.js.publish(`${prefix}.x.y`, "{not json", { msgID: "bad-1" });
      const consumer = await openDurableConsumer(bus, config);
      let handled = 0;
      const rejected: BusRejection[] = [];
      const run = await consumer.consume(
        async () => {
          handled++;
        },
        { onRejected: async (r) => void rejected.push(r) },
      );
      await until(() => rejected.length === 1);
      await run.stop();
      expect(handled).toBe(0);
      expect(rejected[0]).toMatchObject({ reason: "undecodable", stream: name, event: undefined });
      expect(rejected[0]!.error.message).toMatch(/is not JSON/);
    });

    it("stop() drains: messages already received are handled and acked before it resolves", async () => {
      const { name, config } = await streamWithEvents(5);
      const consumer = await openDurableConsumer(bus, { ...config, ackWaitMs: 30_000 });
      const handled: string[] = [];
      let started = false;
      const run = await consumer.consume(
        async (e) => {
          started = true;
          await wait(100);
          handled.push(e.messageId);
        },
        { batch: 5 },
      );
      await until(() => started);
      await run.stop();
      expect(await run.finished).toBeUndefined();
      const p = await pending(name, config.durable);
      // Everything handed to the handler was acked; nothing is left half-done.
      expect(p.ackPending).toBe(0);
      expect(p.ackFloor).toBe(handled.length);
      expect(handled.length).toBeGreaterThanOrEqual(1);
    });
  });

  it("the client reconnects by itself after the server side closes the connection", async () => {
    const { name, prefix } = await freshStream();
    // A TCP relay in front of the server lets the test cut the connection as a server restart would.
    const proxy = await startRelay(natsHostPort.hostname, Number(natsHostPort.port || 4222));
    const viaProxy = await connectNatsBus({
      servers: `nats://127.0.0.1:${proxy.port}`,
      name: "concord-test-reconnect",
      reconnectTimeWaitMs: 100,
      apiTimeoutMs: 2_000,
    });
    try {
      const port = createNatsPublisher({ system: "bus", bus: viaProxy, subjectPrefix: prefix });
      await port.deliver(outbound({ idempotencyKey: "r-1" }), signal());
      const statuses: string[] = [];
      void (async () => {
        for await (const s of viaProxy.connection.status()) statuses.push(s.type);
      })();
      proxy.cutAll();
      await until(() => statuses.includes("reconnect"), 10_000);
      expect(statuses).toContain("disconnect");
      await port.deliver(outbound({ idempotencyKey: "r-2" }), signal());
      expect((await bus.jsm.streams.info(name)).state.messages).toBe(2);
    } finally {
      await viaProxy.close();
      await proxy.close();
    }
  });
});
