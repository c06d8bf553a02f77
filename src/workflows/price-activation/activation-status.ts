/** The workflow name of the price activation's durable timers. */
export const PRICE_ACTIVATION_WORKFLOW = "price-activation";

/** The actor of transitions the workflow makes by itself (timers, releases). */
export const ACTIVATION_ACTOR = "concord/price-activation";

export type PlanStatus = "scheduled" | "awaiting-decision" | "keep-old-price" | "activated" | "withdrawn";
export type ActivationDecision = "keep-old-price" | "activate-anyway";

/** Timer keys: one per (version, instant) for the activations, one per version for the deadline. */
export const timerKeys = {
  activate: (contractId: string, version: number, at: Date) => `${contractId}/v${version}@${at.toISOString()}`,
  deadline: (contractId: string, version: number) => `${contractId}/v${version}:deadline`,
  prefix: (contractId: string, version: number) => `${contractId}/v${version}`,
};

/** "ctr-1/v2@2027-01-01T05:00:00.000Z" or "ctr-1/v2:deadline" → its version and kind. */
export function parseTimerKey(key: string): { contractId: string; version: number; kind: "activate" | "deadline" } {
  const m = /^(.+)\/v(\d+)(@.+|:deadline)$/.exec(key);
  if (!m) throw new Error(`unknown price activation timer ${key}`);
  return { contractId: m[1]!, version: Number(m[2]), kind: m[3] === ":deadline" ? "deadline" : "activate" };
}
