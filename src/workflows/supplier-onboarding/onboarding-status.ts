/**
 * The onboarding state machine. Every change is one transaction that also writes its transition
 * row and whatever it causes (exceptions, outbox events, timers, approvals):
 *
 *   requested ──checks──► blocked             (a check failed: exceptions say who fixes what)
 *       │            └──► awaiting_approval   (bank change: two different approvers)
 *       │                     ├─ rejected     (an approver said no)
 *       └────────────────────►┴─ vendor_requested ──number──► payable
 *                                     └─timeout─► vendor_overdue ──number──► payable
 */
export type OnboardingStatus =
  | "requested"
  | "blocked"
  | "awaiting_approval"
  | "vendor_requested"
  | "vendor_overdue"
  | "payable"
  | "rejected";

/** The workflow's name on its timers. */
export const ONBOARDING_WORKFLOW = "supplier-onboarding";

/** Its timers' keys: one per onboarding step, one recurring for the whole supplier master. */
export const timerKeys = {
  checks: (id: string) => `${id}:checks`,
  vendorNumber: (id: string) => `${id}:vendor-number`,
  insurance: (id: string) => `${id}:insurance`,
  rescreen: "rescreen",
} as const;

/** The system the workflow acts as when no person does (transitions, audit). */
export const WORKFLOW_ACTOR = "concord:supplier-onboarding";
