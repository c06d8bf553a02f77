import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_SEED, generateHealthSystem, networkRuleFor, ruleFor } from "../../sandbox/index.js";
import { demoRequisitions } from "../../sandbox/procurement/requisition-demo.js";
import { startCommand } from "../../src/cli/start-command.js";
import { requisitionCalls } from "../support/requisition-client.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, testAuth } from "../support/test-api-key.js";
import { TEST_ENCRYPTION } from "../support/test-encryption.js";
import { waitFor } from "../support/test-hub.js";

/** What `npm start` printed, by the banner's labels. */
const printed = (lines: string[], label: string) => {
  const line = lines
    .join("\n")
    .split("\n")
    .find((l) => l.trimStart().startsWith(`${label} `));
  return line?.trim().slice(label.length).trim().split(/\s+/)[0];
};

/**
 * `concord start --sandbox` as `npm start` runs it (startCommand: the sandbox, the hub wired to it,
 * the demos), on each store: the morning's requisitions reach both kinds of supplier. RQ-…-01 is
 * ordered as an 850 through the distributor's folder and confirmed by its 855; RQ-…-07's supplier
 * orders in cXML through the supplier network, whose ConfirmationRequest allocates and rejects lines.
 */
describe.each(STORE_KINDS)("the sandbox orders in X12 and in cXML ($name)", (kind) => {
  const out: string[] = [];
  let close: (() => Promise<void>) | undefined;
  let storeUrl: string;
  let urls: { hub: string; distributor: string; network: string; ediRoot: string };
  const { view } = requisitionCalls(() => urls.hub);
  const demo = demoRequisitions(generateHealthSystem({ seed: DEFAULT_SEED, preloadTargets: true }));
  const viaDistributor = demo[0]!;
  const viaNetwork = demo.find((r) => r.body.id.endsWith("-07"))!;
  const settled = (id: string, status: string) =>
    waitFor(async () => ((await view(id)).status === status ? view(id) : undefined), 90_000, `${id} to be ${status}`);

  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void out.push(args.join(" ")));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    storeUrl = kind.url();
    close = await startCommand({
      sandbox: true,
      storeUrl,
      host: "127.0.0.1",
      port: 0,
      config: { logging: { level: "silent" }, encryption: TEST_ENCRYPTION, auth: testAuth() },
    });
    const edi = out.join("\n").match(/\(EDI folder: (.+)\)/)?.[1];
    urls = {
      hub: printed(out, "hub")!,
      distributor: printed(out, "distributor")!,
      network: printed(out, "supplier net")!,
      ediRoot: edi!,
    };
  }, 240_000);
  afterAll(async () => {
    await close?.();
    await kind.cleanup(storeUrl);
    if (urls?.ediRoot) await rm(dirname(urls.ediRoot), { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it("prints the supplier network beside the distributor, and says which requisition goes to it", async () => {
    expect(urls.network).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/supplier-network\/api$/);
    expect(viaNetwork, "the demo has a requisition for the network's supplier").toBeDefined();
    const said = await waitFor(() => out.find((l) => l.startsWith("Requisition to PO")), 90_000, "the demo's report");
    expect(said).toContain(`${viaNetwork.body.id}  approved`);
    expect(said).toContain(`${urls.network}/orders`);
  });

  it("orders one requisition through the X12 distributor: its 855 confirms every line", async () => {
    expect(viaDistributor.body.lines.map((l) => ruleFor(l.itemId))).toEqual(
      viaDistributor.body.lines.map(() => "accept"),
    );
    const done = await settled(viaDistributor.body.id, "confirmed");
    expect(Object.values(done.lineStatus)).toEqual(viaDistributor.body.lines.map(() => "accepted"));
    const po: string = done.purchaseOrders[0].purchaseOrderId;
    const taken = (await (await fetch(`${urls.distributor}/purchase-orders/${po}`)).json()) as unknown[];
    expect(taken[0]).toMatchObject({ poNumber: po, status: "accepted", resent: false });
    expect((await fetch(`${urls.network}/orders/${po}`)).status).toBe(404);
  });

  it("orders one through the cXML supplier network: its ConfirmationRequest accepts, allocates and rejects by its rule", async () => {
    const expected = Object.fromEntries(
      viaNetwork.body.lines.map((l) => {
        const kind = networkRuleFor(l.itemId);
        const cut = kind === "allocate" && Number(l.quantity) > 1;
        return [l.lineId, kind === "reject" ? "rejected" : cut ? "changed" : "accepted"];
      }),
    );
    expect(Object.values(expected)).toEqual(expect.arrayContaining(["accepted", "changed", "rejected"]));
    const done = await settled(viaNetwork.body.id, "confirmed_with_exceptions");
    expect(done.lineStatus).toEqual(expected);
    expect(done.exceptions.map((e: { rule: string }) => e.rule).sort()).toEqual([
      "requisition.line-rejected",
      "requisition.quantity-changed",
    ]);
    const po: string = done.purchaseOrders[0].purchaseOrderId;
    const [order] = (await (await fetch(`${urls.network}/orders/${po}`)).json()) as any[];
    expect(order).toMatchObject({
      from: "NetworkId/AN-CONCORD-SANDBOX",
      resent: false,
      confirmation: { status: "sent", answer: { http: 200, code: 200 } },
    });
    expect(order.answers.map((a: { kind: string }) => a.kind)).toEqual(
      viaNetwork.body.lines.map((l) => networkRuleFor(l.itemId)),
    );
    expect((await fetch(`${urls.distributor}/purchase-orders/${po}`)).status).toBe(404);
  });

  it("tells the distributor in an 824 that accounts payable released the invoice its late receipt cured, then remits its payment in an 820", async () => {
    // The receiving demo's third invoice billed goods not yet received; the late receipt cures it.
    const advice = await waitFor(
      async () => {
        const list = (await (await fetch(`${urls.distributor}/invoice-advices`)).json()) as any[];
        return list.find((a) => /^INV-.+-3$/.test(a.invoiceNumber));
      },
      90_000,
      "the 824 for the cured invoice at the distributor",
    );
    expect(advice).toMatchObject({
      code: "TA",
      outcome: "accepted",
      reasons: [{ reason: "receipt.none receipt-recorded" }],
    });
    expect(advice.netToPay).toBe(advice.invoiced);
    // Accounts payable then pays it by ACH: the distributor is sent the 820, and the PO shows paid.
    const remittance = await waitFor(
      async () => {
        const list = (await (await fetch(`${urls.distributor}/remittances`)).json()) as any[];
        return list.find((r) => r.invoices.some((i: any) => i.invoiceNumber === advice.invoiceNumber));
      },
      90_000,
      `the 820 for the released invoice at the distributor (${out.filter((l) => l.includes("payment")).join(" | ")})`,
    );
    expect(remittance).toMatchObject({ method: "ACH", amount: advice.invoiced });
    expect(remittance.invoices[0].poNumber).toMatch(/^45009/);
    const po = await fetch(`${urls.hub}/v1/purchase-orders/${remittance.invoices[0].poNumber}/status`, {
      headers: hubHeaders(),
    });
    expect(((await po.json()) as { status: string }).status).toBe("paid");
  });
});
