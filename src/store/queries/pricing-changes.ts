import { Errors } from "../../errors/index.js";
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

export interface PricingChangesPage {
  readonly items: readonly PricingChange[];
  /** Pass as `cursor` for the next page; absent on the last one. */
  readonly next?: string;
}

/**
 * Released contract versions after `since`, ordered by (released_at, contract, version) with a
 * keyset cursor: a page never skips or repeats a version even when many share one timestamp.
 */
export async function pricingChangesSince(
  q: Queryable,
  o: { readonly since: string; readonly limit: number; readonly cursor?: string },
): Promise<PricingChangesPage> {
  const after = o.cursor ? decodeCursor(o.cursor) : { releasedAt: o.since, contractId: "", version: 0 };
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
    [after.releasedAt, after.contractId, after.version, o.limit + 1, o.cursor !== undefined],
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
    ? {
        items,
        next: encodeCursor({ releasedAt: last.released_key, contractId: last.contract_id, version: last.version }),
      }
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

interface Cursor {
  readonly releasedAt: string;
  readonly contractId: string;
  readonly version: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.releasedAt, c.contractId, c.version])).toString("base64url");
}

function decodeCursor(s: string): Cursor {
  try {
    const [releasedAt, contractId, version] = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown[];
    if (
      typeof releasedAt === "string" &&
      !Number.isNaN(Date.parse(releasedAt)) &&
      typeof contractId === "string" &&
      Number.isInteger(version)
    ) {
      return { releasedAt, contractId, version: version as number };
    }
  } catch {
    // fall through to the error below
  }
  throw Errors.InputQuery("cursor is not one this API gave out; pass `next` from the previous page unchanged", {
    parameter: "cursor",
  });
}
