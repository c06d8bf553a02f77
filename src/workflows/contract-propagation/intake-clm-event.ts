import { TypeCompiler } from "@sinclair/typebox/compiler";
import { ClmAgreementEventSchema, clmAgreementMapping } from "../../connectors/index.js";
import { Errors } from "../../errors/index.js";
import type { Contract } from "../../model/index.js";
import { localToCanonical, type Store } from "../../store/index.js";
import {
  type AcceptedVersion,
  acceptContractVersion,
  type InboundEnvelope,
  previousOutcome,
  recordRejection,
} from "./accept-contract-version.js";
import type { ContractIntakeConfig } from "./intake-config.js";

const checkEvent = TypeCompiler.Compile(ClmAgreementEventSchema);

/**
 * The CLM's "agreement amended" webhook: validate the native document, translate the CLM's ids
 * through the cross-reference table, map to a canonical contract version and accept it.
 * Unknown suppliers, items or sites stop the version with an exception that names each one.
 */
export async function intakeClmAgreementEvent(
  store: Store,
  config: ContractIntakeConfig,
  envelope: Omit<InboundEnvelope, "messageId" | "messageType"> & { messageId?: string },
  body: unknown,
): Promise<AcceptedVersion> {
  const eventId = envelope.messageId ?? (body as { eventId?: unknown } | null)?.eventId;
  const full: InboundEnvelope = {
    ...envelope,
    messageType: "clm.agreement.amended",
    messageId: typeof eventId === "string" && eventId.length > 0 ? eventId : `unidentified:${crypto.randomUUID()}`,
  };
  const earlier = await previousOutcome(store, full);
  if (earlier) return earlier;
  const correlationId = full.correlationId ?? crypto.randomUUID();
  const reject = async (
    e: ReturnType<typeof Errors.InputSchema>,
    candidate?: { number?: string; version?: number },
  ) => {
    await recordRejection(store, full, correlationId, candidate, e);
    return e;
  };

  if (!checkEvent.Check(body)) {
    const issues = [...checkEvent.Errors(body)].slice(0, 20).map((e) => ({ path: e.path, message: e.message }));
    throw await reject(
      Errors.InputSchema(
        `CLM agreement event is invalid: ${issues.map((i) => `${i.path || "/"} ${i.message}`).join("; ")}`,
        { issues },
      ),
    );
  }
  const subject = { number: body.agreement.agreementNo, version: body.agreement.amendmentNo };
  const table = await localToCanonical(store, "clm", clmAgreementMapping.refs(body));
  const { value, issues } = clmAgreementMapping.map(body, (type, id) => table[type]?.[id]);
  const unknown = issues.filter((i) => i.rule === "xref");
  if (unknown.length > 0) {
    throw await reject(
      Errors.ReferenceUnknown(
        `agreement ${subject.number} amendment ${subject.version} references records Concord does not know: ${unknown
          .map((i) => `${i.entityType} "${i.id}" at ${i.path}`)
          .join("; ")}`,
        { rule: "contract.references-known", unknown },
      ),
      subject,
    );
  }
  if (issues.length > 0) {
    throw await reject(
      Errors.ContractRules(
        `agreement ${subject.number} amendment ${subject.version} has invalid codes: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
        { rule: "contract.codes-known", issues },
      ),
      subject,
    );
  }
  return acceptContractVersion(store, config, { ...full, correlationId }, value as unknown as Contract);
}
