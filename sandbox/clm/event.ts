import type { ClmAgreement } from "./types.js";

export type ClmEventType = "agreement.amended" | "agreement.amendment.withdrawn";

export interface ClmAgreementEvent {
  eventId: string;
  eventType: "agreement.amended";
  occurredAt: string;
  agreement: ClmAgreement;
}

/** The CLM withdrew an amendment: the agreement's terms go back to the amendment before it. */
export interface ClmWithdrawalEvent {
  eventId: string;
  eventType: "agreement.amendment.withdrawn";
  occurredAt: string;
  agreement: { agreementNo: string; amendmentNo: number };
  reason: string;
}

/** Every event the CLM's webhook sends. */
export type ClmEvent = ClmAgreementEvent | ClmWithdrawalEvent;

/** The webhook body for a withdrawn amendment (pure, so hub tests can build one directly). */
export function withdrawalEvent(
  agreementNo: string,
  amendmentNo: number,
  reason: string,
  eventId: string,
  occurredAt: string,
): ClmWithdrawalEvent {
  return {
    eventId,
    eventType: "agreement.amendment.withdrawn",
    occurredAt,
    agreement: { agreementNo, amendmentNo },
    reason,
  };
}

/** The webhook body the CLM posts for an agreement snapshot (pure, so hub tests can build one directly). */
export function agreementEvent(agreement: ClmAgreement, eventId: string, occurredAt: string): ClmAgreementEvent {
  return { eventId, eventType: "agreement.amended", occurredAt, agreement: structuredClone(agreement) };
}

export const WEBHOOK_PATH = "/v1/inbound/clm/agreement-events";
export const EVENT_ID_HEADER = "X-CLM-Event-Id";
