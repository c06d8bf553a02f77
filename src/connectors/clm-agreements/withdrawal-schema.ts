import { type Static, Type } from "@sinclair/typebox";

/** The CLM's "amendment withdrawn" webhook: the amendment no longer stands, its predecessor's terms do. */
export const ClmWithdrawalEventSchema = Type.Object({
  eventId: Type.String({ minLength: 1, maxLength: 100 }),
  eventType: Type.Literal("agreement.amendment.withdrawn"),
  occurredAt: Type.String({ minLength: 10, maxLength: 40 }),
  agreement: Type.Object({
    agreementNo: Type.String({ minLength: 1, maxLength: 40 }),
    amendmentNo: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});

export type ClmWithdrawalEvent = Static<typeof ClmWithdrawalEventSchema>;
