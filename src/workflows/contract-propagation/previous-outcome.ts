import { Errors } from "../../errors/index.js";
import { findInbound, type Queryable } from "../../store/index.js";
import type { AcceptedVersion, InboundEnvelope, IntakeOutcome } from "./intake-item.js";

/**
 * The answer given the first time this message id was received, so a sender's retry is answered
 * the same way: an acceptance or parking with `duplicate: true`, a rejection as the same error.
 */
export async function previousOutcome(q: Queryable, envelope: InboundEnvelope): Promise<IntakeOutcome> {
  const seen = await findInbound(q, envelope.system, envelope.messageId);
  if (!seen)
    throw Errors.Internal(`message ${envelope.messageId} from ${envelope.system} vanished while being answered`);
  if (seen.status === "rejected") {
    const code = String(seen.outcome.code);
    const def = Object.values(Errors).find((f) => f.code === code) ?? Errors.InputSchema;
    return def(String(seen.outcome.detail ?? "rejected earlier"), { ...seen.outcome, duplicate: true });
  }
  return { ...(seen.outcome as unknown as AcceptedVersion), duplicate: true };
}
