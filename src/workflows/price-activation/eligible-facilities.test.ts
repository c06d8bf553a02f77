import { describe, expect, it } from "vitest";
import type { Contract } from "../../model/index.js";
import { eligibleFacilities } from "./eligible-facilities.js";

const contract = (eligibility: Contract["eligibility"]): Contract =>
  ({ effectiveFrom: "2027-01-01", expiresOn: "2027-12-31", eligibility }) as unknown as Contract;

describe("eligibleFacilities: who gets an activation, when and at which tier", () => {
  it("activates rostered facilities on the start day, a later joiner on its own day, and no one whose eligibility ended", () => {
    const c = contract([
      { facilityId: "fac-2", tier: 2, from: "2026-01-01" },
      { facilityId: "fac-1", tier: 1, from: "2026-01-01", to: "2027-06-30" },
      { facilityId: "fac-3", tier: 1, from: "2027-03-01" },
      { facilityId: "fac-4", tier: 1, from: "2025-01-01", to: "2026-12-31" },
      { facilityId: "fac-5", tier: 1, from: "2028-02-01" },
    ]);
    expect(eligibleFacilities(c, "2027-01-01")).toEqual([
      { facilityId: "fac-1", tier: 1, day: "2027-01-01" },
      { facilityId: "fac-2", tier: 2, day: "2027-01-01" },
      { facilityId: "fac-3", tier: 1, day: "2027-03-01" },
    ]);
  });

  it("takes the tier of the record in force first when a facility has a future tier change", () => {
    const c = contract([
      { facilityId: "fac-1", tier: 3, from: "2027-05-01" },
      { facilityId: "fac-1", tier: 2, from: "2026-01-01", to: "2027-04-30" },
    ]);
    expect(eligibleFacilities(c, "2027-01-01")).toEqual([{ facilityId: "fac-1", tier: 2, day: "2027-01-01" }]);
  });
});
