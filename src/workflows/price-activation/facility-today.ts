import type { Queryable } from "../../store/index.js";
import { systemClock } from "../timers/index.js";
import type { PriceActivationDeps } from "./activation-deps.js";
import { isTimeZone, localDay } from "./zoned-day-start.js";

/**
 * Today at a facility: the pricing date when a caller gives none. The facility's own day, not
 * UTC's, so the date agrees with its activations (in Los Angeles, 2027-01-01T03:00Z is still 2026-12-31).
 */
export async function facilityToday(
  q: Queryable,
  facilityId: string,
  deps: Pick<PriceActivationDeps, "clock" | "options"> | undefined,
): Promise<string> {
  const now = (deps?.clock ?? systemClock).now();
  const [row] = await q.query<{ body: { timeZone?: string } }>(
    "SELECT body FROM canonical_records WHERE entity_type = 'facility' AND id = $1",
    [facilityId],
  );
  const zone = row?.body.timeZone;
  if (zone && isTimeZone(zone)) return localDay(now, zone);
  return deps ? localDay(now, deps.options.defaultTimeZone) : now.toISOString().slice(0, 10);
}
