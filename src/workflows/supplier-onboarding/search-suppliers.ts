import type { Supplier } from "../../model/index.js";
import type { FieldCipher } from "../../security/index.js";
import type { Queryable } from "../../store/index.js";
import { fingerprintTin } from "./sealed-values.js";

export interface SupplierSearch {
  readonly name?: string | undefined;
  readonly taxId?: string | undefined;
  readonly gln?: string | undefined;
  readonly vendorNumber?: string | undefined;
  readonly limit: number;
}

/**
 * Suppliers by name (case-insensitive, contains), GLN (exact), ERP vendor number (exact, through
 * the cross-references) or tax id (exact, by fingerprint over onboarded suppliers: a tax id is
 * never stored in a form SQL could compare). Criteria combine with AND.
 */
export async function searchSuppliers(
  q: Queryable,
  cipher: FieldCipher,
  erpSystem: string,
  s: SupplierSearch,
): Promise<Supplier[]> {
  let ids: string[] | null = null;
  if (s.taxId !== undefined) {
    const keyIds = (await q.query<{ k: string }>("SELECT DISTINCT fp_key_id AS k FROM supplier_onboardings")).map(
      (r) => r.k,
    );
    const fps = keyIds.map((k) => fingerprintTin(cipher, s.taxId!, k));
    ids = (
      await q.query<{ id: string }>(
        "SELECT DISTINCT supplier_id AS id FROM supplier_onboardings WHERE tin_fp = ANY($1::text[])",
        [fps],
      )
    ).map((r) => r.id);
  }
  if (s.vendorNumber !== undefined) {
    const byVendor = (
      await q.query<{ id: string }>(
        "SELECT canonical_id AS id FROM xrefs WHERE system = $1 AND entity_type = 'supplier' AND local_id = $2",
        [erpSystem, s.vendorNumber],
      )
    ).map((r) => r.id);
    ids = ids === null ? byVendor : ids.filter((id) => byVendor.includes(id));
  }
  const rows = await q.query<{ body: Supplier }>(
    `SELECT body FROM canonical_records
     WHERE entity_type = 'supplier'
       AND ($1::text[] IS NULL OR id = ANY($1::text[]))
       AND ($2::text IS NULL OR strpos(lower(body->>'name'), lower($2)) > 0)
       AND ($3::text IS NULL OR body->>'gln' = $3)
     ORDER BY body->>'name', id LIMIT $4`,
    [ids, s.name ?? null, s.gln ?? null, s.limit],
  );
  return rows.map((r) => r.body);
}
