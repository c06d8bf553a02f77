import { ConcordError } from "../../errors/index.js";
import type { FieldCipher } from "../../security/index.js";
import type { Store } from "../../store/index.js";
import { openBank, openTin, sealOnboardingValues } from "./sealed-values.js";

export interface OnboardingRotationReport {
  /** Onboardings re-sealed under the active key by this run. */
  readonly rotated: number;
  /** Onboardings under keys that are not configured: left as they are (unreadable until the key is back). */
  readonly unknownKeys: readonly { readonly keyId: string; readonly count: number }[];
  /** Onboardings whose envelopes fail authentication (tampered with, or moved). */
  readonly unreadable: readonly string[];
}

/**
 * `concord keys rotate` for the onboarding workflow's own envelopes (the tax id and bank account
 * as sent, kept apart from the supplier's sensitive_fields): re-seals every onboarding not wholly
 * under the active key and re-makes its fingerprints under it (a fingerprint is comparable only
 * under its key), `batchSize` onboardings per transaction, keyset-paged by id so a run that stops
 * keeps what it committed and the next one picks up the rest.
 */
export async function rotateOnboardingValues(
  store: Store,
  cipher: FieldCipher,
  opts: { readonly batchSize?: number; readonly onBatch?: (rotatedSoFar: number) => void } = {},
): Promise<OnboardingRotationReport> {
  const batchSize = opts.batchSize ?? 500;
  let after = "";
  let rotated = 0;
  const unknown = new Map<string, number>();
  const unreadable: string[] = [];
  for (;;) {
    const page = await store.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; tin_sealed: string; bank_sealed: string; fp_key_id: string }>(
        `SELECT id, tin_sealed, bank_sealed, fp_key_id FROM supplier_onboardings
         WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
        [after, batchSize],
      );
      let done = 0;
      for (const row of rows) {
        const keys = new Set([cipher.keyIdOf(row.tin_sealed), cipher.keyIdOf(row.bank_sealed), row.fp_key_id]);
        if (keys.size === 1 && keys.has(cipher.activeKeyId)) continue;
        const missing = [...keys].filter((k) => !cipher.keyIds.includes(k));
        if (missing.length > 0) {
          for (const k of missing) unknown.set(k, (unknown.get(k) ?? 0) + 1);
          continue;
        }
        let resealed: ReturnType<typeof sealOnboardingValues>;
        try {
          resealed = sealOnboardingValues(
            cipher,
            row.id,
            openTin(cipher, row.id, row.tin_sealed),
            openBank(cipher, row.id, row.bank_sealed),
          );
        } catch (e) {
          if (!(e instanceof ConcordError)) throw e;
          unreadable.push(row.id);
          continue;
        }
        await tx.query(
          `UPDATE supplier_onboardings SET tin_sealed = $2, tin_fp = $3, bank_sealed = $4, bank_fp = $5, fp_key_id = $6
           WHERE id = $1`,
          [row.id, resealed.tinSealed, resealed.tinFp, resealed.bankSealed, resealed.bankFp, resealed.fpKeyId],
        );
        done++;
      }
      return { done, last: rows.at(-1)?.id, full: rows.length === batchSize };
    });
    rotated += page.done;
    if (page.done > 0) opts.onBatch?.(rotated);
    if (!page.last || !page.full) break;
    after = page.last;
  }
  return {
    rotated,
    unknownKeys: [...unknown]
      .map(([keyId, count]) => ({ keyId, count }))
      .sort((a, b) => a.keyId.localeCompare(b.keyId)),
    unreadable,
  };
}
