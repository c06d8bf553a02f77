import { compileHubConfig, type HubConfigInput, startHub } from "../server/index.js";

export interface StartOptions {
  readonly sandbox: boolean;
  readonly storeUrl: string;
  readonly host: string;
  readonly port: number;
  readonly seed: number;
}

/**
 * `concord start`: the hub alone, or with --sandbox the reference CLM, procurement, ERP and
 * analytics systems too, seeded with a generated health system and wired to the hub.
 */
export async function startCommand(o: StartOptions): Promise<() => Promise<void>> {
  const base: HubConfigInput = { storeUrl: o.storeUrl, host: o.host, port: o.port, logger: false };
  if (!o.sandbox) {
    const hub = await startHub(compileHubConfig(base));
    console.log(`Concord hub   ${hub.url}   (store: ${o.storeUrl})`);
    return () => hub.close();
  }
  // The sandbox is a separate top-level tree; it is loaded only when asked for.
  const { startSandbox } = await import("../../sandbox/index.js");
  const sandbox = await startSandbox({
    seed: o.seed,
    // The targets start out holding the seeded contracts, as a live health system would.
    scale: { preloadTargets: true },
    host: o.host,
    ports: { clm: o.port + 101, procurement: o.port + 102, erp: o.port + 103, analytics: o.port + 104 },
  });
  const hub = await startHub(
    compileHubConfig({
      ...base,
      targets: [
        { system: "procurement", kind: "procurement-catalog", baseUrl: `${sandbox.urls.procurement}/procurement/api` },
        { system: "erp", kind: "erp-purchasing", baseUrl: `${sandbox.urls.erp}/erp/api` },
        { system: "analytics", kind: "analytics-sink", baseUrl: `${sandbox.urls.analytics}/analytics/api` },
      ],
    }),
    { seed: sandbox.dataset.canonical },
  );
  sandbox.setHubUrl(hub.url);
  const c = sandbox.dataset.canonical;
  const sample = c.contracts[0]!;
  const clmNo = c.xrefs.find((x) => x.system === "clm" && x.entityType === "contract" && x.canonicalId === sample.id)?.localId;
  console.log(
    [
      "",
      "Concord is running with the sandbox health system",
      `  hub           ${hub.url}   (store: ${o.storeUrl})`,
      `  CLM           ${sandbox.urls.clm}/clm/api`,
      `  procurement   ${sandbox.urls.procurement}/procurement/api`,
      `  ERP           ${sandbox.urls.erp}/erp/api`,
      `  analytics     ${sandbox.urls.analytics}/analytics/api`,
      "",
      `  seeded: ${c.facilities.length} facilities, ${c.suppliers.length} suppliers, ${c.items.length} items, ${c.contracts.length} contracts`,
      "",
      "Try it (see README → Tour):",
      `  curl ${sandbox.urls.clm}/clm/api/agreements/${clmNo}`,
      `  curl '${hub.url}/v1/prices?item=${sample.priceLines[0]!.itemId}&facility=${sample.eligibility[0]?.facilityId ?? "fac-01"}'`,
      `  curl ${hub.url}/v1/contracts/${sample.id}/propagation`,
      "",
    ].join("\n"),
  );
  return async () => {
    await hub.close();
    await sandbox.close();
  };
}
