import { randomUUID } from "node:crypto";
import { ConcordError, Errors } from "../../errors/index.js";
import { appendEvent } from "../../events/index.js";
import {
  CONTRACT_VERSION_EVENT,
  type Contract,
  type ContractVersionEvent,
  contractBusinessKey,
  type EntityType,
  validateEntity,
} from "../../model/index.js";
import { checkOwnership } from "../../policy/index.js";
import {
  canonicalToLocal,
  findInbound,
  getContractVersion,
  insertContractVersion,
  lockContract,
  type Queryable,
  raiseException,
  recordInbound,
  recordViolation,
  type Store,
} from "../../store/index.js";
import type { ContractIntakeConfig } from "./intake-config.js";

export interface InboundEnvelope {
  readonly system: string;
  readonly messageType: string;
  readonly messageId: string;
  readonly contentType: string;
  readonly rawBody: string;
  readonly correlationId?: string;
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

/**
 * Accepts one contract version from a source system: ownership, schema and business rules,
 * cross-references for every target; then, in ONE transaction, the inbound record, the version,
 * the outbox event and its deliveries. A version not newer than the current one is parked (kept,
 * never propagated). Failures are recorded (raw message, exception or policy violation) and thrown.
 */
export async function acceptContractVersion(
  store: Store,
  config: ContractIntakeConfig,
  envelope: InboundEnvelope,
  candidate: Omit<Contract, "id"> & { id?: string },
): Promise<AcceptedVersion> {
  const correlationId = envelope.correlationId ?? randomUUID();
  try {
    return await store.transaction(async (tx) => {
      const id = candidate.id ?? (await contractIdFor(tx, envelope.system, candidate.number));
      const contract = checked({ ...candidate, id } as Contract);
      const locked = await lockContract(tx, contract);
      const current = locked.currentVersion > 0 ? await getContractVersion(tx, locked.id) : undefined;
      const verdict = checkOwnership(config.ownership, envelope.system, "contract", current, contract);
      if (!verdict.allowed) {
        throw Errors.OwnershipViolation(
          `${envelope.system} may not change contract ${contract.number}: ${verdict.denied
            .map((d) => `${d.group} is owned by ${d.owner}`)
            .join("; ")}`,
          { contractId: contract.id, system: envelope.system, denied: verdict.denied },
        );
      }
      const stale = contract.version <= locked.currentVersion;
      if (!stale) {
        const xrefs = await resolveTargets(tx, config, contract);
        await insertContractVersion(tx, {
          contract,
          status: config.targets.some((t) => t.required) ? "propagating" : "released",
          sourceSystem: envelope.system,
          correlationId,
        });
        const payload: ContractVersionEvent = { contract, xrefs };
        await appendEvent(
          tx,
          {
            type: CONTRACT_VERSION_EVENT,
            businessKey: contractBusinessKey(contract.id),
            keyVersion: contract.version,
            payload,
            correlationId,
          },
          config.targets.map((t) => ({ target: t.system, required: t.required })),
        );
      } else {
        await insertContractVersion(tx, {
          contract,
          status: "parked",
          sourceSystem: envelope.system,
          correlationId,
        });
      }
      const result: AcceptedVersion = {
        status: stale ? "parked" : "accepted",
        contractId: contract.id,
        contractNumber: contract.number,
        version: contract.version,
        correlationId,
        ...(stale
          ? {
              reason: `version ${contract.version} is not newer than current version ${locked.currentVersion}`,
            }
          : {}),
      };
      const fresh = await recordInbound(tx, {
        ...inbound(envelope, correlationId),
        status: result.status,
        outcome: { ...result },
      });
      // The same message raced in through another request: roll this one back, answer as a duplicate.
      if (!fresh) throw new DuplicateMessage();
      return result;
    });
  } catch (e) {
    if (e instanceof DuplicateMessage) return (await previousOutcome(store, envelope))!;
    if (e instanceof ConcordError) await recordRejection(store, envelope, correlationId, candidate, e);
    throw e;
  }
}

class DuplicateMessage extends Error {}

/**
 * The answer given the first time this message id was received, so a sender's retry is answered
 * the same way (accepted and parked replay their result; a rejection is thrown again).
 */
export async function previousOutcome(store: Store, envelope: InboundEnvelope): Promise<AcceptedVersion | undefined> {
  const seen = await findInbound(store, envelope.system, envelope.messageId);
  if (!seen) return undefined;
  if (seen.status === "rejected") {
    const code = String(seen.outcome.code);
    const def = Object.values(Errors).find((f) => f.code === code) ?? Errors.InputSchema;
    throw def(String(seen.outcome.detail ?? "rejected earlier"), { ...seen.outcome, duplicate: true });
  }
  return { ...(seen.outcome as unknown as AcceptedVersion), duplicate: true };
}

function checked(contract: Contract): Contract {
  const result = validateEntity("contract", contract);
  if (!result.ok) {
    const schemaOnly = result.issues.every((i) => i.rule === "schema");
    throw (schemaOnly ? Errors.InputSchema : Errors.ContractRules)(
      `contract ${contract.number} v${contract.version} is invalid: ${result.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
      { issues: result.issues },
    );
  }
  return contract;
}

async function contractIdFor(tx: Queryable, system: string, number: string): Promise<string> {
  const [row] = await tx.query<{ canonical_id: string }>(
    "SELECT canonical_id FROM xrefs WHERE system = $1 AND entity_type = 'contract' AND local_id = $2",
    [system, number],
  );
  if (row) return row.canonical_id;
  const existing = await tx.query<{ id: string }>("SELECT id FROM contracts WHERE number = $1", [number]);
  const id = existing[0]?.id ?? `ctr-${number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  await tx.query(
    "INSERT INTO xrefs (system, entity_type, local_id, canonical_id) VALUES ($1, 'contract', $2, $3) ON CONFLICT DO NOTHING",
    [system, number, id],
  );
  return id;
}

/** Cross-references for every target that uses local ids; a missing one stops the version here. */
async function resolveTargets(tx: Queryable, config: ContractIntakeConfig, c: Contract) {
  const refs: { entityType: EntityType; id: string }[] = [
    { entityType: "supplier", id: c.supplierId },
    ...c.priceLines.map((l) => ({ entityType: "item" as const, id: l.itemId })),
    ...c.eligibility.map((e) => ({ entityType: "facility" as const, id: e.facilityId })),
  ];
  const systems = config.targets.filter((t) => t.usesLocalIds).map((t) => t.system);
  const xrefs = await canonicalToLocal(tx, systems, refs);
  const missing = systems.flatMap((system) =>
    uniqueRefs(refs)
      .filter((r) => xrefs[system]?.[r.entityType]?.[r.id] === undefined)
      .map((r) => ({ system, entityType: r.entityType, id: r.id })),
  );
  if (missing.length > 0) {
    throw Errors.ReferenceUnknown(
      `contract ${c.number} v${c.version} cannot propagate: ${missing
        .slice(0, 10)
        .map((m) => `${m.entityType} ${m.id} is not mapped in ${m.system}`)
        .join("; ")}${missing.length > 10 ? ` (and ${missing.length - 10} more)` : ""}`,
      { rule: "contract.references-mapped-in-every-target", unmapped: missing },
    );
  }
  return xrefs;
}

function uniqueRefs<T extends { entityType: string; id: string }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.entityType}:${r.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function inbound(envelope: InboundEnvelope, correlationId: string) {
  return {
    system: envelope.system,
    messageType: envelope.messageType,
    messageId: envelope.messageId,
    correlationId,
    contentType: envelope.contentType,
    body: envelope.rawBody,
  };
}

/**
 * A rejected message is still kept (raw) with why, and raises what a person must act on: an
 * exception for data problems, a policy violation for ownership. Written in its own transaction
 * because the acceptance transaction rolled back.
 */
export async function recordRejection(
  store: Store,
  envelope: InboundEnvelope,
  correlationId: string,
  candidate: { number?: string; version?: number } | undefined,
  e: ConcordError,
): Promise<void> {
  const subjectId = candidate?.number ?? envelope.messageId;
  await store.transaction(async (tx) => {
    const fresh = await recordInbound(tx, {
      ...inbound(envelope, correlationId),
      status: "rejected",
      outcome: { code: e.code, detail: e.message, ...e.extras },
    });
    if (!fresh) return;
    if (Errors.OwnershipViolation.code === e.code) {
      await recordViolation(tx, {
        rule: "ownership.system-of-record",
        system: envelope.system,
        entityType: "contract",
        entityId: String(e.extras.contractId ?? subjectId),
        fieldGroups: ((e.extras.denied as { group: string }[] | undefined) ?? []).map((d) => d.group),
        message: e.message,
        correlationId,
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
        details: { version: candidate?.version, ...e.extras },
        correlationId,
      });
    }
  });
}
