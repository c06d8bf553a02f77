import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingTarget } from "../support/recording-target.js";
import { contractV1 } from "../support/small-health-system.js";
import { spawnReady } from "../support/spawn-ready.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { getJson, postVersion, waitFor } from "../support/test-hub.js";

const PROCESS = fileURLToPath(new URL("../support/activation-hub-process.ts", import.meta.url));
const CONTRACTS = 8;
const KILLS = 6;

function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/**
 * Price activations fire while the hub is killed with SIGKILL again and again (no shutdown hooks,
 * transactions cut wherever they were): once it is left running, every facility of every contract
 * is activated, and each activation happened exactly once (one audit record per contract and
 * facility, one activation instant each).
 */
describe.each(STORE_KINDS)("price activation under kill -9 ($name)", (kind: StoreKind) => {
  let procurement: RecordingTarget;
  let erp: RecordingTarget;
  let storeUrl: string;
  let dataDir: string | undefined;
  let running: ChildProcess | undefined;
  const start = async (clockAt: string) => {
    const { child, url } = await spawnReady(
      PROCESS,
      { storeUrl, procurementUrl: procurement.url, erpUrl: erp.url, clockAt },
      (c) => {
        running = c;
      },
    );
    return { child, url };
  };

  beforeAll(async () => {
    procurement = await new RecordingTarget().start();
    erp = await new RecordingTarget().start();
    // The embedded store on disk: what the process leaves behind when it dies is what it committed.
    if (kind.name === "pglite") {
      dataDir = await mkdtemp(join(tmpdir(), "concord-activation-kill-"));
      storeUrl = `pglite:${dataDir}`;
    } else storeUrl = kind.url();
  });
  afterAll(async () => {
    if (running) await kill9(running);
    await Promise.all([procurement?.stop(), erp?.stop()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    else if (storeUrl) await kind.cleanup(storeUrl);
  });

  it(`activates ${CONTRACTS} contracts at both facilities exactly once through ${KILLS} kills`, async () => {
    // Before the effective day: the contracts are accepted, delivered, released, and wait.
    let hub = await start("2026-12-20T12:00:00Z");
    const ids = Array.from({ length: CONTRACTS }, (_, k) => `ctr-kill-${k}`);
    for (const [k, id] of ids.entries()) {
      const contract = contractV1({ id, number: `AGR-KILL-${k}`, effectiveFrom: "2027-01-01" });
      expect((await postVersion(hub.url, contract)).status).toBe(202);
    }
    const plans = async (url: string) =>
      Promise.all(
        ids.map(async (id) => (await getJson(`${url}/v1/contracts/${id}/versions/1/activations`)).body as any),
      );
    await waitFor(
      async () => (await plans(hub.url)).every((p) => (p.facilities as { status: string }[] | undefined)?.length === 2),
      60_000,
      "every activation planned",
    );
    await kill9(hub.child);

    // The day came: the hub dies while the activations fire, again and again.
    for (let k = 0; k < KILLS; k++) {
      hub = await start("2027-01-02T12:00:00Z");
      await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 250)));
      await kill9(hub.child);
    }
    hub = await start("2027-01-02T12:00:00Z");
    await waitFor(
      async () =>
        (await plans(hub.url)).every((p) =>
          (p.facilities as { status: string }[]).every((f) => f.status === "activated"),
        ),
      120_000,
      "every facility activated",
    );

    const audit = (await getJson(`${hub.url}/v1/audit?limit=1000`)).body.items as {
      action: string;
      subjectId: string;
      detail: { version: number; facilities: string[] };
    }[];
    for (const id of ids) {
      const fired = audit
        .filter((a) => a.action === "contract.price.activated" && a.subjectId === id)
        .flatMap((a) => a.detail.facilities)
        .sort();
      expect(fired, id).toEqual(["fac-1", "fac-2"]);
    }
    for (const p of await plans(hub.url)) {
      for (const f of p.facilities as { activatedAt: string | null }[]) expect(f.activatedAt).toBeTruthy();
    }
  }, 300_000);
});
