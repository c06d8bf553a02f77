import type { FhirReadPort } from "../connectors/fhir/index.js";
import type { CircuitStatus } from "../events/index.js";
import type { HubTelemetry } from "../observability/index.js";
import type { ReconcileConfig } from "../reconcile/index.js";
import type { FieldCipher } from "../security/index.js";
import type { AuthConfig } from "../server/auth-config.js";
import type { Store } from "../store/index.js";
import type { ContractIntake } from "../workflows/contract-propagation/index.js";
import type { InvoiceExceptionDeps } from "../workflows/invoice-match/invoice-exception-deps.js";
import type { MasterWrite } from "../workflows/master-data/index.js";
import type { CxmlIntakeDeps, X12IntakeDeps } from "../workflows/partner-documents/index.js";
import type { PriceActivationDeps } from "../workflows/price-activation/index.js";
import type { RequisitionDeps } from "../workflows/requisition-to-po/index.js";
import type { OnboardingDeps } from "../workflows/supplier-onboarding/index.js";
import type { ThrottleCounters } from "./auth/throttle-counters.js";
import type { TokenService } from "./auth/token-service.js";

/** What the API needs from the composition root; built once in src/server. */
export interface ApiDeps {
  readonly store: Store;
  /** Decrypts supplier tax ids and bank accounts for callers with `pii:read`. */
  readonly cipher: FieldCipher;
  /** Registered clients and their grants; every route but the public ones needs one of them. */
  readonly auth: AuthConfig;
  /** Requests per client per minute (shared by the api processes on PostgreSQL). */
  readonly throttle: ThrottleCounters;
  /** Issues and verifies OAuth2 access tokens (keys shared through the store). */
  readonly tokens: TokenService;
  /** Accepts contract versions; wakes the dispatcher itself when it accepted one. */
  readonly intake: ContractIntake;
  /** Called after a transaction that wrote outbox events commits. */
  readonly onOutboxWrite: () => void;
  /** Readiness: false while starting or draining. */
  readonly isReady: () => boolean;
  /** The enterprise bus's connection state, when there is a bus: readiness reflects it. */
  readonly brokerUp?: () => boolean;
  /** Supplier and item writes by their systems of record. */
  readonly masterData: MasterWrite;
  /** The supplier onboarding workflow (its API starts onboardings, records approvals and vendor numbers). */
  readonly supplierOnboarding: OnboardingDeps;
  /** The requisition-to-PO workflow (its API takes requisitions and approval decisions). */
  readonly requisitions?: RequisitionDeps;
  /** Contract price activation (decisions, the fiscal calendar, the facility's day for prices). */
  readonly priceActivation?: PriceActivationDeps;
  /** Invoice exceptions (resolution, escalation, write-back) and who may send goods receipts. */
  readonly invoiceExceptions?: InvoiceExceptionDeps & { readonly receiptSystems: readonly string[] };
  /** Trading partners' inbound documents (EDI X12, cXML). */
  readonly partners: { readonly x12: X12IntakeDeps; readonly cxml: CxmlIntakeDeps };
  /** What the FHIR R4 facade reads (canonical master data). */
  readonly fhir: FhirReadPort;
  /** Configured targets and, in a process that delivers, their circuits (GET /v1/targets). */
  readonly targets?: () => readonly { readonly target: string; readonly circuit: CircuitStatus | undefined }[];
  /** Logs, metrics and traces of this process (GET /metrics, request spans, correlation ids). */
  readonly telemetry?: HubTelemetry;
  /** Reconciliation from the hub, when `reconcile` is configured: runs are requested here, run by workers. */
  readonly reconcile?: { readonly config: ReconcileConfig; readonly onRequested: () => void };
  /** Each business process's SLA, as configured (GET /v1/dashboard/processes). */
  readonly processSlaMs: Readonly<Record<string, number>>;
  /** Back-pressure: when set, inbound work is refused with 503 and this many seconds to wait. */
  readonly overloaded: () => { readonly retryAfterSeconds: number; readonly backlog: number } | undefined;
}
