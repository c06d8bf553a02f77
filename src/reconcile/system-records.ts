import { Value } from "@sinclair/typebox/value";
import type { Store } from "../store/index.js";
import { localToCanonical } from "../store/index.js";
import { type ByteCounter, readExportPages } from "./read-export-pages.js";
import type { ReconcileSystem } from "./reconcile-types.js";
import { type ExportedKind, recordSchema, SYSTEM_PROFILES } from "./system-profiles.js";

/** A system's record in canonical form, or why it could not be read; keyed by the system's own key. */
export type SystemRecord =
  | { readonly key: string; readonly record: Record<string, unknown> }
  | { readonly key: string; readonly unreadable: string };

/** A line that does not even carry a key: it cannot be matched, only reported. */
export interface KeylessProblem {
  readonly position: number;
  readonly reason: string;
}

/** Records are resolved against the cross-references this many at a time (one query each). */
const XREF_BATCH = 500;

/**
 * A system's export as a stream of records in canonical form, in the export's key order. Each
 * record is parsed, checked against the shape reconciliation reads, and mapped back through the
 * cross-references; an id without one reads as `?<local id>`, so it shows up as a difference.
 */
export async function* systemRecords(
  store: Store,
  sys: ReconcileSystem,
  exported: ExportedKind,
  opts: { pageSize: number; counter: ByteCounter; onKeyless: (p: KeylessProblem) => Promise<void> },
): AsyncGenerator<SystemRecord> {
  const profile = SYSTEM_PROFILES[sys.kind].exports[exported];
  const schema = recordSchema(sys.kind, exported);
  const url = `${sys.baseUrl.replace(/\/$/, "")}${profile.path}`;
  const where = `${sys.system} ${profile.path}`;
  let batch: { key: string; source: unknown }[] = [];

  const flush = async function* (): AsyncGenerator<SystemRecord> {
    const refs = batch.flatMap((b) => profile.mapping.refs(b.source));
    const table = await localToCanonical(store, sys.system, refs);
    for (const b of batch) {
      const { value, issues } = profile.mapping.map(b.source, (type, id) => table[type]?.[id] ?? `?${id}`);
      const bad = issues.filter((i) => i.rule !== "xref");
      if (bad.length > 0) {
        yield {
          key: b.key,
          unreadable: `${where} record ${b.key}: ${bad.map((i) => `${i.path}: ${i.message}`).join("; ")}`,
        };
      } else yield { key: b.key, record: value };
    }
    batch = [];
  };

  for await (const line of readExportPages(
    sys.system,
    url,
    SYSTEM_PROFILES[sys.kind].paging,
    opts.pageSize,
    opts.counter,
  )) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch (e) {
      await opts.onKeyless({
        position: line.position,
        reason: `${where} record #${line.position} is not JSON (${(e as Error).message}): ${line.text.slice(0, 120)}`,
      });
      continue;
    }
    const key = (parsed as Record<string, unknown> | null)?.[profile.keyField];
    if (typeof key !== "string" || key === "") {
      await opts.onKeyless({
        position: line.position,
        reason: `${where} record #${line.position} has no ${profile.keyField}: ${line.text.slice(0, 120)}`,
      });
      continue;
    }
    if (!Value.Check(schema, parsed)) {
      const first = Value.Errors(schema, parsed).First();
      // Keep order: what was batched before this record goes out first.
      yield* flush();
      yield {
        key,
        unreadable: `${where} record ${key}: ${first ? `${first.path || "/"} ${first.message}` : "does not match the export's shape"}`,
      };
      continue;
    }
    batch.push({ key, source: profile.source ? profile.source(parsed) : parsed });
    if (batch.length >= XREF_BATCH) yield* flush();
  }
  yield* flush();
}
