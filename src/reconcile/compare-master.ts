import { Errors } from "../errors/index.js";
import type { Store } from "../store/index.js";
import { masterByLocalId, masterWithoutXref } from "./canonical-records.js";
import { diffFields } from "./diff-fields.js";
import type { HealPlan } from "./heal-plan.js";
import { mergeJoin } from "./merge-join.js";
import type { ByteCounter } from "./read-export-pages.js";
import type { ReconcileSystem } from "./reconcile-types.js";
import { itemView, supplierView, type View } from "./record-views.js";
import type { RunTally } from "./run-tally.js";
import { systemRecords } from "./system-records.js";

const RECORD_CODE = Errors.ReconcileRecord.code;

/**
 * Suppliers or items of one system against canonical: both sides in the order of the system's
 * local id, merge-joined; then the canonical records the system has no cross-reference for.
 */
export async function compareMaster(
  store: Store,
  sys: ReconcileSystem,
  entityType: "supplier" | "item",
  ctx: { tally: RunTally; heal: HealPlan; pageSize: number; counter: ByteCounter },
): Promise<void> {
  const { tally, heal } = ctx;
  const view = (r: Record<string, unknown>, side: "canonical" | "system"): View =>
    entityType === "supplier" ? supplierView(sys.kind, r, side) : itemView(sys.kind, r, side);
  const system = sys.system;
  const records = systemRecords(store, sys, entityType, {
    pageSize: ctx.pageSize,
    counter: ctx.counter,
    onKeyless: (p) =>
      tally.find({
        system,
        entityType,
        kind: "unreadable",
        code: RECORD_CODE,
        key: `#${p.position}`,
        reason: p.reason,
      }),
  });
  for await (const j of mergeJoin(
    masterByLocalId(store, system, entityType),
    records,
    (c) => c.key,
    (s) => s.key,
    system,
  )) {
    const c = j.canonical;
    const s = j.system;
    if (s && "unreadable" in s) {
      await tally.find({
        system,
        entityType,
        kind: "unreadable",
        code: RECORD_CODE,
        key: j.key,
        ...(c ? { canonicalId: c.canonicalId } : {}),
        reason: s.unreadable,
        heal: { action: "none", reason: "the system's record cannot be read; fix the record or its export" },
      });
    } else if (c && s) {
      const fields = diffFields(view(c.body, "canonical"), view(s.record, "system"));
      if (fields.length === 0) tally.agree(system, entityType);
      else {
        await tally.find({
          system,
          entityType,
          kind: "different",
          key: j.key,
          canonicalId: c.canonicalId,
          fields,
          heal: heal.master(sys, entityType, c.canonicalId),
        });
      }
    } else if (c) {
      await tally.find({
        system,
        entityType,
        kind: "missing",
        key: j.key,
        canonicalId: c.canonicalId,
        heal: heal.master(sys, entityType, c.canonicalId),
      });
    } else {
      await tally.find({
        system,
        entityType,
        kind: "extra",
        key: j.key,
        ...(s && typeof s.record.id === "string" && !s.record.id.startsWith("?") ? { canonicalId: s.record.id } : {}),
        reason: "Concord has no canonical record under this id",
        heal: {
          action: "none",
          reason: "Concord holds nothing to send; retire the record in the system or add it at its system of record",
        },
      });
    }
  }
  for await (const m of masterWithoutXref(store, system, entityType)) {
    await tally.find({
      system,
      entityType,
      kind: "missing",
      key: m.canonicalId,
      canonicalId: m.canonicalId,
      reason: `no ${system} cross-reference: the record was never created in ${system}`,
      heal: { action: "none", reason: `create the record in ${system} and its cross-reference first` },
    });
  }
}
