import type { Contract } from "../../model/index.js";

export interface EligibleFacility {
  readonly facilityId: string;
  /** The tier the facility qualifies for on its activation day. */
  readonly tier: number;
  /** The later of the version's price start and the facility's eligibility start. */
  readonly day: string;
}

/**
 * The facilities a version's prices activate at, and when: each facility on the roster whose
 * eligibility has not ended by the version's price start, on the day it qualifies (a facility
 * joining later activates on its own start date), with the tier of the record that covers that
 * day. A facility off the roster gets no activation: the version never prices anything there.
 *
 * @example eligibleFacilities(c, "2027-01-01") // [{ facilityId: "fac-1", tier: 1, day: "2027-01-01" }, …]
 */
export function eligibleFacilities(contract: Contract, startDay: string): EligibleFacility[] {
  const byFacility = new Map<string, EligibleFacility>();
  for (const e of contract.eligibility) {
    if (e.to !== undefined && e.to < startDay) continue;
    if (e.from > contract.expiresOn) continue;
    const day = e.from > startDay ? e.from : startDay;
    const seen = byFacility.get(e.facilityId);
    // The record in force earliest wins; a later-starting one is a future tier change the price
    // resolver applies on its own date.
    if (!seen || day < seen.day) byFacility.set(e.facilityId, { facilityId: e.facilityId, tier: e.tier, day });
  }
  return [...byFacility.values()].sort((a, b) => a.facilityId.localeCompare(b.facilityId));
}
