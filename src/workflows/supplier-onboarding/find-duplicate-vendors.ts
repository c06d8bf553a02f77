import type { Supplier } from "../../model/index.js";
import type { FieldCipher } from "../../security/index.js";
import type { Queryable } from "../../store/index.js";
import { nameTokens, normalizeAddress, normalizeName, similarity } from "./name-similarity.js";
import type { OnboardingRow } from "./onboarding-row.js";
import { fingerprintBank, fingerprintTin, openBank, openTin } from "./sealed-values.js";

/**
 * Duplicate-vendor thresholds. The same name (≥ 0.9: legal form and punctuation already gone) is
 * a duplicate wherever it is; a similar name (≥ 0.6) only at a similar address (≥ 0.8 on street +
 * ZIP). At 0.6, "Northside Surgical Partners" / "Northside Surgical" (0.68) at one address is
 * caught, while "Acme Medical Supply" / "Zenith Medical Supply" (0.56), two tenants of one office
 * park, is not.
 */
export const DUPLICATE_NAME_ALONE = 0.9;
export const DUPLICATE_NAME_WITH_ADDRESS = 0.6;
export const DUPLICATE_ADDRESS = 0.8;

export interface DuplicateVendor {
  readonly supplierId: string;
  readonly name: string;
  readonly why: readonly ("same tax id" | "same bank account" | "similar name and address" | "same name")[];
}

/**
 * Other suppliers that are likely this one: the same tax id or bank account (by fingerprint, over
 * every other supplier's onboardings) or a similar name (and address) in the supplier master. The
 * supplier being re-onboarded is never its own duplicate.
 */
export async function findDuplicateVendors(
  q: Queryable,
  cipher: FieldCipher,
  row: OnboardingRow,
): Promise<DuplicateVendor[]> {
  const found = new Map<string, { name: string; why: Set<DuplicateVendor["why"][number]> }>();
  const add = (supplierId: string, name: string, why: DuplicateVendor["why"][number]) => {
    const e = found.get(supplierId) ?? { name, why: new Set() };
    e.why.add(why);
    found.set(supplierId, e);
  };
  const keyIds = (
    await q.query<{ k: string }>("SELECT DISTINCT fp_key_id AS k FROM supplier_onboardings WHERE supplier_id <> $1", [
      row.supplierId,
    ])
  ).map((r) => r.k);
  if (keyIds.length > 0) {
    // Fingerprints are per key: this onboarding's values are fingerprinted under each key in use.
    const taxId = openTin(cipher, row.id, row.tinSealed);
    const account = openBank(cipher, row.id, row.bankSealed);
    const tinFps = keyIds.map((k) => fingerprintTin(cipher, taxId, k));
    const bankFps = keyIds.map((k) => fingerprintBank(cipher, account, k));
    const same = await q.query<{ supplier_id: string; name: string; tin: boolean; bank: boolean }>(
      `SELECT o.supplier_id, o.request->>'name' AS name, o.tin_fp = ANY($2::text[]) AS tin, o.bank_fp = ANY($3::text[]) AS bank
       FROM supplier_onboardings o
       WHERE o.supplier_id <> $1 AND (o.tin_fp = ANY($2::text[]) OR o.bank_fp = ANY($3::text[]))`,
      [row.supplierId, tinFps, bankFps],
    );
    for (const s of same) {
      if (s.tin) add(s.supplier_id, s.name, "same tax id");
      if (s.bank) add(s.supplier_id, s.name, "same bank account");
    }
  }
  const name = normalizeName(row.request.name);
  const address = normalizeAddress(row.request.address);
  const tokens = nameTokens(name);
  if (tokens.length > 0) {
    // Candidates share a distinctive word of the name; similarity decides among them.
    const candidates = await q.query<{ id: string; body: Supplier }>(
      `SELECT id, body FROM canonical_records
       WHERE entity_type = 'supplier' AND id <> $1 AND upper(body->>'name') ~ $2`,
      [row.supplierId, `\\m(${tokens.map((t) => t.replace(/[^A-Z0-9]/g, "")).join("|")})\\M`],
    );
    for (const c of candidates) {
      const nameScore = similarity(name, normalizeName(c.body.name));
      if (nameScore >= DUPLICATE_NAME_ALONE) add(c.id, c.body.name, "same name");
      else if (
        nameScore >= DUPLICATE_NAME_WITH_ADDRESS &&
        similarity(address, normalizeAddress(c.body.remitTo)) >= DUPLICATE_ADDRESS
      )
        add(c.id, c.body.name, "similar name and address");
    }
  }
  return [...found].map(([supplierId, e]) => ({ supplierId, name: e.name, why: [...e.why] }));
}
