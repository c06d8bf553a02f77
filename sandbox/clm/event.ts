import type { ClmAgreement } from "./types.js";

export type ClmEventType = "agreement.amended";

export interface ClmAgreementEvent {
  eventId: string;
  eventType: ClmEventType;
  occurredAt: string;
  agreement: ClmAgreement;
}

/** The webhook body the CLM posts for an agreement snapshot (pure, so hub tests can build one directly). */
export function agreementEvent(agreement: ClmAgreement, eventId: string, occurredAt: string): ClmAgreementEvent {
  return { eventId, eventType: "agreement.amended", occurredAt, agreement: structuredClone(agreement) };
}

export const WEBHOOK_PATH = "/v1/inbound/clm/agreement-events";
export const EVENT_ID_HEADER = "X-CLM-Event-Id";
