import { compileMapping } from "../../mapping/index.js";
import type { ClmAgreementEvent } from "./native-schema.js";

/**
 * CLM agreement event → canonical contract (without its id: the contract's canonical id is found
 * or minted by the intake, since the CLM owns contracts and may create new ones).
 */
export const clmAgreementMapping = compileMapping<ClmAgreementEvent>({
  name: "clm.agreement",
  version: 1,
  fields: {
    kind: { const: "contract" },
    number: "agreement.agreementNo",
    version: "agreement.amendmentNo",
    title: "agreement.title",
    supplierId: { path: "agreement.vendorCode", xref: "supplier" },
    currency: "agreement.currencyCode",
    effectiveFrom: "agreement.startDate",
    expiresOn: "agreement.endDate",
    pricingDateBasis: {
      path: "agreement.priceBasis",
      codes: { ORDER_DATE: "order-date", SHIP_DATE: "ship-date", INVOICE_DATE: "invoice-date" },
    },
    activationAlignment: {
      path: "agreement.priceActivation",
      codes: { EFFECTIVE_DATE: "effective-date", FISCAL_PERIOD: "fiscal-period" },
      omitIfAbsent: true,
    },
    priceLines: {
      each: "agreement.pricing",
      fields: {
        lineNo: "lineRef",
        itemId: { path: "itemCode", xref: "item" },
        uom: { path: "uom", transform: "x12-uom-to-canonical" },
        unitPrice: { path: "price", transform: "decimal" },
        tierPrices: {
          each: "tiers",
          fields: {
            tier: { path: "tierCode", transform: "tier-code-to-number" },
            unitPrice: { path: "price", transform: "decimal" },
          },
        },
        effectiveFrom: { path: "validFrom", omitIfAbsent: true },
        expiresOn: { path: "validTo", omitIfAbsent: true },
      },
    },
    eligibility: {
      each: "agreement.sites",
      fields: {
        facilityId: { path: "siteCode", xref: "facility" },
        tier: { path: "tierCode", transform: "tier-code-to-number" },
        from: "eligibleFrom",
        to: { path: "eligibleTo", omitIfAbsent: true },
      },
    },
    rebates: {
      each: "agreement.incentives",
      fields: {
        kind: {
          path: "type",
          codes: { VOLUME_REBATE: "volume", ADMIN_FEE: "admin-fee", GROWTH_REBATE: "growth" },
        },
        percent: { path: "pct", transform: "decimal" },
        thresholdSpend: { path: "spendThreshold", transform: "decimal", omitIfAbsent: true },
        period: { path: "period", codes: { QUARTERLY: "quarterly", ANNUAL: "annual" } },
      },
    },
  },
});
