import type { Queryable } from "../../store/index.js";
import type { OnboardingStatus } from "./onboarding-status.js";

/**
 * Moves an onboarding from `from` to `to` and records the transition, in the caller's
 * transaction. The status guard makes each step happen once: a second worker (or a repeated
 * request) finding the status already moved changes nothing and gets false.
 */
export async function transition(
  tx: Queryable,
  t: {
    readonly id: string;
    readonly from: OnboardingStatus | readonly OnboardingStatus[];
    readonly to: OnboardingStatus;
    readonly reason: string;
    readonly actor: string;
    readonly at: Date;
  },
): Promise<boolean> {
  const from = typeof t.from === "string" ? [t.from] : [...t.from];
  const [moved] = await tx.query<{ previous: string }>(
    `UPDATE supplier_onboardings o SET status = $2, updated_at = $4
     FROM (SELECT id, status AS previous FROM supplier_onboardings WHERE id = $1) p
     WHERE o.id = p.id AND o.status = ANY($3::text[]) RETURNING p.previous`,
    [t.id, t.to, from, t.at.toISOString()],
  );
  if (!moved) return false;
  await recordTransition(tx, { ...t, from: moved.previous as OnboardingStatus });
  return true;
}

export async function recordTransition(
  tx: Queryable,
  t: {
    readonly id: string;
    readonly from: OnboardingStatus | null;
    readonly to: OnboardingStatus;
    readonly reason: string;
    readonly actor: string;
    readonly at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO supplier_onboarding_transitions (onboarding_id, from_status, to_status, reason, actor, at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.id, t.from, t.to, t.reason, t.actor, t.at.toISOString()],
  );
}
