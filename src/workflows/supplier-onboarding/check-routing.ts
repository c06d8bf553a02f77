import type { Urgency } from "../../store/index.js";

/** The checks an onboarding goes through, in the order they are reported. */
export type CheckName =
  | "tin"
  | "w9"
  | "bank-routing"
  | "bank-change-approval"
  | "exclusion-leie"
  | "exclusion-sam"
  | "insurance"
  | "duplicate-vendor"
  | "erp-vendor-number";

/** Who acts on a failed check, how soon, and how urgent it is. */
export interface CheckRoute {
  readonly owner: "procurement" | "treasury" | "compliance" | "vendor-master";
  readonly slaHours: number;
  readonly urgency: Urgency;
}

/**
 * Routing of each check's exception. Compliance hits are a day (a payment to an excluded party is
 * a civil monetary penalty); bank details are treasury's (call-back verification, the usual
 * business-email-compromise defence); paperwork is procurement's, who talk to the supplier.
 */
export const CHECK_ROUTES: Readonly<Record<CheckName, CheckRoute>> = {
  tin: { owner: "procurement", slaHours: 72, urgency: "financial" },
  w9: { owner: "procurement", slaHours: 72, urgency: "financial" },
  "bank-routing": { owner: "treasury", slaHours: 48, urgency: "financial" },
  "bank-change-approval": { owner: "treasury", slaHours: 24, urgency: "financial" },
  "exclusion-leie": { owner: "compliance", slaHours: 24, urgency: "compliance" },
  "exclusion-sam": { owner: "compliance", slaHours: 24, urgency: "compliance" },
  insurance: { owner: "procurement", slaHours: 120, urgency: "compliance" },
  "duplicate-vendor": { owner: "vendor-master", slaHours: 48, urgency: "routine" },
  "erp-vendor-number": { owner: "vendor-master", slaHours: 24, urgency: "financial" },
};

/** The exception fields every check carries: its owner and when it is due. */
export function routeOf(check: CheckName, now: Date): CheckRoute & { readonly dueAt: string } {
  const r = CHECK_ROUTES[check];
  return { ...r, dueAt: new Date(now.getTime() + r.slaHours * 3_600_000).toISOString() };
}
