import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { type AnalyticsServer, createAnalyticsServer } from "./analytics/server.js";
import { type ClmServer, createClmServer } from "./clm/server.js";
import type { WebhookOptions } from "./clm/webhook.js";
import {
  createDistributorServer,
  type DistributorServer,
  type DistributorServerOptions,
} from "./distributor/server.js";
import { createErpServer, type ErpServer } from "./erp/server.js";
import { DEFAULT_SEED, generateHealthSystem } from "./generator/index.js";
import type { GenerateOptions, SandboxDataset } from "./generator/types.js";
import { createProcurementServer, type ProcurementServer } from "./procurement/server.js";
import {
  createSupplierNetworkServer,
  type SupplierNetworkServer,
  type SupplierNetworkServerOptions,
} from "./supplier-network/server.js";

export type SystemName = "clm" | "procurement" | "erp" | "analytics";

export interface StartSandboxOptions {
  seed?: number;
  /** Bind address; 127.0.0.1 by default so the sandbox is never exposed by accident. */
  host?: string;
  /** 0 (the default) picks an ephemeral port. */
  ports?: Partial<Record<SystemName | "distributor" | "supplierNetwork", number>>;
  hubUrl?: string;
  /** Use this dataset instead of generating one (seed and scale are then ignored). */
  dataset?: SandboxDataset;
  scale?: Omit<GenerateOptions, "seed">;
  webhook?: WebhookOptions;
  /** How long fault-injected hung requests stay open before the socket is dropped. */
  hangMs?: number;
  logger?: boolean;
  /**
   * Also start the EDI distributor, trading X12 through this folder (the hub's `fileDrop.root` for
   * partner `distributor`, X12 id ZZ:DISTRIB). Not started without it.
   */
  distributorRoot?: string;
  /** Distributor tuning (pollMs, firstControlNumber, keepTaken, interchangeId, now). */
  distributor?: Omit<DistributorServerOptions, "root" | "logger">;
  /**
   * Also start the cXML supplier network (`true`, or its tuning: confirmDelayMs, retryMs…); its
   * ConfirmationRequests go to the hub set with `setHubUrl`. Not started without it.
   */
  supplierNetwork?: boolean | Omit<SupplierNetworkServerOptions, "logger" | "hubUrl">;
}

export interface Sandbox {
  /** Origins such as `http://127.0.0.1:41234`; API paths carry the system prefix (`/clm/api/...`). */
  urls: Record<SystemName, string> & { distributor?: string; supplierNetwork?: string };
  dataset: SandboxDataset;
  /**
   * Points the CLM's webhooks at the hub, sending `apiKey` (the hub's client for the CLM), and the
   * supplier network's ConfirmationRequests (authenticated by their cXML credentials, not a key).
   */
  setHubUrl(url: string, apiKey?: string): void;
  systems: {
    clm: ClmServer;
    procurement: ProcurementServer;
    erp: ErpServer;
    analytics: AnalyticsServer;
    /** Present when started with `distributorRoot`. */
    distributor?: DistributorServer;
    /** Present when started with `supplierNetwork`. */
    supplierNetwork?: SupplierNetworkServer;
  };
  /** The distributor's folder (`distributorRoot`), when it runs. */
  distributorRoot?: string;
  close(): Promise<void>;
}

export async function startSandbox(opts: StartSandboxOptions = {}): Promise<Sandbox> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const dataset = opts.dataset ?? generateHealthSystem({ ...opts.scale, seed });
  const common = { seed, logger: opts.logger, hangMs: opts.hangMs };
  const systems: Sandbox["systems"] = {
    clm: createClmServer({ ...common, state: dataset.clm, hubUrl: opts.hubUrl, webhook: opts.webhook }),
    procurement: createProcurementServer({ ...common, state: dataset.procurement }),
    erp: createErpServer({ ...common, state: dataset.erp }),
    analytics: createAnalyticsServer(common),
  };
  if (opts.distributorRoot !== undefined)
    systems.distributor = createDistributorServer({
      ...opts.distributor,
      root: opts.distributorRoot,
      logger: opts.logger,
    });
  if (opts.supplierNetwork)
    systems.supplierNetwork = createSupplierNetworkServer({
      ...(opts.supplierNetwork === true ? {} : opts.supplierNetwork),
      ...(opts.hubUrl === undefined ? {} : { hubUrl: opts.hubUrl }),
      logger: opts.logger,
    });
  const host = opts.host ?? "127.0.0.1";
  const urls = {} as Sandbox["urls"];
  const started: FastifyInstance[] = [];
  const close = async () => {
    await Promise.all(started.map((app) => app.close()));
  };
  try {
    for (const name of Object.keys(systems) as (SystemName | "distributor" | "supplierNetwork")[]) {
      const app: FastifyInstance | undefined = systems[name];
      if (!app) continue;
      await app.listen({ host, port: opts.ports?.[name] ?? 0 });
      started.push(app);
      const { port } = app.server.address() as AddressInfo;
      urls[name] = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    }
  } catch (e) {
    await close();
    throw e;
  }
  return {
    urls,
    dataset,
    setHubUrl: (url, apiKey) => {
      systems.clm.sandbox.setHubUrl(url, apiKey);
      systems.supplierNetwork?.sandbox.setHubUrl(url);
    },
    systems,
    ...(opts.distributorRoot === undefined ? {} : { distributorRoot: opts.distributorRoot }),
    close,
  };
}
