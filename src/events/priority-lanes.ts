/**
 * Delivery priorities (`deliveries.priority`, claimed highest first). A workflow marks an event
 * urgent by appending it with `priority: PRIORITY.urgent` (NewEvent.priority); replays run below
 * routine work (replayDeliveries).
 */
export const PRIORITY = {
  /** Clinically urgent work: overtakes routine work under a backlog. Anything ≥ this is urgent. */
  urgent: 10,
  routine: 0,
  /** Replays are at most this. */
  replay: -1,
} as const;

/** The default share of claimed deliveries kept for non-urgent work while urgent work waits. */
export const DEFAULT_ROUTINE_SHARE = 0.2;

/**
 * How many of a claim's `limit` slots go to the oldest non-urgent deliveries first, so routine work
 * keeps moving under a stream of urgent work: a running quota over every delivery claimed so far
 * (`claimedSoFar`), so one-slot claims (the usual case at capacity) still give every 1/share-th
 * slot to routine work instead of rounding it away.
 *
 * @example routineSlots(4, 1, 0.2) // 1: the fifth delivery claimed is a routine one
 */
export function routineSlots(claimedSoFar: number, limit: number, share: number): number {
  if (share <= 0 || limit <= 0) return 0;
  return Math.min(limit, Math.floor((claimedSoFar + limit) * share) - Math.floor(claimedSoFar * share));
}
