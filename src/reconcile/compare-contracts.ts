import { Errors } from "../errors/index.js";
import type { Contract, PriceLine } from "../model/index.js";
import type { Store } from "../store/index.js";
import { type ExpectedContract, expectedContracts } from "./canonical-records.js";
import { diffFields } from "./diff-fields.js";
import type { HealPlan } from "./heal-plan.js";
import { compareKeys, mergeJoin } from "./merge-join.js";
import type { ByteCounter } from "./read-export-pages.js";
import type { DriftFinding, HealNote, ReconcileSystem } from "./reconcile-types.js";
import { contractHeaderView, priceLineKey, priceLineView } from "./record-views.js";
import type { RunTally } from "./run-tally.js";
import { systemRecords } from "./system-records.js";

const RECORD_CODE = Errors.ReconcileRecord.code;

/**
 * Contracts of one system against canonical, merge-joined by contract number (every system keys
 * contracts by it), each compared as a header and, line by line, as price rows. Only one
 * contract of each side is in memory at a time; its lines are matched by item and unit.
 */
export async function compareContracts(
  store: Store,
  sys: ReconcileSystem,
  ctx: {
    tally: RunTally;
    heal: HealPlan;
    pageSize: number;
    counter: ByteCounter;
    types: { contract: boolean; prices: boolean };
  },
): Promise<void> {
  const { tally, heal, types } = ctx;
  const system = sys.system;
  const records = systemRecords(store, sys, "contract", {
    pageSize: Math.max(1, Math.floor(ctx.pageSize / 10)),
    counter: ctx.counter,
    onKeyless: (p) =>
      tally.find({
        system,
        entityType: "contract",
        kind: "unreadable",
        code: RECORD_CODE,
        key: `#${p.position}`,
        reason: p.reason,
      }),
  });
  const joined = mergeJoin(
    expectedContracts(store, system),
    records,
    (c) => c.number,
    (s) => s.key,
    system,
  );
  for await (const j of joined) {
    const expected = j.canonical;
    const held = j.system;
    if (held && "unreadable" in held) {
      if (types.contract) {
        await tally.find({
          system,
          entityType: "contract",
          kind: "unreadable",
          code: RECORD_CODE,
          key: j.key,
          ...(expected ? { canonicalId: expected.contractId, contractId: expected.contractId } : {}),
          reason: held.unreadable,
          heal: { action: "none", reason: "the system's record cannot be read; fix the record or its export" },
        });
      }
      continue;
    }
    const actual = held?.record as Partial<Contract> | undefined;
    const headerDiff =
      expected && actual
        ? diffFields(contractHeaderView(sys.kind, expected.body), contractHeaderView(sys.kind, actual))
        : [];
    const lineDiffs =
      expected && actual ? comparePriceLines(sys, expected.body.priceLines, actual.priceLines ?? []) : [];
    const drifted = !expected || !actual || headerDiff.length > 0 || lineDiffs.some((l) => l.kind !== "agree");
    const note = drifted ? healNote(sys, heal, expected, actual) : undefined;
    const base = { system, ...(expected ? { canonicalId: expected.contractId, contractId: expected.contractId } : {}) };

    if (types.contract) {
      if (expected && actual) {
        if (headerDiff.length === 0) tally.agree(system, "contract");
        else
          await tally.find({
            ...base,
            entityType: "contract",
            kind: "different",
            key: j.key,
            fields: headerDiff,
            heal: note!,
          });
      } else {
        await tally.find({
          ...base,
          entityType: "contract",
          kind: expected ? "missing" : "extra",
          key: j.key,
          ...(expected ? {} : { reason: "Concord has no contract with this number" }),
          heal: note!,
        });
      }
    }
    if (!types.prices) continue;
    const rows =
      expected && actual
        ? lineDiffs
        : ((expected ? expected.body.priceLines : (actual?.priceLines ?? [])) as PriceLine[])
            .map((l) => ({ key: priceLineKey(l), kind: (expected ? "missing" : "extra") as "missing" | "extra" }))
            .sort((a, b) => compareKeys(a.key, b.key));
    for (const row of rows) {
      if (row.kind === "agree") {
        tally.agree(system, "contract-price");
        continue;
      }
      const finding: DriftFinding = {
        ...base,
        entityType: "contract-price",
        kind: row.kind,
        key: `${j.key}/${row.key}`,
        ...("fields" in row && row.fields ? { fields: row.fields } : {}),
        heal: note!,
      };
      await tally.find(finding);
    }
  }
}

type LineOutcome =
  | { key: string; kind: "agree" }
  | { key: string; kind: "missing" | "extra" }
  | { key: string; kind: "different"; fields: ReturnType<typeof diffFields> };

/** Both sides' lines of one contract, matched by item and unit of measure, in key order. */
function comparePriceLines(
  sys: ReconcileSystem,
  expected: readonly PriceLine[],
  actual: readonly Partial<PriceLine>[],
): LineOutcome[] {
  const mine = new Map(expected.map((l) => [priceLineKey(l), l]));
  const theirs = new Map(actual.map((l) => [priceLineKey(l as PriceLine), l]));
  const keys = [...new Set([...mine.keys(), ...theirs.keys()])].sort(compareKeys);
  return keys.map((key): LineOutcome => {
    const c = mine.get(key);
    const s = theirs.get(key);
    if (!c) return { key, kind: "extra" };
    if (!s) return { key, kind: "missing" };
    const fields = diffFields(priceLineView(sys.kind, c), priceLineView(sys.kind, s));
    return fields.length === 0 ? { key, kind: "agree" } : { key, kind: "different", fields };
  });
}

/**
 * Healing re-sends the expected version to a target that lacks it or holds an older revision. A
 * target holding the same or a newer revision would refuse the re-send as stale (409), so that
 * drift is left to the contract's system of record or to the target, and said so.
 */
function healNote(
  sys: ReconcileSystem,
  heal: HealPlan,
  expected: ExpectedContract | undefined,
  actual: Partial<Contract> | undefined,
): HealNote {
  if (!expected) {
    return {
      action: "none",
      reason: "Concord holds no such contract to send; retire it in the system or send it from the CLM",
    };
  }
  if (!sys.target) {
    return {
      action: "none",
      reason: `${sys.system} is the contract's system of record, not a delivery target: replay the agreement's event from ${sys.system}`,
    };
  }
  const held = typeof actual?.version === "number" ? actual.version : undefined;
  if (held !== undefined && held >= expected.version) {
    return {
      action: "none",
      reason: `${sys.system} holds revision ${held}, not older than Concord's version ${expected.version}: a re-send would be refused as stale; amend the contract at its system of record or correct it in ${sys.system}`,
    };
  }
  return heal.contract(sys, expected.contractId, expected.version);
}
