import { appendAudit } from "../../audit/index.js";
import { ConcordError, Errors } from "../../errors/index.js";
import {
  appendAndClaimEvents,
  type ClaimedDelivery,
  type ClaimOnAppend,
  type LocalDispatch,
} from "../../events/index.js";
import {
  CONTRACT_VERSION_EVENT,
  type Contract,
  type ContractVersionEvent,
  contractBusinessKey,
  contractRefs,
  contractXrefs,
  type EntityType,
  validateEntity,
  type XrefTable,
} from "../../model/index.js";
import { checkOwnership } from "../../policy/index.js";
import {
  canonicalToLocal,
  claimInbound,
  currentBodies,
  inboundKey,
  insertContractVersions,
  localToCanonical,
  lockContracts,
  type NewContractVersion,
  type Queryable,
  type Store,
  settleInbound,
  upsertXrefs,
} from "../../store/index.js";
import type { ContractIntakeConfig } from "./intake-config.js";
import type { AcceptedVersion, IntakeItem, IntakeOutcome } from "./intake-item.js";
import { previousOutcome } from "./previous-outcome.js";
import { recordRejections } from "./record-rejections.js";

/** A batch's answers, one per message, and how many deliveries it wrote that no local dispatcher took. */
export interface IntakeBatch {
  readonly outcomes: IntakeOutcome[];
  readonly pending: number;
}

/**
 * Accepts a batch of contract versions in ONE transaction: every message is recorded raw; each is
 * checked (schema and business rules, ownership, cross-references for every target) and ends
 * accepted (version + outbox event + deliveries), parked (not newer than the current version: kept,
 * never propagated) or rejected (with an exception or a policy violation). One message's rejection
 * never affects another's outcome. Versions of one contract are decided in arrival order.
 * With a local dispatcher, the deliveries that may go out at once are claimed for it as they are
 * written and handed to it after the commit.
 */
export async function acceptContractVersions(
  store: Store,
  config: ContractIntakeConfig,
  items: readonly IntakeItem[],
  local?: LocalDispatch,
): Promise<IntakeBatch> {
  const reservation = local?.reserve(items.length * config.targets.length);
  let written: { results: (IntakeOutcome | undefined)[]; claimed: readonly ClaimedDelivery[]; pending: number };
  try {
    written = await store.transaction((tx) => decideAndWrite(tx, config, items, reservation));
  } catch (e) {
    if (local && reservation) local.adopt([], reservation);
    if (items.length === 1) throw e;
    // An unexpected failure (not a rejection) of the batch: try each alone so one poison
    // message cannot fail the others.
    const alone = await Promise.all(
      items.map((it) =>
        acceptContractVersions(store, config, [it], local).catch((x): IntakeBatch => ({ outcomes: [x], pending: 0 })),
      ),
    );
    return { outcomes: alone.flatMap((b) => b.outcomes), pending: alone.reduce((n, b) => n + b.pending, 0) };
  }
  if (local && reservation) local.adopt(written.claimed, reservation);
  const results = written.results;
  // Messages seen before answer as they were answered then (read after commit).
  for (const [i, r] of results.entries()) {
    if (r === undefined) results[i] = await previousOutcome(store, items[i]!.envelope);
  }
  return { outcomes: results as IntakeOutcome[], pending: written.pending };
}

async function decideAndWrite(
  tx: Queryable,
  config: ContractIntakeConfig,
  items: readonly IntakeItem[],
  claim: ClaimOnAppend | undefined,
): Promise<{ results: (IntakeOutcome | undefined)[]; claimed: readonly ClaimedDelivery[]; pending: number }> {
  const results: (IntakeOutcome | undefined)[] = new Array(items.length).fill(undefined);
  const live = await claimMessages(tx, items);
  const reject = (i: number, e: ConcordError) => {
    results[i] = e;
  };

  // Candidates: native ids translated, canonical id found or minted, schema and rules checked.
  const sourceTables = await resolveSourceRefs(tx, items, live);
  const candidates = new Map<number, Contract>();
  for (const i of live) {
    const built = items[i]!.build(sourceTables.get(items[i]!.envelope.system) ?? {});
    if (built instanceof ConcordError) reject(i, built);
    else candidates.set(i, built as Contract);
  }
  const minted = await assignContractIds(tx, items, candidates);
  for (const [i, c] of candidates) {
    const problem = validate(c);
    if (problem) {
      reject(i, problem);
      candidates.delete(i);
    }
  }

  // Decide in arrival order against each contract's running current version.
  const required = config.targets.some((t) => t.required);
  const targetXrefs = await resolveTargets(tx, config, [...candidates.values()]);
  const locked = await lockContracts(tx, [...candidates.values()]);
  const bodies = await currentBodies(tx, [...new Set([...locked.values()].map((l) => l.id))]);
  const running = new Map<string, { version: number; body: Contract | undefined }>();
  const versions: NewContractVersion[] = [];
  const accepted: { i: number; contract: Contract; previous: Contract | undefined }[] = [];
  for (const [i, candidate] of candidates) {
    const { envelope } = items[i]!;
    const row = locked.get(candidate.number)!;
    if (row.id !== candidate.id) {
      reject(
        i,
        Errors.InputSchema(`contract number ${candidate.number} belongs to contract ${row.id}, not ${candidate.id}`),
      );
      continue;
    }
    const state = running.get(row.id) ?? { version: row.currentVersion, body: bodies.get(row.id) };
    const verdict = checkOwnership(config.ownership, envelope.system, "contract", state.body, candidate);
    if (!verdict.allowed) {
      reject(
        i,
        Errors.OwnershipViolation(
          `${envelope.system} may not change contract ${candidate.number}: ${verdict.denied
            .map((d) => `${d.group} is owned by ${d.owner}`)
            .join("; ")}`,
          { contractId: candidate.id, system: envelope.system, denied: verdict.denied },
        ),
      );
      continue;
    }
    const base = { contractId: candidate.id, contractNumber: candidate.number, version: candidate.version };
    if (candidate.version <= state.version) {
      versions.push({
        contract: candidate,
        status: "parked",
        sourceSystem: envelope.system,
        correlationId: envelope.correlationId,
      });
      results[i] = {
        status: "parked",
        ...base,
        correlationId: envelope.correlationId,
        reason: `version ${candidate.version} is not newer than current version ${state.version}`,
      };
      continue;
    }
    const unmapped = missingTargetRefs(config, targetXrefs, candidate);
    if (unmapped) {
      reject(i, unmapped);
      continue;
    }
    running.set(row.id, { version: candidate.version, body: candidate });
    versions.push({
      contract: candidate,
      status: required ? "propagating" : "released",
      sourceSystem: envelope.system,
      correlationId: envelope.correlationId,
      indexedItems: new Set(state.body?.priceLines.map((l) => l.itemId)),
    });
    accepted.push({ i, contract: candidate, previous: state.body });
    results[i] = { status: "accepted", ...base, correlationId: envelope.correlationId };
  }

  // Writes: versions, outbox events with their deliveries, new contract xrefs, inbound outcomes.
  await insertContractVersions(tx, versions);
  // Locking created rows for new contract numbers; those whose every version was rejected go again.
  const stored = new Set(versions.map((v) => v.contract.id));
  const unborn = [...locked.values()].filter((l) => l.currentVersion === 0 && !stored.has(l.id)).map((l) => l.id);
  if (unborn.length > 0) {
    await tx.query("DELETE FROM contracts WHERE id = ANY($1::text[]) AND current_version = 0", [unborn]);
  }
  const { claimed, pending } = await appendAndClaimEvents(
    tx,
    accepted.map(({ i, contract }) => ({
      type: CONTRACT_VERSION_EVENT,
      businessKey: contractBusinessKey(contract.id),
      keyVersion: contract.version,
      payload: {
        contract,
        xrefs: contractXrefs(targetXrefs, contract),
        ...(items[i]!.compensationOf ? { compensationOf: items[i]!.compensationOf.version } : {}),
      } satisfies ContractVersionEvent,
      correlationId: items[i]!.envelope.correlationId,
      traceparent: items[i]!.envelope.traceparent,
    })),
    config.targets.map((t) => ({ target: t.system, required: t.required })),
    claim,
  );
  const followUps =
    (await config.afterAccept?.(
      tx,
      accepted.map(({ i, contract, previous }) => ({
        contract,
        previous,
        compensationOf: items[i]!.compensationOf,
        released: !required,
      })),
    )) ?? [];
  await upsertXrefs(
    tx,
    minted.filter((m) => results[m.index] !== undefined && !(results[m.index] instanceof ConcordError)),
  );
  await settleInbound(
    tx,
    live.map((i) => {
      const r = results[i]!;
      const { system, messageId } = items[i]!.envelope;
      return r instanceof ConcordError
        ? { system, messageId, status: "rejected" as const, outcome: { code: r.code, detail: r.message, ...r.extras } }
        : { system, messageId, status: r.status, outcome: r };
    }),
  );
  // The audit trail of every decision, last in the transaction: the chain tip is locked only briefly.
  await appendAudit(tx, [
    ...live.map((i) => {
      const r = results[i]!;
      const { system, messageId, correlationId } = items[i]!.envelope;
      return r instanceof ConcordError
        ? {
            actor: system,
            action: "contract.version.rejected",
            subjectType: "contract",
            subjectId: candidates.get(i)?.id ?? items[i]!.subject?.number ?? messageId,
            detail: { messageId, correlationId, code: r.code, reason: r.message },
          }
        : {
            actor: system,
            action: `contract.version.${r.status}`,
            subjectType: "contract",
            subjectId: r.contractId,
            detail: { messageId, correlationId, version: r.version },
          };
    }),
    ...followUps,
  ]);
  await recordRejections(
    tx,
    live.flatMap((i) => {
      const r = results[i];
      const c = candidates.get(i);
      const subject = c ? { number: c.number, version: c.version } : items[i]!.subject;
      return r instanceof ConcordError ? [{ envelope: items[i]!.envelope, error: r, subject }] : [];
    }),
  );
  return { results, claimed, pending };
}

/** Records every message raw; returns the indexes that are new (not a repeat of an earlier id). */
async function claimMessages(tx: Queryable, items: readonly IntakeItem[]): Promise<number[]> {
  const first = new Map<string, number>();
  items.forEach((it, i) => {
    const key = inboundKey(it.envelope.system, it.envelope.messageId);
    if (!first.has(key)) first.set(key, i);
  });
  const fresh = await claimInbound(
    tx,
    [...first.values()].map((i) => {
      const e = items[i]!.envelope;
      return {
        system: e.system,
        messageType: e.messageType,
        messageId: e.messageId,
        correlationId: e.correlationId,
        contentType: e.contentType,
        body: e.rawBody,
      };
    }),
  );
  return [...first.entries()].filter(([key]) => fresh.has(key)).map(([, i]) => i);
}

async function resolveSourceRefs(tx: Queryable, items: readonly IntakeItem[], live: readonly number[]) {
  const bySystem = new Map<string, { entityType: EntityType; id: string }[]>();
  for (const i of live) {
    const refs = items[i]!.sourceRefs ?? [];
    if (refs.length === 0) continue;
    const system = items[i]!.envelope.system;
    bySystem.set(system, [...(bySystem.get(system) ?? []), ...refs]);
  }
  const tables = new Map<string, XrefTable>();
  for (const [system, refs] of bySystem) tables.set(system, await localToCanonical(tx, system, refs));
  return tables;
}

/**
 * A candidate without an id gets the contract's canonical id: from the source's cross-reference,
 * else the existing contract with that number, else a new id (the source owns contracts and may
 * create them). New cross-references are returned, written only for messages that are not rejected.
 */
async function assignContractIds(tx: Queryable, items: readonly IntakeItem[], candidates: Map<number, Contract>) {
  const unnamed = [...candidates].filter(([, c]) => !c.id);
  const minted: { index: number; system: string; entityType: string; localId: string; canonicalId: string }[] = [];
  if (unnamed.length === 0) return minted;
  const numbers = [...new Set(unnamed.map(([, c]) => c.number))];
  const xrefs = await tx.query<{ system: string; local_id: string; canonical_id: string }>(
    "SELECT system, local_id, canonical_id FROM xrefs WHERE entity_type = 'contract' AND local_id = ANY($1::text[])",
    [numbers],
  );
  const existing = await tx.query<{ id: string; number: string }>(
    "SELECT id, number FROM contracts WHERE number = ANY($1::text[])",
    [numbers],
  );
  for (const [i, c] of unnamed) {
    const system = items[i]!.envelope.system;
    const known = xrefs.find((x) => x.system === system && x.local_id === c.number)?.canonical_id;
    const id =
      known ??
      existing.find((e) => e.number === c.number)?.id ??
      `ctr-${c.number.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    candidates.set(i, { ...c, id });
    if (!known) minted.push({ index: i, system, entityType: "contract", localId: c.number, canonicalId: id });
  }
  return minted;
}

function validate(contract: Contract): ConcordError | undefined {
  const result = validateEntity("contract", contract);
  if (result.ok) return undefined;
  const schemaOnly = result.issues.every((i) => i.rule === "schema");
  return (schemaOnly ? Errors.InputSchema : Errors.ContractRules)(
    `contract ${contract.number} v${contract.version} is invalid: ${result.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
    { issues: result.issues },
  );
}

/** Cross-references of every target that uses local ids, for all candidates at once. */
function resolveTargets(tx: Queryable, config: ContractIntakeConfig, contracts: readonly Contract[]) {
  const systems = config.targets.filter((t) => t.usesLocalIds).map((t) => t.system);
  return canonicalToLocal(tx, systems, contracts.flatMap(contractRefs));
}

/** A supplier, item or facility some target has no id for stops the version before anything is sent. */
function missingTargetRefs(
  config: ContractIntakeConfig,
  xrefs: Record<string, XrefTable>,
  c: Contract,
): ConcordError | undefined {
  const seen = new Set<string>();
  const refs = contractRefs(c).filter(
    (r) => !seen.has(`${r.entityType}:${r.id}`) && seen.add(`${r.entityType}:${r.id}`),
  );
  const missing = config.targets
    .filter((t) => t.usesLocalIds)
    .flatMap((t) =>
      refs
        .filter((r) => xrefs[t.system]?.[r.entityType]?.[r.id] === undefined)
        .map((r) => ({ system: t.system, entityType: r.entityType, id: r.id })),
    );
  if (missing.length === 0) return undefined;
  return Errors.ReferenceUnknown(
    `contract ${c.number} v${c.version} cannot propagate: ${missing
      .slice(0, 10)
      .map((m) => `${m.entityType} ${m.id} is not mapped in ${m.system}`)
      .join("; ")}${missing.length > 10 ? ` (and ${missing.length - 10} more)` : ""}`,
    { rule: "contract.references-mapped-in-every-target", unmapped: missing },
  );
}

export type { AcceptedVersion };
