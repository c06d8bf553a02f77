import { compileMapping } from "../../mapping/index.js";

/** Canonical contract version → the procurement suite's contract catalog (PUT /contract-catalogs/:ref). */
export const procurementCatalogMapping = compileMapping({
  name: "procurement.contract-catalog",
  version: 1,
  fields: {
    contractRef: "contract.number",
    revision: "contract.version",
    supplierNumber: { path: "contract.supplierId", xref: "supplier" },
    currency: "contract.currency",
    validFrom: "contract.effectiveFrom",
    validTo: "contract.expiresOn",
    lines: {
      each: "contract.priceLines",
      fields: {
        catalogItemId: { path: "itemId", xref: "item" },
        unitOfMeasure: { path: "uom", transform: "canonical-to-x12-uom" },
        price: { object: { amount: "unitPrice", currency: "^.contract.currency" } },
        tierPrices: {
          each: "tierPrices",
          fields: {
            tier: "tier",
            price: { object: { amount: "unitPrice", currency: "^.contract.currency" } },
          },
        },
        validFrom: "effectiveFrom",
        validTo: "expiresOn",
      },
    },
    eligibleShipTos: {
      each: "contract.eligibility",
      fields: { shipToCode: { path: "facilityId", xref: "facility" }, tier: "tier", from: "from", to: "to" },
    },
  },
});
