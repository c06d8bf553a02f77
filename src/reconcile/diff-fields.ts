import type { FieldDiff } from "./reconcile-types.js";

/**
 * The fields whose values differ between the canonical view and the system's view of one record.
 * Views are flat (nested values are pre-rendered to strings), so equality is exact.
 */
export function diffFields(canonical: Readonly<Record<string, unknown>>, system: Readonly<Record<string, unknown>>) {
  const out: FieldDiff[] = [];
  for (const field of new Set([...Object.keys(canonical), ...Object.keys(system)])) {
    const c = canonical[field] ?? null;
    const s = system[field] ?? null;
    if (c !== s) out.push({ field, canonical: c, system: s });
  }
  return out;
}
