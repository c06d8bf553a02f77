import type { FhirReadPort } from "../connectors/fhir/index.js";
import type { CircuitStatus } from "../events/index.js";
import type { Store } from "../store/index.js";
import type { ContractIntake } from "../workflows/contract-propagation/index.js";
import type { MasterWrite } from "../workflows/master-data/index.js";
import type { CxmlIntakeDeps, X12IntakeDeps } from "../workflows/partner-documents/index.js";

/** What the API needs from the composition root; built once in src/server. */
export interface ApiDeps {
  readonly store: Store;
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
  /** Trading partners' inbound documents (EDI X12, cXML). */
  readonly partners: { readonly x12: X12IntakeDeps; readonly cxml: CxmlIntakeDeps };
  /** What the FHIR R4 facade reads (canonical master data). */
  readonly fhir: FhirReadPort;
  /** Configured targets and, in a process that delivers, their circuits (GET /v1/targets). */
  readonly targets?: () => readonly { readonly target: string; readonly circuit: CircuitStatus | undefined }[];
  /** Back-pressure: when set, inbound work is refused with 503 and this many seconds to wait. */
  readonly overloaded: () => { readonly retryAfterSeconds: number; readonly backlog: number } | undefined;
}
