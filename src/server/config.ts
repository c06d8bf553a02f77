import { Errors } from "../errors/index.js";
import {
  type CircuitOptions,
  compileRetryPolicy,
  DEFAULT_CIRCUIT_OPTIONS,
  DEFAULT_ROUTINE_SHARE,
  type RetryPolicy,
  type RetryPolicyInput,
} from "../events/index.js";
import { CONTRACT_VERSION_EVENT } from "../model/index.js";
import {
  compileObservabilityConfig,
  type ObservabilityConfig,
  type ObservabilityConfigInput,
} from "../observability/index.js";
import { DEFAULT_OWNERSHIP, type OwnershipConfig } from "../policy/index.js";
import {
  compileReconcileConfig,
  type ReconcileConfig,
  type ReconcileConfigInput,
} from "../reconcile/reconcile-config.js";
import {
  compileInvoiceExceptionOptions,
  type InvoiceExceptionOptions,
  type InvoiceExceptionOptionsInput,
} from "../workflows/invoice-match/invoice-exception-options.js";
import {
  compilePriceActivationOptions,
  type PriceActivationOptions,
  type PriceActivationOptionsInput,
} from "../workflows/price-activation/activation-options.js";
import {
  compileRequisitionOptions,
  type RequisitionOptions,
  type RequisitionOptionsInput,
} from "../workflows/requisition-to-po/requisition-options.js";
import {
  compileOnboardingOptions,
  type OnboardingOptions,
  type OnboardingOptionsInput,
} from "../workflows/supplier-onboarding/onboarding-options.js";
import { type AuthConfig, type AuthConfigInput, compileAuthConfig } from "./auth-config.js";
import { type BusConfig, type BusConfigInput, compileBusConfig } from "./bus-config.js";
import { compileDashboardConfig, type DashboardConfig, type DashboardConfigInput } from "./dashboard-config.js";
import { compileEncryptionConfig, type EncryptionConfig, type EncryptionConfigInput } from "./encryption-config.js";
import { compilePartners, type PartnerConfigInput, type PartnersConfig, x12PartnerOf } from "./partner-config.js";

export type ConnectorKind =
  | "procurement-catalog"
  | "erp-purchasing"
  | "analytics-sink"
  | "webhook"
  | "x12-price-authorization"
  | "cxml-order-request"
  | "nats-bus";

/** Kinds that deliver over HTTP to `baseUrl`; the others use the partner's configured transport. */
const HTTP_KINDS: ReadonlySet<ConnectorKind> = new Set([
  "procurement-catalog",
  "erp-purchasing",
  "analytics-sink",
  "webhook",
  // baseUrl is the partner's cXML endpoint, a full URL.
  "cxml-order-request",
]);

export interface TargetConfig {
  readonly system: string;
  readonly kind: ConnectorKind;
  /** HTTP kinds: the target's API root. */
  readonly baseUrl: string | undefined;
  readonly required: boolean;
  readonly connections: number;
  /** Event types this target receives ("*" = every event); default: contract versions. */
  readonly events: readonly string[];
  /** EDI kinds: how long the partner has to send its 997/999 before an exception (default 1 h). */
  readonly awaitAckMs: number;
}

export interface HubConfigInput {
  /** memory:, pglite:<folder> or postgres://… */
  readonly storeUrl?: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly targets?: readonly (Omit<TargetConfig, "required" | "connections" | "events" | "baseUrl" | "awaitAckMs"> & {
    baseUrl?: string;
    required?: boolean;
    connections?: number;
    events?: readonly string[];
    awaitAckMs?: number;
  })[];
  readonly retry?: RetryPolicyInput;
  readonly dispatcher?: Partial<Omit<HubConfig["dispatcher"], "circuit">> & {
    readonly circuit?: Partial<CircuitOptions>;
  };
  readonly ownership?: OwnershipConfig;
  readonly intake?: Partial<HubConfig["intake"]>;
  readonly bodyLimitBytes?: number;
  /** Shorthand for `logging: { level: "info" }`; `logging.level` wins. */
  readonly logger?: boolean;
  /** Structured JSON logs (default silent), traces (default none), metrics: docs/observability.md. */
  readonly logging?: ObservabilityConfigInput["logging"];
  readonly tracing?: ObservabilityConfigInput["tracing"];
  readonly metrics?: ObservabilityConfigInput["metrics"];
  readonly workerId?: string;
  /** Trading partners that send EDI X12 or cXML documents (see partner-config.ts). */
  readonly partners?: readonly PartnerConfigInput[];
  /** Concord's own X12 interchange id; default ZZ:CONCORD. */
  readonly x12Identity?: { readonly qualifier: string; readonly id: string };
  /** The enterprise event bus (NATS JetStream); see bus-config.ts. */
  readonly bus?: BusConfigInput;
  /**
   * What this process does: `api` serves the HTTP API and takes inbound work; `worker` delivers
   * (dispatcher, partner folders and SFTP, the bus). Default both: the embedded one-process hub.
   * Scaled out, any number of each share one PostgreSQL (`concord api`, `concord worker`).
   */
  readonly roles?: { readonly api?: boolean; readonly worker?: boolean };
  /** Keys sealing supplier tax ids and bank accounts (encryption-config.ts, docs/security.md). */
  readonly encryption?: EncryptionConfigInput;
  /** API clients, their keys, scopes and systems; token lifetime; throttling (see auth-config.ts). */
  readonly auth?: AuthConfigInput;
  /** Supplier onboarding: the ERP that creates vendors, timeouts, re-screening, exclusion list files. */
  readonly supplierOnboarding?: OnboardingOptionsInput;
  /** Requisition to PO: approval thresholds and owners, SLA, fiscal year, which partner takes which supplier's POs. */
  readonly requisitionToPo?: RequisitionOptionsInput;
  /** Contract price activation: decision lead time, fiscal calendar, default time zone (docs/workflows/contract-price-activation.md). */
  readonly priceActivation?: PriceActivationOptionsInput;
  /** Invoice exceptions: escalation chains, the ERP decisions are written back to, receipt senders. */
  readonly invoiceExceptions?: InvoiceExceptionOptionsInput;
  /** Reconciliation run by the hub's workers: the systems, healing, and a schedule (docs/reconciliation.md). */
  readonly reconcile?: ReconcileConfigInput;
  /** The operational dashboard: each business process's SLA (docs/dashboard.md). */
  readonly dashboard?: DashboardConfigInput;
}

export interface HubConfig {
  readonly storeUrl: string;
  readonly host: string;
  readonly port: number;
  readonly targets: readonly TargetConfig[];
  readonly retry: RetryPolicy;
  readonly dispatcher: {
    readonly concurrency: number;
    readonly leaseMs: number;
    readonly deliveryTimeoutMs: number;
    readonly pollIntervalMs: number;
    /** Per target and per process: stop sending to a target that keeps failing, probe it after a cool-down. */
    readonly circuit: CircuitOptions;
    /** Share of claimed deliveries kept for non-urgent work while urgent work waits (0–1). */
    readonly routineShare: number;
  };
  readonly ownership: OwnershipConfig;
  readonly intake: {
    /** Deliveries waiting (pending or in flight) above which inbound work is refused with 503. */
    readonly maxBacklog: number;
    /** The Retry-After given with that refusal. */
    readonly retryAfterSeconds: number;
    /** How often the backlog is counted. */
    readonly backlogCheckMs: number;
  };
  readonly bodyLimitBytes: number;
  readonly logger: boolean;
  readonly logging: ObservabilityConfig["logging"];
  readonly tracing: ObservabilityConfig["tracing"];
  readonly metrics: ObservabilityConfig["metrics"];
  readonly workerId: string;
  readonly partners: PartnersConfig;
  readonly bus: BusConfig | undefined;
  readonly roles: { readonly api: boolean; readonly worker: boolean };
  readonly encryption: EncryptionConfig;
  readonly auth: AuthConfig;
  readonly supplierOnboarding: OnboardingOptions;
  readonly requisitionToPo: RequisitionOptions;
  readonly priceActivation: PriceActivationOptions;
  readonly invoiceExceptions: InvoiceExceptionOptions;
  readonly reconcile: ReconcileConfig | undefined;
  readonly dashboard: DashboardConfig;
}

/** Targets that take canonical ids (sinks keyed on Concord's ids) need no cross-references. */
export const USES_LOCAL_IDS: Readonly<Record<ConnectorKind, boolean>> = {
  "procurement-catalog": true,
  "erp-purchasing": true,
  "analytics-sink": false,
  webhook: false,
  "x12-price-authorization": true,
  "cxml-order-request": false,
  "nats-bus": false,
};

/** Sinks answer "accepted" (delivered) and never confirm applying (acknowledged). */
const ACKNOWLEDGES: Readonly<Record<ConnectorKind, boolean>> = {
  "procurement-catalog": true,
  "erp-purchasing": true,
  "analytics-sink": false,
  webhook: false,
  "x12-price-authorization": true,
  "cxml-order-request": true,
  "nats-bus": false,
};

/** Validates once and fills every default; nothing below the server reads the environment. */
export function compileHubConfig(input: HubConfigInput = {}): HubConfig {
  const { circuit: circuitInput, routineShare: shareInput, ...timings } = input.dispatcher ?? {};
  const dispatcherTimings = {
    // Enough slots for the intake to hand a full batch's fresh deliveries (16 messages × a few
    // targets) to the dispatcher on append: with 32, a busy intake's deliveries all went through
    // the claim query instead, and delivery at concurrency 50 fell by a third (docs/benchmarks.md).
    concurrency: 160,
    leaseMs: 60_000,
    deliveryTimeoutMs: 15_000,
    pollIntervalMs: 1_000,
    ...stripUndefined(timings),
  };
  if (dispatcherTimings.leaseMs <= dispatcherTimings.deliveryTimeoutMs) {
    throw Errors.ConfigInvalid(
      `dispatcher.leaseMs (${dispatcherTimings.leaseMs}) must exceed deliveryTimeoutMs (${dispatcherTimings.deliveryTimeoutMs}): a live delivery must never look abandoned`,
    );
  }
  for (const [name, value] of Object.entries(dispatcherTimings)) {
    if (!Number.isInteger(value) || value < 1) {
      throw Errors.ConfigInvalid(`dispatcher.${name} must be a whole number of at least 1 (got ${String(value)})`);
    }
  }
  const circuit: CircuitOptions = { ...DEFAULT_CIRCUIT_OPTIONS, ...stripUndefined(circuitInput ?? {}) };
  for (const [name, value] of Object.entries(circuit)) {
    if (!Number.isInteger(value) || value < 1) {
      throw Errors.ConfigInvalid(
        `dispatcher.circuit.${name} must be a whole number of at least 1 (got ${String(value)})`,
      );
    }
  }
  if (circuit.maxOpenMs < circuit.openMs) {
    throw Errors.ConfigInvalid(
      `dispatcher.circuit.maxOpenMs (${circuit.maxOpenMs}) must be at least openMs (${circuit.openMs})`,
    );
  }
  const routineShare = shareInput ?? DEFAULT_ROUTINE_SHARE;
  if (typeof routineShare !== "number" || !(routineShare >= 0 && routineShare <= 1)) {
    throw Errors.ConfigInvalid(`dispatcher.routineShare must be a number from 0 to 1 (got ${String(routineShare)})`);
  }
  const dispatcher = { ...dispatcherTimings, circuit, routineShare };
  const roles = { api: input.roles?.api ?? true, worker: input.roles?.worker ?? true };
  const intake = {
    // A process that delivers its own intake: about two rounds of its dispatcher's work due now,
    // enough to keep it busy and small enough that fresh deliveries rarely queue behind older
    // versions (measured at concurrency 50 on the embedded store: 27% more delivered and a quarter
    // of the latency of 1,500). An api process feeds however many workers there are: 1,500.
    maxBacklog: roles.api && roles.worker ? 2 * dispatcherTimings.concurrency : 1_500,
    retryAfterSeconds: 2,
    backlogCheckMs: 250,
    ...stripUndefined(input.intake ?? {}),
  };
  for (const [name, value] of Object.entries(intake)) {
    if (!Number.isInteger(value) || value < 1) {
      throw Errors.ConfigInvalid(`intake.${name} must be a whole number of at least 1 (got ${String(value)})`);
    }
  }
  if (!roles.api && !roles.worker) throw Errors.ConfigInvalid("roles: a process must be an api, a worker, or both");
  const storeUrl = input.storeUrl ?? "pglite:./data";
  if (!(roles.api && roles.worker) && !/^postgres(ql)?:\/\//.test(storeUrl)) {
    // An embedded store belongs to one process: api and worker processes need a shared server.
    throw Errors.ConfigInvalid(`roles: separate api and worker processes need a PostgreSQL store, not ${storeUrl}`);
  }
  const partners = compilePartners(input.partners ?? [], input.x12Identity);
  const bus = compileBusConfig(input.bus);
  // Publishing on the bus is a delivery target like any other, so it gets retries, dead letters and replay.
  const busTarget: NonNullable<HubConfigInput["targets"]> = bus?.publishSystem
    ? [{ system: bus.publishSystem, kind: "nats-bus", required: false, events: bus.publish?.events ?? ["*"] }]
    : [];
  const targets = [...(input.targets ?? []), ...busTarget].map((t) => {
    if (HTTP_KINDS.has(t.kind)) {
      try {
        new URL(t.baseUrl ?? "");
      } catch {
        throw Errors.ConfigInvalid(`target ${t.system}: baseUrl "${t.baseUrl ?? ""}" is not a URL`);
      }
      if (t.kind === "cxml-order-request" && !partners.cxml.partners.some((p) => p.system === t.system))
        throw Errors.ConfigInvalid(
          `target ${t.system}: a cxml-order-request target must be a partner with cxml settings (partners[].system = "${t.system}")`,
        );
    } else if (t.kind === "nats-bus") {
      if (!bus?.publish) throw Errors.ConfigInvalid(`target ${t.system}: nats-bus targets come from bus.publish`);
    } else if (
      !x12PartnerOf(partners, t.system) ||
      !(partners.fileDrops.has(t.system) || partners.sftp.has(t.system))
    ) {
      throw Errors.ConfigInvalid(
        `target ${t.system}: a ${t.kind} target must be a partner with x12 settings and a fileDrop or sftp transport (partners[].system = "${t.system}")`,
      );
    }
    const target = {
      required: ACKNOWLEDGES[t.kind],
      connections: 16,
      events: [CONTRACT_VERSION_EVENT],
      awaitAckMs: 3_600_000,
      baseUrl: undefined,
      ...stripUndefined(t),
    } as TargetConfig;
    if (!Number.isInteger(target.awaitAckMs) || target.awaitAckMs < 1) {
      throw Errors.ConfigInvalid(`target ${t.system}: awaitAckMs must be a whole number of milliseconds ≥ 1`);
    }
    if (target.events.length === 0 || target.events.some((e) => !/^(\*|[a-z][a-z0-9.-]*)$/.test(e))) {
      throw Errors.ConfigInvalid(
        `target ${t.system}: events must be event types (e.g. "${CONTRACT_VERSION_EVENT}") or "*"`,
      );
    }
    if (target.required && !ACKNOWLEDGES[target.kind]) {
      // The price gate waits for acknowledgments; a target that never gives one would hold every price back.
      throw Errors.ConfigInvalid(`target ${t.system}: a ${t.kind} target never acknowledges, so it cannot be required`);
    }
    if (!Number.isInteger(target.connections) || target.connections < 1) {
      throw Errors.ConfigInvalid(`target ${t.system}: connections must be a whole number of at least 1`);
    }
    return target;
  });
  const names = new Set<string>();
  for (const t of targets) {
    if (names.has(t.system)) throw Errors.ConfigInvalid(`target ${t.system} is configured twice`);
    names.add(t.system);
  }
  return {
    storeUrl,
    host: input.host ?? "127.0.0.1",
    port: input.port ?? 8080,
    targets,
    retry: compileRetryPolicy(input.retry),
    dispatcher,
    ownership: input.ownership ?? DEFAULT_OWNERSHIP,
    intake,
    bodyLimitBytes: input.bodyLimitBytes ?? 8 * 1024 * 1024,
    logger: input.logger ?? false,
    ...compileObservabilityConfig({
      logging: { level: input.logging?.level ?? (input.logger ? "info" : undefined) },
      ...(input.tracing ? { tracing: input.tracing } : {}),
      ...(input.metrics ? { metrics: input.metrics } : {}),
    }),
    workerId: input.workerId ?? `worker-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    partners,
    bus,
    roles,
    encryption: compileEncryptionConfig(input.encryption, storeUrl),
    auth: compileAuthConfig(input.auth),
    // Vendors are created by the ERP that takes purchasing documents, unless configured otherwise.
    invoiceExceptions: compileInvoiceExceptionOptions(
      input.invoiceExceptions,
      targets.find((t) => t.kind === "erp-purchasing")?.system ?? null,
      targets.map((t) => t.system),
    ),
    supplierOnboarding: compileOnboardingOptions(
      input.supplierOnboarding,
      targets.find((t) => t.kind === "erp-purchasing")?.system ?? "erp",
    ),
    priceActivation: compilePriceActivationOptions(input.priceActivation),
    requisitionToPo: compileRequisitionOptions(
      input.requisitionToPo,
      (input.partners ?? []).map((p) => ({
        system: p.system,
        x12: p.x12 !== undefined,
        cxml: p.cxml !== undefined,
        target: targets.find((t) => t.system === p.system)?.kind,
      })),
    ),
    reconcile: compileReconcileConfig(input.reconcile),
    dashboard: compileDashboardConfig(input.dashboard),
  };
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
