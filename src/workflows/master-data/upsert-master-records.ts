import { appendAudit } from "../../audit/index.js";
import { type ConcordError, Errors } from "../../errors/index.js";
import { appendEvents, type EventTarget } from "../../events/index.js";
import { GTIN_XREF_SYSTEM, type Item, type Supplier, validateEntity } from "../../model/index.js";
import { checkOwnership, type OwnershipConfig } from "../../policy/index.js";
import { type FieldCipher, type SupplierSensitiveValues, withSensitive } from "../../security/index.js";
import { type Queryable, recordViolation, type Store, upsertXrefs } from "../../store/index.js";
import { takeSensitiveSupplierFields } from "./sensitive-supplier-input.js";
import { SupplierSensitiveWrites } from "./supplier-sensitive-writes.js";

export type MasterKind = "supplier" | "item";

export interface MasterWrite {
  readonly store: Store;
  readonly ownership: OwnershipConfig;
  readonly subscribers: (eventType: string) => readonly EventTarget[];
  readonly onOutboxWrite: () => void;
  /** Seals supplier tax ids and bank accounts, which are stored apart from the record. */
  readonly cipher: FieldCipher;
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
 *
 * A supplier's tax id and bank account are taken out of the record first: they are stored only
 * encrypted (`sensitive_fields`, same transaction), compared by fingerprint, and every event and
 * audit record built here carries them masked at most (docs/security.md).
 */
export async function upsertMasterRecords(
  deps: MasterWrite,
  system: string,
  kind: MasterKind,
  records: readonly unknown[],
  correlationId: string,
  opts: { readonly ifMatch?: string } = {},
): Promise<MasterOutcome[]> {
  let wrote = false;
  const outcomes = await deps.store.transaction(async (tx) => {
    const ids = records.map((r) => String((r as { id?: unknown } | null)?.id ?? ""));
    const { current, etags } = await currentRecords(tx, kind, ids);
    // An update on a read (If-Match): checked under the row lock, so no other writer slips between.
    if (opts.ifMatch !== undefined) checkIfMatch(opts.ifMatch, kind, ids, etags);
    const sensitive = kind === "supplier" ? await SupplierSensitiveWrites.load(tx, deps.cipher, ids) : undefined;
    const out: MasterOutcome[] = [];
    const changed: { readonly record: Supplier | Item; readonly sensitive: SupplierSensitiveValues }[] = [];
    const sensitiveChanges = new Map<string, readonly string[]>();
    for (const [i, raw] of records.entries()) {
      const id = ids[i]!;
      const split = kind === "supplier" ? takeSensitiveSupplierFields(raw) : { rest: raw, values: {}, issues: [] };
      const checked = validateEntity(kind, split.rest);
      const issues = [...split.issues, ...(checked.ok ? [] : checked.issues)];
      if (!checked.ok || issues.length > 0) {
        out.push({
          id,
          status: "rejected",
          error: Errors.InputSchema(`${kind} ${id || `#${i + 1}`}: ${issues.map((x) => x.message).join("; ")}`, {
            issues,
          }),
        });
        continue;
      }
      const record = checked.value as Supplier | Item;
      const before = current.get(id);
      // Sensitive values enter the ownership check as fingerprints: equal exactly when the values are.
      const compared = sensitive?.compare(id, split.values);
      const verdict = checkOwnership(deps.ownership, system, kind, before && { ...before, ...compared?.before }, {
        ...record,
        ...compared?.after,
      });
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
      const changedSensitive = compared?.changed ?? [];
      if (before && JSON.stringify(before) === JSON.stringify(record) && changedSensitive.length === 0) {
        out.push({ id, status: "unchanged" });
        continue;
      }
      current.set(id, record);
      sensitive?.stage(id, split.values, changedSensitive);
      if (changedSensitive.length > 0) sensitiveChanges.set(id, changedSensitive);
      changed.push({ record, sensitive: split.values });
      out.push({ id, status: before ? "updated" : "created" });
    }
    await sensitive?.write(tx);
    if (changed.length > 0) {
      await tx.query(
        `INSERT INTO canonical_records (entity_type, id, body)
         SELECT $1, * FROM unnest($2::text[], $3::json[])
         ON CONFLICT (entity_type, id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()`,
        [kind, changed.map((c) => c.record.id), changed.map((c) => JSON.stringify(c.record))],
      );
      if (kind === "item") {
        await upsertXrefs(
          tx,
          changed
            .map((c) => c.record as Item)
            .flatMap((item) =>
              item.gtin
                ? [{ system: GTIN_XREF_SYSTEM, entityType: "item", localId: item.gtin, canonicalId: item.id }]
                : [],
            ),
        );
      }
      const type = masterChangedEvent(kind);
      const targets = deps.subscribers(type);
      // Each record's changes reach a target in order: its key version counts its events.
      const keys = changed.map((c) => `${kind}:${c.record.id}`);
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
        changed.map((c, n) => ({
          type,
          businessKey: keys[n]!,
          keyVersion: (last.get(keys[n]!) ?? 0) + 1,
          payload: eventPayload(kind, c.record, c.sensitive, system),
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
            // Which sensitive fields changed, by name: a bank account change is what an auditor looks for.
            ...(sensitiveChanges.has(o.id) ? { sensitiveFieldsChanged: sensitiveChanges.get(o.id) } : {}),
          },
        })),
    );
    return out;
  });
  if (wrote) deps.onOutboxWrite();
  return outcomes;
}

/**
 * `supplier.changed` carries the tax id and bank account masked, listed in `masked`: the outbox is
 * stored in clear, and no target needs them in clear yet. A target that does would get a connector
 * that decrypts at delivery time (docs/security.md).
 */
function eventPayload(kind: MasterKind, record: Supplier | Item, sensitive: SupplierSensitiveValues, system: string) {
  const masked = Object.keys(sensitive);
  if (kind !== "supplier" || masked.length === 0) return { [kind]: record, system };
  return { supplier: withSensitive(record as Supplier, sensitive, false), system, masked };
}

async function currentRecords(tx: Queryable, kind: MasterKind, ids: readonly string[]) {
  const rows = await tx.query<{ id: string; body: Supplier | Item; etag: string }>(
    `SELECT id, body, ${MASTER_ETAG_SQL} AS etag FROM canonical_records
     WHERE entity_type = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [kind, [...new Set(ids)]],
  );
  return {
    current: new Map<string, Supplier | Item | undefined>(rows.map((r) => [r.id, r.body])),
    etags: new Map(rows.map((r) => [r.id, r.etag])),
  };
}

/**
 * A master record's entity tag: its stored body and when it last changed (a tax id or bank
 * account change touches updated_at too, though it lives apart from the body). Computed by the
 * store, so reads and conditional writes agree on it byte for byte.
 */
export const MASTER_ETAG_SQL = "md5(body::text || '|' || updated_at::text)";

/** RFC 9110 §13.1.1: strong comparison; "*" matches any current record; a missing record matches nothing. */
function checkIfMatch(ifMatch: string, kind: MasterKind, ids: readonly string[], etags: ReadonlyMap<string, string>) {
  const id = ids[0] ?? "";
  const current = etags.get(id);
  const tags = ifMatch.split(",").map((t) => t.trim());
  const matches = current !== undefined && (tags.includes("*") || tags.includes(`"${current}"`));
  if (ids.length !== 1 || !matches) {
    throw Errors.PreconditionFailed(
      current === undefined
        ? `${kind} ${id} does not exist, so If-Match cannot match`
        : `${kind} ${id} changed since ETag ${ifMatch} was read; its ETag is now "${current}"`,
      current === undefined ? {} : { currentEtag: `"${current}"` },
    );
  }
}
