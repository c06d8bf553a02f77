import { GTIN_XREF_SYSTEM, type ItemRef, type TradeDocument } from "../../model/index.js";
import type { Queryable } from "../../store/index.js";
import type { UnresolvedItem } from "./partner-message.js";

interface Found {
  readonly path: string;
  readonly ref: ItemRef;
}

/** Every item reference in a document (any object under a key named `item`), with its JSON pointer. */
function itemRefs(value: unknown, path = "", out: Found[] = []): Found[] {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) itemRefs(v, `${path}/${i}`, out);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "item" && v && typeof v === "object" && !Array.isArray(v)) out.push({ path: `${path}/item`, ref: v });
      else itemRefs(v, `${path}/${k}`, out);
    }
  }
  return out;
}

function replaceAt<T>(value: T, segments: readonly string[], replacement: unknown): T {
  if (segments.length === 0) return replacement as T;
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, replacement);
    return copy as T;
  }
  const obj = value as Record<string, unknown>;
  return { ...obj, [head]: replaceAt(obj[head], rest, replacement) } as T;
}

/**
 * Resolves the partner's item identities to canonical item ids: the partner's own part number
 * (its cross-references), then the GTIN. A reference nothing resolves stays as sent and is listed,
 * so the document is kept and a person can map the item.
 */
export async function resolveItemRefs(
  q: Queryable,
  partner: string,
  document: TradeDocument,
): Promise<{ document: TradeDocument; unresolved: UnresolvedItem[] }> {
  const found = itemRefs(document).filter((f) => !f.ref.itemId);
  if (found.length === 0) return { document, unresolved: [] };
  const partNos = [
    ...new Set(found.flatMap((f) => [f.ref.supplierPartNo, f.ref.buyerPartNo]).filter((x): x is string => !!x)),
  ];
  const gtins = [...new Set(found.map((f) => f.ref.gtin).filter((x): x is string => !!x))];
  const rows = await q.query<{ system: string; local_id: string; canonical_id: string }>(
    `SELECT system, local_id, canonical_id FROM xrefs
     WHERE entity_type = 'item' AND ((system = $1 AND local_id = ANY($2::text[])) OR (system = $3 AND local_id = ANY($4::text[])))`,
    [partner, partNos, GTIN_XREF_SYSTEM, gtins],
  );
  const byPartNo = new Map(rows.filter((r) => r.system === partner).map((r) => [r.local_id, r.canonical_id]));
  const byGtin = new Map(rows.filter((r) => r.system === GTIN_XREF_SYSTEM).map((r) => [r.local_id, r.canonical_id]));
  let resolved = document;
  const unresolved: UnresolvedItem[] = [];
  for (const { path, ref } of found) {
    const itemId =
      (ref.supplierPartNo && byPartNo.get(ref.supplierPartNo)) ||
      (ref.buyerPartNo && byPartNo.get(ref.buyerPartNo)) ||
      (ref.gtin && byGtin.get(ref.gtin));
    if (itemId) {
      resolved = replaceAt(resolved, path.split("/").slice(1), { ...ref, itemId });
    } else {
      const identifiers = Object.fromEntries(
        Object.entries(ref).filter(([k, v]) => typeof v === "string" && k !== "description"),
      ) as Record<string, string>;
      unresolved.push({ path, identifiers });
    }
  }
  return { document: resolved, unresolved };
}
