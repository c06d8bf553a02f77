import { randomUUID } from "node:crypto";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { ClmAgreementEventSchema, clmAgreementMapping } from "../../connectors/index.js";
import { Errors } from "../../errors/index.js";
import type { Contract } from "../../model/index.js";
import type { InboundEnvelope, IntakeItem } from "./intake-item.js";

const checkEvent = TypeCompiler.Compile(ClmAgreementEventSchema);

/**
 * The CLM's "agreement amended" webhook as an intake item: the native document is validated here;
 * the CLM's ids are translated through the cross-reference table when the batch runs, and an
 * unknown supplier, item or site stops the version with an exception that names each one.
 */
export function clmAgreementItem(
  envelope: Omit<InboundEnvelope, "messageId" | "messageType" | "correlationId"> & {
    messageId?: string;
    correlationId?: string;
  },
  body: unknown,
): IntakeItem {
  const eventId = envelope.messageId ?? (body as { eventId?: unknown } | null)?.eventId;
  const full: InboundEnvelope = {
    ...envelope,
    messageType: "clm.agreement.amended",
    messageId: typeof eventId === "string" && eventId.length > 0 ? eventId : `unidentified:${randomUUID()}`,
    correlationId: envelope.correlationId ?? randomUUID(),
  };
  if (!checkEvent.Check(body)) {
    const issues = [...checkEvent.Errors(body)].slice(0, 20).map((e) => ({ path: e.path, message: e.message }));
    const error = Errors.InputSchema(
      `CLM agreement event is invalid: ${issues.map((i) => `${i.path || "/"} ${i.message}`).join("; ")}`,
      { issues },
    );
    return { envelope: full, build: () => error };
  }
  const subject = { number: body.agreement.agreementNo, version: body.agreement.amendmentNo };
  return {
    envelope: full,
    subject,
    sourceRefs: clmAgreementMapping.refs(body),
    build(table) {
      const { value, issues } = clmAgreementMapping.map(body, (type, id) => table[type]?.[id]);
      const unknown = issues.filter((i) => i.rule === "xref");
      if (unknown.length > 0) {
        return Errors.ReferenceUnknown(
          `agreement ${subject.number} amendment ${subject.version} references records Concord does not know: ${unknown
            .map((i) => `${i.entityType} "${i.id}" at ${i.path}`)
            .join("; ")}`,
          { rule: "contract.references-known", unknown },
        );
      }
      if (issues.length > 0) {
        return Errors.ContractRules(
          `agreement ${subject.number} amendment ${subject.version} has invalid codes: ${issues
            .map((i) => `${i.path} ${i.message}`)
            .join("; ")}`,
          { rule: "contract.codes-known", issues },
        );
      }
      return value as unknown as Contract;
    },
  };
}

/** A canonical contract version sent through the API by a system acting for itself. */
export function canonicalContractItem(envelope: InboundEnvelope, candidate: Contract): IntakeItem {
  return { envelope, subject: { number: candidate.number, version: candidate.version }, build: () => candidate };
}
