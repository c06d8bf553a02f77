import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { HOUR_MS } from "../timers/index.js";
import { compileRequisitionOptions, type OrderingPartner } from "./requisition-options.js";

const PARTNERS: OrderingPartner[] = [
  { system: "distributor", x12: true, cxml: false, target: "x12-price-authorization" },
  { system: "network", x12: true, cxml: true, target: "cxml-order-request" },
  { system: "supplier-edi", x12: true, cxml: true },
  { system: "supplier-cxml", x12: false, cxml: true },
];

/** The exact message a bad option is refused with (a ConfigInvalid, named after the option). */
function refusal(input: Parameters<typeof compileRequisitionOptions>[0], partners = PARTNERS): string {
  try {
    compileRequisitionOptions(input, partners);
  } catch (e) {
    expect(e).toMatchObject({ code: Errors.ConfigInvalid.code });
    return (e as Error).message;
  }
  throw new Error("the options were accepted");
}

describe("compileRequisitionOptions", () => {
  it("fills every default", () => {
    expect(compileRequisitionOptions()).toEqual({
      amountApprovalThreshold: "5000.00",
      clinicalCategories: ["implant"],
      clinicalUnspscPrefixes: ["4232", "422034"],
      approvalOwners: {
        amount: "department-head",
        clinical: "value-analysis-committee",
        "off-contract": "purchasing",
        escalation: "supply-chain-director",
      },
      approvers: {},
      approvalSlaMs: 24 * HOUR_MS,
      fiscalYearStartMonth: 1,
      supplierPartners: {},
      defaultPartner: undefined,
      orderFormats: {},
    });
  });

  it("takes the only partner as the default partner, and none of several", () => {
    expect(compileRequisitionOptions({}, [PARTNERS[0]!]).defaultPartner).toBe("distributor");
    expect(compileRequisitionOptions({}, PARTNERS).defaultPartner).toBeUndefined();
  });

  it("defaults each partner's order format to what its target sends, else to its settings", () => {
    expect(compileRequisitionOptions({}, PARTNERS).orderFormats).toEqual({
      distributor: "x12-850",
      network: "cxml-order-request",
      "supplier-edi": "x12-850",
      "supplier-cxml": "cxml-order-request",
    });
    expect(
      compileRequisitionOptions({ orderFormats: { "supplier-edi": "cxml-order-request" } }, PARTNERS).orderFormats[
        "supplier-edi"
      ],
    ).toBe("cxml-order-request");
  });

  it("keeps given values and merges approval owners over the defaults", () => {
    const o = compileRequisitionOptions(
      {
        amountApprovalThreshold: "0",
        approvalOwners: { clinical: "vac" },
        approvers: { vac: ["vac-chair"] },
        approvalSlaMs: 1,
        fiscalYearStartMonth: 7,
        clinicalUnspscPrefixes: ["42"],
        supplierPartners: { "sup-1": "network" },
        defaultPartner: "distributor",
      },
      PARTNERS,
    );
    expect(o).toMatchObject({
      amountApprovalThreshold: "0",
      approvalOwners: { clinical: "vac", amount: "department-head" },
      approvers: { vac: ["vac-chair"] },
      approvalSlaMs: 1,
      fiscalYearStartMonth: 7,
      clinicalUnspscPrefixes: ["42"],
      supplierPartners: { "sup-1": "network" },
      defaultPartner: "distributor",
    });
  });

  it.each([
    [{ amountApprovalThreshold: "-1" }, "requisitionToPo.amountApprovalThreshold must be a decimal ≥ 0"],
    [{ amountApprovalThreshold: "5k" }, "requisitionToPo.amountApprovalThreshold must be a decimal ≥ 0"],
    [{ approvalSlaMs: 0 }, "requisitionToPo.approvalSlaMs must be a whole number of milliseconds ≥ 1"],
    [{ approvalSlaMs: 1.5 }, "requisitionToPo.approvalSlaMs must be a whole number of milliseconds ≥ 1"],
    [{ fiscalYearStartMonth: 0 }, "requisitionToPo.fiscalYearStartMonth must be 1 to 12"],
    [{ fiscalYearStartMonth: 13 }, "requisitionToPo.fiscalYearStartMonth must be 1 to 12"],
    [{ clinicalUnspscPrefixes: ["4"] }, "requisitionToPo.clinicalUnspscPrefixes: 4 is not 2-8 UNSPSC digits"],
    [{ clinicalUnspscPrefixes: ["42a1"] }, "requisitionToPo.clinicalUnspscPrefixes: 42a1 is not 2-8 UNSPSC digits"],
    [
      { supplierPartners: { "sup-9": "nobody" } },
      "requisitionToPo.supplierPartners: sup-9 names nobody, which is not a configured partner",
    ],
    [{ defaultPartner: "nobody" }, "requisitionToPo.defaultPartner: nobody is not a configured partner"],
    [
      { orderFormats: { nobody: "x12-850" as const } },
      "requisitionToPo.orderFormats: nobody is not a configured partner",
    ],
    [
      { orderFormats: { "supplier-cxml": "x12-850" as const } },
      "requisitionToPo.orderFormats: partner supplier-cxml has no x12 settings for x12-850",
    ],
    [
      { orderFormats: { distributor: "cxml-order-request" as const } },
      "requisitionToPo.orderFormats: partner distributor has no cxml settings for cxml-order-request",
    ],
    [
      { orderFormats: { network: "x12-850" as const } },
      "requisitionToPo.orderFormats: partner network's target is a cxml-order-request target, which sends cxml-order-request, not x12-850",
    ],
    [
      { orderFormats: { "supplier-edi": "edifact-orders" as "x12-850" } },
      'requisitionToPo.orderFormats: supplier-edi: format must be "x12-850" or "cxml-order-request"',
    ],
  ])("refuses %j: %s", (input, message) => {
    expect(refusal(input)).toBe(message);
  });
});
