import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payablesOf } from "../../sandbox/erp/invoice-status.js";
import { createErpServer, type ErpServer } from "../../sandbox/erp/server.js";
import { smallDataset } from "../../sandbox/shared/test-fixture.js";
import { invoiceOf, purchaseOrder, sendAsMedline } from "../support/invoice-documents.js";
import { spawnReady } from "../support/spawn-ready.js";
import { STORE_KINDS, type StoreKind } from "../support/stores.js";
import { getJson, hubHeaders, waitFor } from "../support/test-hub.js";

const HUB_PROCESS = fileURLToPath(new URL("../support/invoice-hub-process.ts", import.meta.url));

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** A URL nothing listens on: the ERP is down while the first process lives. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}/erp/api`;
}

/**
 * The process dies (SIGKILL) after a person's resolution decided a held invoice and before its
 * write-back reached the ERP. A new process on the same store delivers the decision, once.
 */
describe.each(STORE_KINDS)("invoice write-back survives a crash ($name)", (kind: StoreKind) => {
  let erp: ErpServer;
  let erpUrl: string;
  let storeUrl: string;
  let dataDir: string | undefined;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    erp = createErpServer({ state: smallDataset().dataset.erp });
    erpUrl = `${await erp.listen({ host: "127.0.0.1", port: 0 })}/erp/api`;
    if (kind.name === "pglite") {
      dataDir = await mkdtemp(join(tmpdir(), "concord-invoice-crash-"));
      storeUrl = `pglite:${dataDir}`;
    } else {
      storeUrl = kind.url();
    }
  });
  afterAll(async () => {
    for (const c of running) await kill9(c);
    await erp?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    else if (storeUrl) await kind.cleanup(storeUrl);
  });

  it("delivers the decision of a held invoice exactly once after a kill -9 between decision and write-back", async () => {
    const first = await spawnReady(HUB_PROCESS, { storeUrl, erpUrl: await deadUrl(), leaseMs: 1_000 });
    running.push(first.child);
    await sendAsMedline(first.url, [purchaseOrder("4500000401"), invoiceOf("INV-401", "4500000401", 10, "10.2500")]);
    const held = await waitFor(
      async () =>
        ((await getJson(`${first.url}/v1/invoice-exceptions`)).body.items as any[]).find(
          (e) => e.invoice.invoiceId === "INV-401",
        ),
      30_000,
      "INV-401 held",
    );
    const res = await fetch(`${first.url}/v1/invoice-exceptions/${held.id}/resolve`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json" },
      body: JSON.stringify({ resolution: "approve-as-invoiced", reason: "receiving confirmed the delivery by phone" }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ invoice: { status: "approved" } });
    await kill9(first.child);
    expect(payablesOf(erp).applied).toEqual([]);

    const second = await spawnReady(HUB_PROCESS, { storeUrl, erpUrl, leaseMs: 1_000 });
    running.push(second.child);
    await waitFor(() => payablesOf(erp).invoices.get("medline/INV-401"), 45_000, "write-back after restart");
    // Time for a second delivery, were there one to make.
    await new Promise((r) => setTimeout(r, 1_000));
    const applied = payablesOf(erp).applied.filter((a) => a.body.INVOICE_NUM === "INV-401");
    expect(applied).toHaveLength(1);
    expect(applied[0]!.body).toMatchObject({
      ACTION: "RELEASE",
      APPROVED_AMOUNT: "102.50",
      HOLD_RELEASES: [{ HOLD_REF: String(held.id) }],
    });
    await kill9(second.child);
  });
});
