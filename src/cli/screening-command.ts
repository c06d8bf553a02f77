import { parseArgs } from "node:util";
import { openStore } from "../store/index.js";
import { exclusionListLoads, loadExclusionListFile } from "../workflows/supplier-onboarding/index.js";

export interface ScreeningLoadOptions {
  /** memory: | pglite:<folder> | postgres://… — a PGlite folder only while the hub is stopped. */
  readonly storeUrl: string;
  /** OIG LEIE `UPDATED.csv`. */
  readonly leie?: string;
  /** SAM.gov exclusions public extract (CSV). */
  readonly sam?: string;
  readonly out: { write(s: string): unknown };
  /** The day exclusions are judged on (a SAM exclusion terminated before it is left out); default today. */
  readonly today?: string;
}

/**
 * `concord screening load --leie UPDATED.csv --sam SAM_Exclusions.csv`: replaces the stored
 * exclusion lists (each in one transaction: screening never sees half a list) and prints what each
 * now holds. The next re-screening round screens every active supplier against them; onboardings
 * are screened against them at once. Returns the exit code.
 */
export async function screeningLoadCommand(o: ScreeningLoadOptions): Promise<number> {
  const store = await openStore(o.storeUrl);
  try {
    const today = o.today ?? new Date().toISOString().slice(0, 10);
    for (const [source, path] of [
      ["leie", o.leie],
      ["sam", o.sam],
    ] as const) {
      if (!path) continue;
      // force: an operator loading a file means it, even if the same file was loaded before.
      const r = await loadExclusionListFile(store, source, path, today, { force: true });
      o.out.write(`${source.toUpperCase()}  ${r.entries} excluded parties loaded from ${path}\n`);
    }
    for (const l of await exclusionListLoads(store)) {
      o.out.write(
        `  ${l.source.padEnd(4)}  ${String(l.entries).padStart(7)}  ${l.fileName}  (${new Date(l.loadedAt).toISOString()})\n`,
      );
    }
    return 0;
  } finally {
    await store.close();
  }
}

export const SCREENING_USAGE = `  screening load [--leie <UPDATED.csv>] [--sam <exclusions.csv>] [--store <url>]
            replace the exclusion lists suppliers are screened against (OIG LEIE, SAM.gov
            exclusions extract); an embedded store (pglite:) must not be in use by a running hub
`;

/** `concord screening …` from its arguments (main.ts hands over everything after "screening"). */
export async function screeningCommand(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { leie: { type: "string" }, sam: { type: "string" }, store: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || positionals[0] !== "load")
    throw new Error(`screening takes \`load\`\n${SCREENING_USAGE}`);
  if (!values.leie && !values.sam) throw new Error(`screening load needs --leie, --sam or both\n${SCREENING_USAGE}`);
  return screeningLoadCommand({
    storeUrl: values.store ?? env.CONCORD_STORE_URL ?? "pglite:./data",
    ...(values.leie ? { leie: values.leie } : {}),
    ...(values.sam ? { sam: values.sam } : {}),
    out: process.stdout,
  });
}
