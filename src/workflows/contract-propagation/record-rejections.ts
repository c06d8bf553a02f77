import { type ConcordError, Errors } from "../../errors/index.js";
import { type Queryable, raiseException, recordViolation } from "../../store/index.js";
import type { InboundEnvelope } from "./intake-item.js";

/**
 * What a person must act on for each rejected message: a policy violation for an ownership
 * breach, an exception for data a person can fix (unknown or unmapped references, broken rules).
 * Plain schema errors are the sender's to fix and are answered, not raised.
 */
export async function recordRejections(
  tx: Queryable,
  rejected: readonly {
    envelope: InboundEnvelope;
    error: ConcordError;
    subject: { number?: string; version?: number } | undefined;
  }[],
): Promise<void> {
  for (const { envelope, error: e, subject } of rejected) {
    const subjectId = subject?.number ?? envelope.messageId;
    if (e.code === Errors.OwnershipViolation.code) {
      await recordViolation(tx, {
        rule: "ownership.system-of-record",
        system: envelope.system,
        entityType: "contract",
        entityId: String(e.extras.contractId ?? subjectId),
        fieldGroups: ((e.extras.denied as { group: string }[] | undefined) ?? []).map((d) => d.group),
        message: e.message,
        correlationId: envelope.correlationId,
      });
    } else if (e.status === 422) {
      await raiseException(tx, {
        code: e.code,
        rule: String(e.extras.rule ?? "contract.business-rules"),
        urgency: "financial",
        subjectType: "contract",
        subjectId,
        system: envelope.system,
        message: e.message,
        details: { version: subject?.version, ...e.extras },
        correlationId: envelope.correlationId,
      });
    }
  }
}
