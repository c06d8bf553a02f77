import { compileMapping } from "../../mapping/index.js";
import { netDays } from "./net-days.js";

/**
 * The procurement suite's records read back into canonical form: the mirror of
 * procurementCatalogMapping (src/connectors/procurement-catalog), so a catalog Concord sent maps
 * back to the contract it came from.
 */
export const procurementCatalogInbound = compileMapping({
  name: "procurement.contract-catalog.inbound",
  version: 1,
  fields: {
    number: "contractRef",
    version: "revision",
    supplierId: { path: "supplierNumber", xref: "supplier" },
    currency: "currency",
    effectiveFrom: "validFrom",
    expiresOn: "validTo",
    priceLines: {
      each: "lines",
      fields: {
        itemId: { path: "catalogItemId", xref: "item" },
        uom: { path: "unitOfMeasure", transform: "x12-uom-to-canonical" },
        unitPrice: { path: "price.amount", transform: "decimal" },
        tierPrices: {
          each: "tierPrices",
          fields: { tier: "tier", unitPrice: { path: "price.amount", transform: "decimal" } },
        },
        effectiveFrom: { path: "validFrom", omitIfAbsent: true },
        expiresOn: { path: "validTo", omitIfAbsent: true },
      },
    },
    eligibility: {
      each: "eligibleShipTos",
      fields: {
        facilityId: { path: "shipToCode", xref: "facility" },
        tier: "tier",
        from: "from",
        to: { path: "to", omitIfAbsent: true },
      },
    },
  },
});

export const procurementSupplierInbound = compileMapping({
  name: "procurement.supplier.inbound",
  version: 1,
  fields: {
    id: { path: "supplierNumber", xref: "supplier" },
    name: "legalName",
    duns: "duns",
    paymentTermsNetDays: { compute: (src) => netDays((src as { paymentTerms?: unknown }).paymentTerms) },
    status: {
      path: "onboardingStatus",
      codes: { QUALIFIED: "active", IN_PROGRESS: "onboarding", BLOCKED: "inactive" },
    },
  },
});

export const procurementItemInbound = compileMapping({
  name: "procurement.catalog-item.inbound",
  version: 1,
  fields: {
    id: { path: "catalogItemId", xref: "item" },
    description: "shortText",
    manufacturerName: "manufacturer",
    manufacturerPartNo: "manufacturerPartNumber",
    unspsc: "unspsc",
  },
});
