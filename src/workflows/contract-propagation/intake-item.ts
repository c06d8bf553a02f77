import type { ConcordError } from "../../errors/index.js";
import type { Contract, XrefTable } from "../../model/index.js";
import type { Ref } from "../../store/index.js";

export interface InboundEnvelope {
  readonly system: string;
  readonly messageType: string;
  readonly messageId: string;
  readonly contentType: string;
  /** Exactly as received; kept whatever becomes of the message. */
  readonly rawBody: string;
  readonly correlationId: string;
  /** W3C trace context of the message's intake span, when tracing: stored with its events. */
  readonly traceparent?: string;
}

/** A contract version as a source sends it; its canonical id may still have to be found from its number. */
export type Candidate = Omit<Contract, "id"> & { readonly id?: string };

/**
 * One message for the contract intake. Native messages name records by the source system's own
 * ids: `sourceRefs` lists them so the whole batch resolves them in one query, and `build` turns the
 * message into a canonical candidate with them (or says why it cannot).
 */
export interface IntakeItem {
  readonly envelope: InboundEnvelope;
  readonly sourceRefs?: readonly Ref[];
  readonly build: (source: XrefTable) => Candidate | ConcordError;
  /** What the message is about, for the exception when build fails. */
  readonly subject?: { readonly number?: string; readonly version?: number };
  /** Set when the version undoes a withdrawn amendment: the withdrawn version and why. */
  readonly compensationOf?: { readonly version: number; readonly reason: string };
}

export interface AcceptedVersion {
  readonly status: "accepted" | "parked";
  readonly contractId: string;
  readonly contractNumber: string;
  readonly version: number;
  readonly correlationId: string;
  readonly reason?: string;
  /** True when this message id was received before and this is the earlier answer. */
  readonly duplicate?: boolean;
}

export type IntakeOutcome = AcceptedVersion | ConcordError;
