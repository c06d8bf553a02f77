import { randomUUID } from "node:crypto";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { ClmWithdrawalEventSchema } from "../../connectors/index.js";
import { Errors } from "../../errors/index.js";
import type { Contract } from "../../model/index.js";
import { findInbound, type Store } from "../../store/index.js";
import type { ContractIntake } from "./contract-intake.js";
import type { AcceptedVersion, InboundEnvelope } from "./intake-item.js";
import { previousOutcome } from "./previous-outcome.js";

const checkWithdrawal = TypeCompiler.Compile(ClmWithdrawalEventSchema);

/**
 * The CLM withdrew an amendment: the compensation is a new version carrying the previous
 * version's terms, accepted through the same intake (so it reaches every target through the
 * outbox, after the withdrawn version, by version order) and marked as the withdrawn version's
 * compensation; the price activation withdraws that version in the same transaction. The raw
 * event is the compensation's inbound message, so a retried event gets the first answer.
 */
export async function withdrawClmAmendment(
  store: Store,
  intake: ContractIntake,
  envelope: Omit<InboundEnvelope, "messageId" | "messageType" | "correlationId"> & { correlationId?: string },
  body: unknown,
): Promise<AcceptedVersion> {
  if (!checkWithdrawal.Check(body)) {
    const issues = [...checkWithdrawal.Errors(body)].slice(0, 20).map((e) => ({ path: e.path, message: e.message }));
    throw Errors.InputSchema(
      `CLM withdrawal event is invalid: ${issues.map((i) => `${i.path || "/"} ${i.message}`).join("; ")}`,
      { issues },
    );
  }
  const full: InboundEnvelope = {
    ...envelope,
    messageType: "clm.agreement.amendment-withdrawn",
    messageId: body.eventId,
    correlationId: envelope.correlationId ?? randomUUID(),
  };
  if (await findInbound(store, full.system, full.messageId)) {
    const first = await previousOutcome(store, full);
    if (first instanceof Error) throw first;
    return first;
  }
  const { agreementNo, amendmentNo } = body.agreement;
  const [row] = await store.query<{ id: string; current_version: number }>(
    `SELECT c.id, c.current_version FROM contracts c
     WHERE c.id = (SELECT canonical_id FROM xrefs WHERE system = $1 AND entity_type = 'contract' AND local_id = $2)
        OR c.number = $2 ORDER BY c.id LIMIT 1`,
    [full.system, agreementNo],
  );
  if (!row) throw Errors.NotFound(`no contract for agreement ${agreementNo}`, { agreementNo });
  const conflict = (why: string) =>
    Errors.WithdrawalConflict(`agreement ${agreementNo} amendment ${amendmentNo} cannot be withdrawn: ${why}`, {
      currentVersion: row.current_version,
      version: amendmentNo,
    });
  if (row.current_version !== amendmentNo) throw conflict(`the current version is ${row.current_version}`);
  // The terms to return to: the newest earlier version that was accepted and not itself withdrawn.
  const [previous] = await store.query<{ body: Contract }>(
    `SELECT v.body FROM contract_versions v
     WHERE v.contract_id = $1 AND v.version < $2 AND v.status <> 'parked'
       AND NOT EXISTS (SELECT 1 FROM price_activation_plans p
         WHERE p.contract_id = v.contract_id AND p.version = v.version AND p.status = 'withdrawn')
     ORDER BY v.version DESC LIMIT 1`,
    [row.id, amendmentNo],
  );
  if (!previous) throw conflict("there is no earlier version to return to");
  const compensation: Contract = { ...previous.body, version: amendmentNo + 1 };
  const outcome = await intake.submit({
    envelope: full,
    subject: { number: compensation.number, version: compensation.version },
    compensationOf: { version: amendmentNo, reason: body.reason },
    build: () => compensation,
  });
  // Another amendment arrived between the read and the intake: the compensation was parked.
  if (outcome.status === "parked") throw conflict(outcome.reason ?? "a newer amendment arrived meanwhile");
  return outcome;
}
