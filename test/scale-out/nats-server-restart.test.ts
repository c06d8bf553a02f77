import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { headers as natsHeaders } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectNatsBus, type NatsBus } from "../../src/connectors/nats/index.js";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, hubHeaders, startTestHub, waitFor } from "../support/test-hub.js";

const NATS_SERVER = "/usr/sbin/nats-server";
const VERSIONS = 40;
// PostgreSQL when the run has it (the scale-out setting), otherwise the embedded store.
const kind = STORE_KINDS.find((k) => k.name === "postgres") ?? STORE_KINDS[0]!;

/** A NATS server of the test's own, with JetStream on disk, that the test stops and starts again. */
class OwnNatsServer {
  private child: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), "concord-nats-"));
  port = 0;

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const conf = join(this.dir, "nats.conf");
    writeFileSync(conf, `listen: 127.0.0.1:${this.port}\njetstream { store_dir: "${join(this.dir, "js")}" }\n`);
    const child = spawn(NATS_SERVER, ["-c", conf], { stdio: "ignore" });
    this.child = child;
    await waitFor(() => canConnect(this.port), 15_000, "nats-server listening");
  }

  /** SIGTERM is a rolling restart (JetStream flushed, clients told); SIGKILL is a crash. */
  async stop(signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => resolve(typeof a === "object" && a ? a.port : 0));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect({ host: "127.0.0.1", port });
    c.once("connect", () => {
      c.destroy();
      resolve(true);
    });
    c.once("error", () => resolve(false));
  });
}

/**
 * The NATS server itself goes away and comes back (a rolling upgrade of the broker) while the hub
 * publishes its events to the bus and consumes contract versions from it: readiness says so while
 * it is down, the hub reconnects by itself, and afterwards the bus holds every event once and
 * every version published to it was taken once.
 */
describe.skipIf(!existsSync(NATS_SERVER)).each(["SIGTERM", "SIGKILL"] as const)(
  `survives a NATS server restart after %s (${kind.name})`,
  (signal) => {
    const tag = `nr${process.pid}${Date.now().toString(36)}${signal.toLowerCase()}`;
    const stream = tag.toUpperCase();
    const nats = new OwnNatsServer();
    let t: Awaited<ReturnType<typeof startTestHub>>;
    let target: RecordingTarget;
    let bus: NatsBus;

    beforeAll(async () => {
      await nats.start();
      target = await new RecordingTarget().start();
      t = await startTestHub(kind, {
        targets: [{ system: "procurement", kind: "procurement-catalog", url: target.url }],
        retry: { initialDelayMs: 50, maxDelayMs: 500, maxAttempts: 200 },
        bus: {
          connection: { servers: nats.url, reconnectTimeWaitMs: 100, apiTimeoutMs: 1_000 },
          stream: { name: stream, subjects: [`${tag}.>`] },
          publish: { subjectPrefix: `${tag}.out` },
          consume: { stream, durable: `hub-${tag}`, filterSubjects: [`${tag}.in.>`], ackWaitMs: 2_000 },
        },
      });
      bus = await connectNatsBus({ servers: nats.url, reconnectTimeWaitMs: 100 });
    }, 60_000);
    afterAll(async () => {
      await t?.dispose();
      await bus?.close().catch(() => undefined);
      await target?.stop();
      await nats.dispose();
    });

    const post = async (v: number) => {
      const res = await fetch(`${t.hub.url}/v1/contracts/ctr-1/versions`, {
        method: "POST",
        headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "clm" },
        body: JSON.stringify(amendment(contractV1(), v, "2026-07-01")),
      });
      expect(res.status).toBe(202);
    };

    it("keeps every event and every consumed version exactly once across the restart", async () => {
      const half = VERSIONS / 2;
      for (let v = 2; v <= half; v++) await post(v);

      await nats.stop(signal);
      await waitFor(async () => (await getJson(`${t.hub.url}/healthz`)).status === 503, 15_000, "not ready while down");
      // The API still accepts work while the broker is away: the outbox keeps it.
      for (let v = half + 1; v <= VERSIONS; v++) await post(v);

      await nats.start();
      await waitFor(async () => (await getJson(`${t.hub.url}/healthz`)).status === 200, 30_000, "ready again");

      // A version published by the CLM on the bus after the restart is consumed through the same intake.
      const h = natsHeaders();
      h.set("Nats-Msg-Id", `${tag}-clm-${VERSIONS + 1}`);
      h.set("Concord-Event-Type", "contract.version");
      h.set("Concord-Source", "clm");
      await waitFor(
        () =>
          bus.js
            .publish(
              `${tag}.in.contract.version`,
              JSON.stringify(amendment(contractV1(), VERSIONS + 1, "2026-08-01")),
              {
                headers: h,
              },
            )
            .then(() => true)
            .catch(() => false),
        30_000,
        "the test's client reconnected",
      );

      const expected = Array.from({ length: VERSIONS }, (_, i) => i + 2); // v2 .. v(VERSIONS+1)
      await waitFor(() => target.appliedRevisions("AGR-1").length >= expected.length, 120_000, "every version applied");
      expect(target.appliedRevisions("AGR-1")).toEqual(expected);

      // Every accepted version's event is on the bus once (Nats-Msg-Id dedupes re-sends after reconnect).
      const published = async () =>
        (await bus.jsm.streams.info(stream, { subjects_filter: `${tag}.out.contract.version-accepted.>` })).state
          .subjects ?? {};
      await waitFor(
        async () => Object.values(await published()).reduce((a, n) => a + n, 0) >= expected.length,
        120_000,
        "every event on the bus",
      );
      expect(Object.values(await published()).reduce((a, n) => a + n, 0)).toBe(expected.length);
      await waitFor(
        async () => (await bus.jsm.consumers.info(stream, `hub-${tag}`)).num_ack_pending === 0,
        30_000,
        "the consumed version acknowledged",
      );
    }, 300_000);
  },
);
