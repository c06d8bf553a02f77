import type { Contract, PriceLine } from "../../model/index.js";
import type { Queryable } from "../store.js";

export interface PriceLineChange {
  readonly change: "added" | "removed" | "changed";
  readonly itemId: string;
  readonly uom: string;
  readonly before?: Pick<PriceLine, "unitPrice" | "tierPrices">;
  readonly after?: Pick<PriceLine, "unitPrice" | "tierPrices">;
}

export interface PricingChange {
  readonly contractId: string;
  readonly version: number;
  readonly supplierId: string;
  readonly releasedAt: string;
  readonly releaseReason: string | null;
  readonly effectiveFrom: string;
  readonly expiresOn: string;
  /** Against the version before it; every line is "added" for a first version. */
  readonly lines: readonly PriceLineChange[];
}

/** Where a page ended: the exact release instant (microseconds), contract and version of its last item. */
export type PricingChangesKey = readonly [releasedAt: string, contractId: string, version: number];

export interface PricingChangesPage {
  readonly items: readonly PricingChange[];
  /** The key to continue after; absent on the last page. */
  readonly last?: PricingChangesKey;
}

/**
 * Released contract versions after `since`, ordered by (released_at, contract, version) with a
 * keyset cursor: a page never skips or repeats a version even when many share one timestamp.
 */
export async function pricingChangesSince(
  q: Queryable,
  o: { readonly since: string; readonly limit: number; readonly after?: PricingChangesKey },
): Promise<PricingChangesPage> {
  const [releasedAt, contractId, version] = o.after ?? [o.since, "", 0];
  const rows = await q.query<{
    contract_id: string;
    version: number;
    released_at: Date;
    released_key: string;
    release_reason: string | null;
    body: Contract;
    previous: Contract | null;
  }>(
    // released_key keeps the microseconds a JavaScript Date would drop: the cursor must be exact.
    `SELECT v.contract_id, v.version, v.released_at, v.release_reason, v.body, p.body AS previous,
       to_char(v.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS released_key
     FROM contract_versions v
     LEFT JOIN contract_versions p ON p.contract_id = v.contract_id AND p.version = v.version - 1
     WHERE v.released_at IS NOT NULL
       AND CASE WHEN $5::boolean THEN (v.released_at, v.contract_id, v.version) > ($1::timestamptz, $2, $3)
                ELSE v.released_at > $1::timestamptz END
     ORDER BY v.released_at, v.contract_id, v.version
     LIMIT $4`,
    [releasedAt, contractId, version, o.limit + 1, o.after !== undefined],
  );
  const page = rows.slice(0, o.limit);
  const items = page.map((r) => ({
    contractId: r.contract_id,
    version: r.version,
    supplierId: r.body.supplierId,
    releasedAt: new Date(r.released_at).toISOString(),
    releaseReason: r.release_reason,
    effectiveFrom: r.body.effectiveFrom,
    expiresOn: r.body.expiresOn,
    lines: diffPriceLines(r.previous?.priceLines ?? [], r.body.priceLines),
  }));
  const last = page.at(-1);
  return rows.length > o.limit && last
    ? { items, last: [last.released_key, last.contract_id, last.version] }
    : { items };
}

/** Lines are the same line when they price the same item in the same unit. */
export function diffPriceLines(before: readonly PriceLine[], after: readonly PriceLine[]): PriceLineChange[] {
  const key = (l: PriceLine) => `${l.itemId}\u0000${l.uom}`;
  const old = new Map(before.map((l) => [key(l), l]));
  const changes: PriceLineChange[] = [];
  for (const l of after) {
    const prior = old.get(key(l));
    old.delete(key(l));
    const now = { unitPrice: l.unitPrice, tierPrices: l.tierPrices };
    if (!prior) changes.push({ change: "added", itemId: l.itemId, uom: l.uom, after: now });
    else if (prior.unitPrice !== l.unitPrice || JSON.stringify(prior.tierPrices) !== JSON.stringify(l.tierPrices)) {
      changes.push({
        change: "changed",
        itemId: l.itemId,
        uom: l.uom,
        before: { unitPrice: prior.unitPrice, tierPrices: prior.tierPrices },
        after: now,
      });
    }
  }
  for (const l of old.values()) {
    changes.push({
      change: "removed",
      itemId: l.itemId,
      uom: l.uom,
      before: { unitPrice: l.unitPrice, tierPrices: l.tierPrices },
    });
  }
  return changes;
}
