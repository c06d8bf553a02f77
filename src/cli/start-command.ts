import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Sandbox } from "../../sandbox/index.js";
import { INVOICE_DECIDED } from "../model/events/invoice-decision.js";
import { CONTRACT_VERSION_EVENT, PAYMENT_REMITTED } from "../model/index.js";
import type { ReconcileSystem } from "../reconcile/index.js";
import { compileHubConfig, type HubConfigInput, startHub } from "../server/index.js";
import { sandboxClients } from "./sandbox-clients.js";

const SAMPLE_LISTS = {
  leie: fileURLToPath(new URL("../workflows/supplier-onboarding/screening/fixtures/leie-updated.csv", import.meta.url)),
  sam: fileURLToPath(
    new URL("../workflows/supplier-onboarding/screening/fixtures/sam-exclusions.csv", import.meta.url),
  ),
};

export interface StartOptions {
  readonly sandbox: boolean;
  readonly storeUrl: string;
  readonly host: string;
  readonly port: number;
  readonly seed?: number;
  /** Hub configuration from a file (`--config`): partners, bus, targets, retry…; flags win. */
  readonly config?: HubConfigInput;
}

/**
 * Where the sandbox distributor's EDI folder lives: beside a PGlite data folder (so it persists
 * with the store: both remember the interchange control numbers), else in a fresh temp folder.
 */
async function distributorRoot(storeUrl: string): Promise<string> {
  if (storeUrl.startsWith("pglite:"))
    return join(resolve(storeUrl.slice("pglite:".length)), "..", "partners", "distributor");
  return join(await mkdtemp(join(tmpdir(), "concord-partners-")), "distributor");
}

/**
 * `concord start`: the hub alone, or with --sandbox the reference CLM, procurement, ERP and
 * analytics systems too, seeded with a generated health system and wired to the hub.
 */
export async function startCommand(o: StartOptions): Promise<() => Promise<void>> {
  // A started hub logs at info unless its configuration file says otherwise (tests start hubs silent).
  const base: HubConfigInput = {
    logging: { level: "info" },
    ...o.config,
    storeUrl: o.storeUrl,
    host: o.host,
    port: o.port,
  };
  if (!o.sandbox) {
    const hub = await startHub(compileHubConfig(base));
    if (hub.config.auth.clients.size === 0 && hub.config.roles.api) {
      console.warn("No API clients are configured (auth.clients): every call but /healthz will be refused with 401.");
    }
    const role = base.roles?.api === false ? "worker" : base.roles?.worker === false ? "api" : "hub";
    console.log(`Concord ${role.padEnd(6)} ${hub.url}${role === "worker" ? "/healthz" : ""}   (store: ${o.storeUrl})`);
    return () => hub.close();
  }
  // The sandbox is a separate top-level tree; it is loaded only when asked for.
  const { startSandbox, DISTRIBUTOR_SYSTEM, DISTRIBUTOR_X12_ID, supplierNetworkHubConfig } = await import(
    "../../sandbox/index.js"
  );
  const ediRoot = await distributorRoot(o.storeUrl);
  const sandbox = await startSandbox({
    distributorRoot: ediRoot,
    supplierNetwork: true,
    ...(o.seed === undefined ? {} : { seed: o.seed }),
    // The targets start out holding the seeded contracts, as a live health system would.
    scale: { preloadTargets: true },
    host: o.host,
    // Port 0 (tests) means free ports everywhere; otherwise the sandbox sits just above the hub.
    ports:
      o.port === 0
        ? {}
        : {
            clm: o.port + 101,
            procurement: o.port + 102,
            erp: o.port + 103,
            analytics: o.port + 104,
            distributor: o.port + 105,
            supplierNetwork: o.port + 106,
          },
  });
  // One seeded supplier orders in cXML through the supplier network (the demo's RQ-…-07).
  const network = supplierNetworkHubConfig(sandbox.urls.supplierNetwork!, sandbox.dataset);
  const access = sandboxClients();
  const demo = await import("../../sandbox/procurement/onboarding-demo.js");
  const hub = await startHub(
    compileHubConfig({
      ...base,
      auth: { ...base.auth, clients: [...(base.auth?.clients ?? []), ...access.clients] },
      // Sample OIG LEIE and SAM lists (one of the demo onboardings is on the LEIE).
      supplierOnboarding: { screening: { leie: SAMPLE_LISTS.leie, sam: SAMPLE_LISTS.sam }, ...base.supplierOnboarding },
      // The activation demo's deadline passes a minute after its amendment arrives, not 15.
      priceActivation: { minAckWaitMs: 60_000, ...base.priceActivation },
      // Every supplier's POs go to the sandbox distributor (as 850s; its 855s come back through its folder).
      requisitionToPo: {
        defaultPartner: DISTRIBUTOR_SYSTEM,
        supplierPartners: network.supplierPartners,
        ...base.requisitionToPo,
      },
      targets: [
        ...sandboxTargets(sandbox.urls),
        ...(base.targets ?? []),
        // The distributor takes contract prices as X12 845s, POs as 850s, what accounts payable
        // decided about its invoices as 824s and their payments as 820s through its folder; its 997s count.
        {
          system: DISTRIBUTOR_SYSTEM,
          kind: "x12-price-authorization",
          events: [CONTRACT_VERSION_EVENT, "purchase-order.issued", INVOICE_DECIDED, PAYMENT_REMITTED],
        },
        network.target,
      ],
      // The hub reconciles the sandbox systems every 6 hours (and once at start, below).
      reconcile: base.reconcile ?? { systems: sandboxReconcileSystems(sandbox.urls), schedule: { everyHours: 6 } },
      partners: [
        ...(base.partners ?? []),
        {
          system: DISTRIBUTOR_SYSTEM,
          name: "Sandbox distributor",
          x12: DISTRIBUTOR_X12_ID,
          fileDrop: { root: ediRoot, scanIntervalMs: 500, stableMs: 0 },
        },
        network.partner,
      ],
    }),
    { seed: sandbox.dataset.canonical },
  );
  sandbox.setHubUrl(hub.url, access.keys.clm);
  console.log(banner(hub.url, o.storeUrl, sandbox, access.keys.operator));
  // Supplier onboarding: the ERP posts vendor numbers back; procurement sends a morning's onboardings.
  (await import("../../sandbox/erp/vendors.js")).vendorDeskOf(sandbox.systems.erp).setHub(hub.url, access.keys.erp);
  // The receiving dock and accounts payable: invoices held for a mix of reasons, one cured by a late receipt.
  void (await import("../../sandbox/erp/receiving-demo.js"))
    .sendReceivingDemo(hub.url, access.keys, sandbox.dataset)
    .then(
      (lines) =>
        console.log(
          [
            "Invoice exceptions: the distributor invoiced, the ERP received:",
            ...lines,
            `  curl -H "x-api-key: $CONCORD_API_KEY" ${hub.url}/v1/invoice-exceptions`,
            "",
          ].join("\n"),
        ),
      (e: unknown) => console.warn(`the receiving demo was not sent: ${(e as Error).message}`),
    );
  // In the background: the hub is up and stoppable while procurement sends them.
  // Requisition to PO: a morning of requisitions, checked, approved or waiting, ordered, confirmed by 855s.
  const requisitionDemo = await import("../../sandbox/procurement/requisition-demo.js");
  void requisitionDemo.sendDemoRequisitions(hub.url, access.keys.procurement, sandbox.dataset).then(
    (sent) => console.log(requisitionDemo.describeDemoRequisitions(sent, hub.url, sandbox.urls.supplierNetwork)),
    (e: unknown) => console.warn(`the demo requisitions were not sent: ${(e as Error).message}`),
  );
  void demo.sendDemoOnboardings(hub.url, access.keys.procurement, sandbox.dataset).then(
    (sent) => console.log(demo.describeDemoOnboardings(sent, hub.url, access.keys)),
    (e: unknown) => console.warn(`the demo onboardings were not sent: ${(e as Error).message}`),
  );
  // Contract price activation: near-future amendments, one withdrawn, one missing its deadline.
  const activationDemo = await import("../../sandbox/clm/activation-demo.js");
  void activationDemo
    .runActivationDemo(
      { hub: hub.url, clm: sandbox.urls.clm, erp: sandbox.urls.erp },
      access.keys.operator,
      sandbox.dataset,
    )
    .then(
      (demo) => console.log(activationDemo.describeActivationDemo(demo, hub.url)),
      (e: unknown) => console.warn(`the price activation demo did not run: ${(e as Error).message}`),
    );
  // A first reconciliation, so consistency has figures from the start (GET /v1/consistency).
  void fetch(`${hub.url}/v1/reconciliation-runs`, {
    method: "POST",
    headers: { "x-api-key": access.keys.operator, "content-type": "application/json" },
    body: "{}",
  }).catch((e: unknown) => console.warn(`the first reconciliation was not requested: ${(e as Error).message}`));
  return async () => {
    await hub.close();
    await sandbox.close();
  };
}

/** The URLs, and a tour whose ids exist in this dataset: a contract in force today and a line of it. */
function banner(hubUrl: string, storeUrl: string, sandbox: Sandbox, apiKey: string): string {
  const c = sandbox.dataset.canonical;
  // "Today" where the health system is (its first facility's zone): a price activates at the start
  // of its effective day in each facility's own time zone, and UTC's date runs ahead of America's.
  const zone = c.facilities[0]?.timeZone ?? "UTC";
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
  const local = (system: string, type: string, id: string) =>
    c.xrefs.find((x) => x.system === system && x.entityType === type && x.canonicalId === id)?.localId ?? id;
  const sample =
    c.contracts.find(
      (k) => k.effectiveFrom <= today && today <= k.expiresOn && k.eligibility.some((e) => e.from <= today),
    ) ?? c.contracts[0]!;
  const line = sample.priceLines[0]!;
  const facility = sample.eligibility.find((e) => e.from <= today) ?? sample.eligibility[0];
  const agreement = local("clm", "contract", sample.id);
  const amendment = JSON.stringify({
    effectiveDate: today,
    priceChanges: [{ itemCode: local("clm", "item", line.itemId), uom: "BX", price: "9.9900" }],
  });
  return [
    "",
    "Concord is running with the sandbox health system",
    `  hub           ${hubUrl}   (store: ${storeUrl})`,
    `  CLM           ${sandbox.urls.clm}/clm/api`,
    `  procurement   ${sandbox.urls.procurement}/procurement/api`,
    `  ERP           ${sandbox.urls.erp}/erp/api`,
    `  analytics     ${sandbox.urls.analytics}/analytics/api`,
    `  distributor   ${sandbox.urls.distributor}/distributor/api   (EDI folder: ${sandbox.distributorRoot})`,
    `  supplier net  ${sandbox.urls.supplierNetwork}/supplier-network/api   (cXML OrderRequests)`,
    "",
    `  seeded: ${c.facilities.length} facilities, ${c.suppliers.length} suppliers, ${c.items.length} items, ${c.contracts.length} contracts`,
    "",
    "Try it (README → Tour explains each step):",
    `  export CONCORD_API_KEY=${apiKey}`,
    `  curl -H "x-api-key: $CONCORD_API_KEY" '${hubUrl}/v1/pricing/effective-price?item=${line.itemId}&facility=${facility?.facilityId ?? "fac-01"}'`,
    `  curl -X POST ${sandbox.urls.clm}/clm/api/agreements/${agreement}/amendments -H 'content-type: application/json' -d '${amendment}'`,
    `  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/contracts/${sample.id}/propagation`,
    `  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/requisitions   (requisitions → POs → the distributor's 855 per line)`,
    `  curl ${sandbox.urls.distributor}/distributor/api/purchase-orders   (the 850s the distributor took and what it answered)`,
    `  open ${hubUrl}/docs   (the API, browsable; Authorize with the key above)`,
    `  open ${hubUrl}/dashboard/#key=${apiKey}   (the operational dashboard)`,
    "",
  ].join("\n");
}

/** The sandbox systems whose exports reconciliation reads: the CLM (the source) and the two targets. */
export function sandboxReconcileSystems(urls: Pick<Sandbox["urls"], "clm" | "procurement" | "erp">): ReconcileSystem[] {
  return [
    { system: "clm", kind: "clm", baseUrl: `${urls.clm}/clm/api`, target: false },
    { system: "procurement", kind: "procurement", baseUrl: `${urls.procurement}/procurement/api`, target: true },
    { system: "erp", kind: "erp", baseUrl: `${urls.erp}/erp/api`, target: true },
  ];
}

/** The hub's targets for the sandbox systems: procurement and ERP required, analytics a sink. */
export function sandboxTargets(urls: Sandbox["urls"]): NonNullable<HubConfigInput["targets"]> {
  return [
    { system: "procurement", kind: "procurement-catalog", baseUrl: `${urls.procurement}/procurement/api` },
    {
      system: "erp",
      kind: "erp-purchasing",
      baseUrl: `${urls.erp}/erp/api`,
      events: [CONTRACT_VERSION_EVENT, "purchase-order.issued"],
    },
    { system: "analytics", kind: "analytics-sink", baseUrl: `${urls.analytics}/analytics/api` },
  ];
}
