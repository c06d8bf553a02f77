import { appendAudit } from "../../audit/index.js";
import { type ConcordError, Errors } from "../../errors/index.js";
import { appendEvents, type EventTarget } from "../../events/index.js";
import { GTIN_XREF_SYSTEM, type Item, type Supplier, validateEntity } from "../../model/index.js";
import { checkOwnership, type OwnershipConfig } from "../../policy/index.js";
import { type Queryable, recordViolation, type Store, upsertXrefs } from "../../store/index.js";

export type MasterKind = "supplier" | "item";

export interface MasterWrite {
  readonly store: Store;
  readonly ownership: OwnershipConfig;
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  readonly onOutboxWrite: () => void;
}

export type MasterOutcome =
  | { readonly id: string; readonly status: "created" | "updated" | "unchanged" }
  | { readonly id: string; readonly status: "rejected"; readonly error: ConcordError };

/** The outbox event announcing a changed master record: `supplier.changed`, `item.changed`. */
export const masterChangedEvent = (kind: MasterKind) => `${kind}.changed`;

/**
 * Writes supplier or item records from a system of record, in one transaction for the batch:
 * each record is validated, checked against the ownership registry field group by field group
 * (a denied change is a policy violation, and changes nothing), written when it differs from
 * what is held, cross-referenced by GTIN (items), and announced on the outbox. One record's
 * rejection never affects another's.
 */
export async function upsertMasterRecords(
  deps: MasterWrite,
  system: string,
  kind: MasterKind,
  records: readonly unknown[],
  correlationId: string,
): Promise<MasterOutcome[]> {
  let wrote = false;
  const outcomes = await deps.store.transaction(async (tx) => {
    const ids = records.map((r) => String((r as { id?: unknown } | null)?.id ?? ""));
    const current = await currentRecords(tx, kind, ids);
    const out: MasterOutcome[] = [];
    const changed: (Supplier | Item)[] = [];
    for (const [i, raw] of records.entries()) {
      const id = ids[i]!;
      const checked = validateEntity(kind, raw);
      if (!checked.ok) {
        out.push({
          id,
          status: "rejected",
          error: Errors.InputSchema(
            `${kind} ${id || `#${i + 1}`}: ${checked.issues.map((x) => x.message).join("; ")}`,
            {
              issues: checked.issues,
            },
          ),
        });
        continue;
      }
      const record = checked.value as Supplier | Item;
      const before = current.get(id);
      const verdict = checkOwnership(deps.ownership, system, kind, before, record);
      if (!verdict.allowed) {
        const message = `${system} may not change ${kind} ${id}: ${verdict.denied.map((d) => `${d.group} belongs to ${d.owner}`).join(", ")}`;
        await recordViolation(tx, {
          rule: "ownership.system-of-record",
          system,
          entityType: kind,
          entityId: id,
          fieldGroups: verdict.denied.map((d) => d.group),
          message,
          correlationId,
        });
        out.push({ id, status: "rejected", error: Errors.OwnershipViolation(message, { denied: verdict.denied }) });
        continue;
      }
      if (before && JSON.stringify(before) === JSON.stringify(record)) {
        out.push({ id, status: "unchanged" });
        continue;
      }
      current.set(id, record);
      changed.push(record);
      out.push({ id, status: before ? "updated" : "created" });
    }
    if (changed.length > 0) {
      await tx.query(
        `INSERT INTO canonical_records (entity_type, id, body)
         SELECT $1, * FROM unnest($2::text[], $3::json[])
         ON CONFLICT (entity_type, id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()`,
        [kind, changed.map((r) => r.id), changed.map((r) => JSON.stringify(r))],
      );
      if (kind === "item") {
        await upsertXrefs(
          tx,
          (changed as Item[]).flatMap((item) =>
            item.gtin
              ? [{ system: GTIN_XREF_SYSTEM, entityType: "item", localId: item.gtin, canonicalId: item.id }]
              : [],
          ),
        );
      }
      const type = masterChangedEvent(kind);
      const targets = deps.subscribers(type);
      // Each record's changes reach a target in order: its key version counts its events.
      const keys = changed.map((r) => `${kind}:${r.id}`);
      const last = new Map(
        (
          await tx.query<{ business_key: string; v: number }>(
            "SELECT business_key, max(key_version)::int AS v FROM events WHERE business_key = ANY($1::text[]) GROUP BY business_key",
            [keys],
          )
        ).map((r) => [r.business_key, r.v]),
      );
      await appendEvents(
        tx,
        changed.map((r, n) => ({
          type,
          businessKey: keys[n]!,
          keyVersion: (last.get(keys[n]!) ?? 0) + 1,
          payload: { [kind]: r, system },
          correlationId,
        })),
        targets,
      );
      wrote = targets.length > 0;
    }
    await appendAudit(
      tx,
      out
        .filter((o) => o.status !== "unchanged")
        .map((o) => ({
          actor: system,
          action: `${kind}.${o.status}`,
          subjectType: kind,
          subjectId: o.id,
          detail: {
            correlationId,
            ...(o.status === "rejected" ? { code: o.error.code, reason: o.error.message } : {}),
          },
        })),
    );
    return out;
  });
  if (wrote) deps.onOutboxWrite();
  return outcomes;
}

async function currentRecords(tx: Queryable, kind: MasterKind, ids: readonly string[]) {
  const rows = await tx.query<{ id: string; body: Supplier | Item }>(
    "SELECT id, body FROM canonical_records WHERE entity_type = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE",
    [kind, [...new Set(ids)]],
  );
  return new Map<string, Supplier | Item | undefined>(rows.map((r) => [r.id, r.body]));
}
