import { Errors } from "../errors/index.js";
import type { Store } from "../store/index.js";
import { appendRepairs } from "./append-repairs.js";
import { compareContracts } from "./compare-contracts.js";
import { compareMaster } from "./compare-master.js";
import { HealPlan } from "./heal-plan.js";
import type { ByteCounter } from "./read-export-pages.js";
import {
  type ComparisonSummary,
  type DriftFinding,
  RECONCILE_ENTITY_TYPES,
  type ReconcileEntityType,
  type ReconcileSystem,
} from "./reconcile-types.js";
import { RunStore } from "./run-store.js";
import { RunTally } from "./run-tally.js";

export interface ReconcileDeps {
  readonly store: Store;
  /** Called after repair events were committed (wakes the dispatcher in a hub process). */
  readonly onOutboxWrite?: () => void;
}

export interface ReconcileOptions {
  readonly systems: readonly ReconcileSystem[];
  /** Default: all of supplier, item, contract, contract-price. */
  readonly entityTypes?: readonly ReconcileEntityType[];
  /** Write repair events for the drift a re-send can fix. */
  readonly heal?: boolean;
  /** Systems that receive `supplier.changed` / `item.changed` (have a master-data connector). */
  readonly masterDataTargets?: readonly string[];
  /** Records per export page (contracts: a tenth of it). Default 1000. */
  readonly pageSize?: number;
  /** Findings kept in the store per system and entity type. Default 1000. */
  readonly findingsCap?: number;
  /** Every finding, in order (the drift file). */
  readonly onFinding?: (finding: DriftFinding, runId: number) => void | Promise<void>;
  /** A run already requested and claimed (the hub's workers); default: a new run row. */
  readonly runId?: number;
  /** Called per record compared; cheap callers only (the progress bar renders on its own clock). */
  readonly onProgress?: (p: { readonly rows: number; readonly bytes: number }) => void;
}

export interface ReconcileResult {
  readonly runId: number;
  readonly summaries: readonly ComparisonSummary[];
  readonly findings: number;
  readonly repairEvents: number;
}

/**
 * One reconciliation run: every system's exports against Concord's canonical records, streamed
 * and merge-joined by key, findings to `onFinding` and the store, optionally healed through the
 * outbox. A system whose export fails is recorded with its error; the others still run.
 *
 * @example await reconcile({ store }, { systems: [{ system: "erp", kind: "erp", baseUrl, target: true }], heal: true })
 */
export async function reconcile(deps: ReconcileDeps, opts: ReconcileOptions): Promise<ReconcileResult> {
  const types = new Set(opts.entityTypes ?? RECONCILE_ENTITY_TYPES);
  const pageSize = opts.pageSize ?? 1000;
  const heal = new HealPlan(opts.heal === true, new Set(opts.masterDataTargets ?? []));
  const cap = opts.findingsCap ?? 1000;
  const run =
    opts.runId === undefined
      ? await RunStore.start(deps.store, opts.systems, opts.heal === true, cap)
      : await RunStore.adopt(deps.store, opts.runId, opts.systems, cap);
  const counter: ByteCounter = { bytes: 0 };
  const tally = new RunTally(
    async (f) => {
      await run.add(f);
      await opts.onFinding?.(f, run.runId);
    },
    () => opts.onProgress?.({ rows: tally.rows, bytes: counter.bytes }),
  );
  try {
    for (const sys of opts.systems) {
      for (const entityType of ["supplier", "item"] as const) {
        if (!types.has(entityType)) continue;
        tally.summary(sys.system, entityType);
        await isolate(tally, sys, [entityType], () =>
          compareMaster(deps.store, sys, entityType, { tally, heal, pageSize, counter }),
        );
      }
      const contractTypes = (["contract", "contract-price"] as const).filter((t) => types.has(t));
      if (contractTypes.length === 0) continue;
      for (const t of contractTypes) tally.summary(sys.system, t);
      await isolate(tally, sys, contractTypes, () =>
        compareContracts(deps.store, sys, {
          tally,
          heal,
          pageSize,
          counter,
          types: { contract: types.has("contract"), prices: types.has("contract-price") },
        }),
      );
    }
    const repairEvents = opts.heal ? await appendRepairs(deps.store, heal, `reconcile-${run.runId}`) : 0;
    if (repairEvents > 0) deps.onOutboxWrite?.();
    const summaries = tally.all();
    await run.finish(summaries, { status: "completed", repairEvents });
    return { runId: run.runId, summaries, findings: run.findings, repairEvents };
  } catch (e) {
    await run.finish(tally.all(), { status: "failed", repairEvents: 0, error: (e as Error).message }).catch(() => {});
    throw e;
  }
}

/**
 * A system's export that cannot be read to the end (down, not NDJSON pages, out of key order)
 * stops that comparison only: it is recorded on the summary and the run goes on.
 */
async function isolate(
  tally: RunTally,
  sys: ReconcileSystem,
  types: readonly ReconcileEntityType[],
  compare: () => Promise<void>,
): Promise<void> {
  try {
    await compare();
  } catch (e) {
    if (!Errors.ReconcileExport.is(e)) throw e;
    for (const t of types) tally.fail(sys.system, t, e.message);
  }
}
