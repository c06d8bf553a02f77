import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingTarget } from "../support/recording-target.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { spawnReady } from "../support/spawn-ready.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { deliveryStatuses, postVersion, waitFor } from "../support/test-hub.js";

const HUB_PROCESS = fileURLToPath(new URL("../support/hub-process.ts", import.meta.url));

/** Starts a hub in its own process and resolves with its URL once it prints it. */
const spawnHub = (config: object) => spawnReady(HUB_PROCESS, config);

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/**
 * The process is killed with SIGKILL (no shutdown hooks run) between accepting amendments and
 * delivering them, and while a delivery is in flight. After a restart on the same store every
 * accepted amendment reaches the target exactly once, in order.
 */
describe.each(STORE_KINDS)("no loss on crash ($name)", (kind: StoreKind) => {
  let target: RecordingTarget;
  let storeUrl: string;
  let dataDir: string | undefined;
  let running: ChildProcess | undefined;

  beforeAll(async () => {
    target = await new RecordingTarget().start();
    if (kind.name === "pglite") {
      dataDir = await mkdtemp(join(tmpdir(), "concord-crash-"));
      storeUrl = `pglite:${dataDir}`;
    } else {
      storeUrl = kind.url();
    }
  });
  afterAll(async () => {
    if (running && running.exitCode === null && running.signalCode === null) await kill9(running);
    await target?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    else if (storeUrl) await kind.cleanup(storeUrl);
  });

  it("accepted amendments are delivered once, in order, after a kill -9 before any delivery", async () => {
    const first = await spawnHub({ storeUrl, targetUrl: target.url, dispatch: false, leaseMs: 1_000 });
    running = first.child;
    const v1 = contractV1({ id: "ctr-crash", number: "AGR-CRASH" });
    const versions = [v1, amendment(v1, 2, "2026-03-01"), amendment(v1, 3, "2026-04-01")];
    for (const v of versions) expect((await postVersion(first.url, v)).status).toBe(202);
    await kill9(first.child);
    expect(target.requests).toHaveLength(0);

    const second = await spawnHub({ storeUrl, targetUrl: target.url, dispatch: true, leaseMs: 1_000 });
    running = second.child;
    await waitFor(
      async () => (await deliveryStatuses(second.url, "ctr-crash", 3)).procurement === "acknowledged",
      45_000,
    );
    expect(target.appliedRevisions("AGR-CRASH")).toEqual([1, 2, 3]);
    await kill9(second.child);
  });

  it("a delivery in flight when the process dies is re-sent after restart with the same key and applied once", async () => {
    // The target applies the message, then the process dies before the answer is recorded.
    target.enqueue({ status: 200, applyFirst: true, hang: true });
    const first = await spawnHub({ storeUrl, targetUrl: target.url, dispatch: true, leaseMs: 1_000 });
    running = first.child;
    const c = contractV1({ id: "ctr-crash-inflight", number: "AGR-CRASH-INFLIGHT" });
    expect((await postVersion(first.url, c)).status).toBe(202);
    await waitFor(() => target.applied.some((a) => a.contract === "AGR-CRASH-INFLIGHT"), 45_000, "first apply");
    await kill9(first.child);

    const second = await spawnHub({ storeUrl, targetUrl: target.url, dispatch: true, leaseMs: 1_000 });
    running = second.child;
    await waitFor(
      async () => (await deliveryStatuses(second.url, "ctr-crash-inflight", 1)).procurement === "acknowledged",
      45_000,
      "acknowledged after restart",
    );
    const sent = target.requests.filter((r) => r.contract === "AGR-CRASH-INFLIGHT");
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((r) => r.key)).size).toBe(1);
    expect(target.appliedRevisions("AGR-CRASH-INFLIGHT")).toEqual([1]);
    await kill9(second.child);
  });
});
