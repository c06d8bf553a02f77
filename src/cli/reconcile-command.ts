import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { ProgressBar, type ProgressOutput } from "../connectors/csv/index.js";
import {
  agreeingShare,
  type ComparisonSummary,
  type ReconcileEntityType,
  type ReconcileSystem,
  reconcile,
  SYSTEM_KINDS,
  type SystemKind,
} from "../reconcile/index.js";
import { openStore } from "../store/index.js";
import { sandboxReconcileSystems } from "./start-command.js";

export interface ReconcileCommandOptions {
  readonly storeUrl: string;
  readonly systems: readonly ReconcileSystem[];
  readonly driftPath: string;
  readonly heal: boolean;
  readonly entityTypes?: readonly ReconcileEntityType[];
  readonly masterDataTargets?: readonly string[];
  readonly out: { write(text: string): unknown };
  readonly progress: ProgressOutput;
}

/**
 * `concord reconcile`: one run against the store, findings streamed to the drift file (NDJSON),
 * progress on stderr, the summary on stdout. Resolves to whether everything agreed.
 */
export async function reconcileCommand(o: ReconcileCommandOptions): Promise<boolean> {
  const store = await openStore(o.storeUrl);
  const drift = createWriteStream(o.driftPath);
  const bar = new ProgressBar(o.progress, { label: "reconcile" });
  try {
    const result = await reconcile(
      { store },
      {
        systems: o.systems,
        heal: o.heal,
        ...(o.entityTypes ? { entityTypes: o.entityTypes } : {}),
        ...(o.masterDataTargets ? { masterDataTargets: o.masterDataTargets } : {}),
        onFinding: async (f, runId) => {
          // Respect the file's back-pressure: a million findings must not queue up in memory.
          if (!drift.write(`${JSON.stringify({ runId, ...f })}\n`)) await once(drift, "drain");
        },
        onProgress: (p) => bar.update(p),
      },
    );
    bar.finish();
    o.out.write(renderSummary(result.runId, result.summaries, result.findings, o.driftPath));
    if (o.heal) o.out.write(`repair events written to the outbox: ${result.repairEvents}\n`);
    return result.summaries.every((s) => s.agreeing === s.compared && !s.error);
  } finally {
    drift.end();
    await once(drift, "close").catch(() => {});
    await store.close();
  }
}

/** The summary table: one row per system and entity type. */
export function renderSummary(
  runId: number,
  summaries: readonly ComparisonSummary[],
  findings: number,
  driftPath: string,
): string {
  const head = ["system", "entity", "compared", "agree", "missing", "extra", "different", "unreadable"];
  const rows = summaries.map((s) => [
    s.system,
    s.entityType,
    s.compared.toLocaleString("en-US"),
    `${(agreeingShare(s) * 100).toFixed(1)}%`,
    String(s.missing),
    String(s.extra),
    String(s.different),
    String(s.unreadable),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}\n`;
  const errors = summaries.filter((s) => s.error).map((s) => `  ${s.system} ${s.entityType}: ${s.error}\n`);
  return [
    `reconciliation run ${runId}\n`,
    line(head),
    ...rows.map(line),
    ...(errors.length > 0 ? ["not compared to the end:\n", ...errors] : []),
    `${findings.toLocaleString("en-US")} findings in ${driftPath}\n`,
  ].join("");
}

/**
 * `name=url` or `name=kind:url` (kind defaults to the name): `erp=http://…/erp/api`,
 * `erp-east=erp:http://…`. The CLM is read as the contracts' source; the others as targets.
 */
export function parseSystemSpec(spec: string): ReconcileSystem {
  const m = /^([a-z][a-z0-9-]{0,30})=(?:([a-z]+):)?(https?:\/\/.+)$/.exec(spec);
  const kind = (m?.[2] ?? m?.[1]) as SystemKind | undefined;
  if (!m || !kind || !SYSTEM_KINDS.includes(kind)) {
    throw new Error(`--system "${spec}" is not name=url or name=kind:url with a kind of ${SYSTEM_KINDS.join(", ")}`);
  }
  return { system: m[1]!, kind, baseUrl: m[3]!, target: kind !== "clm" };
}

/** The systems `concord start --sandbox --port <port>` runs, at their documented ports. */
export function sandboxSystems(hubPort: number, host = "127.0.0.1"): ReconcileSystem[] {
  const at = (offset: number) => `http://${host}:${hubPort + offset}`;
  return sandboxReconcileSystems({ clm: at(101), procurement: at(102), erp: at(103) });
}
