import type { Xref } from "../../src/model/index.js";
import type { ClmState } from "../clm/types.js";
import type { ErpState } from "../erp/types.js";
import type { ProcurementState } from "../procurement/types.js";
import type { Rng } from "../shared/prng.js";
import { toX12 } from "../shared/uom.js";
import type { GeneratedItem } from "./items.js";
import type { Organization } from "./organization.js";
import type { GeneratedSupplier } from "./suppliers.js";

const pad = (n: number, w: number) => String(n).padStart(w, "0");

export interface NativeMasters {
  xrefs: Xref[];
  clm: Omit<ClmState, "agreements">;
  procurement: Omit<ProcurementState, "contractCatalogs">;
  erp: Omit<ErpState, "blanketAgreements">;
}

/**
 * Each system numbers records its own way (and in its own order: procurement and ERP were loaded
 * from different extracts), so local ids never line up with canonical ids or with each other.
 */
export function buildNativeMasters(
  rng: Rng,
  org: Organization,
  suppliers: readonly GeneratedSupplier[],
  items: readonly GeneratedItem[],
  missingFromProcurement: ReadonlySet<string>,
): NativeMasters {
  const xrefs: Xref[] = [];
  const xref = (system: string, entityType: Xref["entityType"], localId: string, canonicalId: string) =>
    xrefs.push({ system, entityType, localId, canonicalId });
  const m: NativeMasters = {
    xrefs,
    clm: { vendors: [], items: [], sites: [] },
    procurement: { suppliers: [], catalogItems: [], shipTos: [] },
    erp: { vendors: [], items: [], orgs: [], costCenters: [] },
  };

  xref("erp", "purchasing-entity", "CHS", org.purchasingEntity.id);
  const orgCounters: Record<string, number> = {};
  const shipTos = new Set<string>();
  for (const [i, f] of org.facilities.entries()) {
    const siteCode = `SITE-${pad(i + 1, 2)}`;
    const letter = { hospital: "H", clinic: "C", "ambulatory-surgery": "A", "distribution-center": "D" }[f.type];
    orgCounters[letter] = (orgCounters[letter] ?? 0) + 1;
    const orgCode = `${letter}${pad(orgCounters[letter], 2)}`;
    const stem = `ST-${f.address.city
      .replace(/[^A-Za-z]/g, "")
      .slice(0, 4)
      .toUpperCase()}${letter}`;
    let shipTo = stem;
    for (let n = 2; shipTos.has(shipTo); n++) shipTo = `${stem}${n}`;
    shipTos.add(shipTo);
    xref("clm", "facility", siteCode, f.id);
    xref("procurement", "facility", shipTo, f.id);
    xref("erp", "facility", orgCode, f.id);
    const clmType = { H: "HOSPITAL", C: "CLINIC", A: "ASC", D: "WAREHOUSE" } as const;
    m.clm.sites.push({ siteCode, siteName: f.name, siteType: clmType[letter as keyof typeof clmType] });
    m.procurement.shipTos.push({
      shipToCode: shipTo,
      name: f.name.toUpperCase(),
      street: f.address.line1,
      city: f.address.city,
      state: f.address.region,
      zip: f.address.postalCode,
    });
    const erpType = { H: "HOSPITAL", C: "CLINIC", A: "ASC", D: "DC" } as const;
    m.erp.orgs.push({
      ORG_CODE: orgCode,
      ORG_NAME: f.name,
      ORG_TYPE: erpType[letter as keyof typeof erpType],
      TIME_ZONE: f.timeZone,
    });
    for (const cc of org.costCenters.filter((c) => c.facilityId === f.id)) {
      xref("erp", "cost-center", `${orgCode}-${cc.code}`, cc.id);
      m.erp.costCenters.push({
        ORG_CODE: orgCode,
        COST_CENTER: cc.code,
        DESCRIPTION: cc.name.toUpperCase().slice(0, 60),
      });
    }
  }

  const supPerm = rng.shuffle(suppliers.map((_, i) => i));
  const vendPerm = rng.shuffle(suppliers.map((_, i) => i));
  for (const [i, { supplier: s }] of suppliers.entries()) {
    const vendorCode = `VND-${pad(i + 1, 5)}`;
    const supplierNumber = `SUP-${pad(supPerm[i]! + 1, 4)}`;
    const vendorNum = String(100_000 + vendPerm[i]! + 1);
    xref("clm", "supplier", vendorCode, s.id);
    xref("procurement", "supplier", supplierNumber, s.id);
    xref("erp", "supplier", vendorNum, s.id);
    const clmStatus = { active: "APPROVED", onboarding: "PENDING", inactive: "INACTIVE" } as const;
    m.clm.vendors.push({
      vendorCode,
      vendorName: s.name,
      dunsNo: s.duns ?? null,
      vendorStatus: clmStatus[s.status],
    });
    const prcStatus = { active: "QUALIFIED", onboarding: "IN_PROGRESS", inactive: "BLOCKED" } as const;
    m.procurement.suppliers.push({
      supplierNumber,
      legalName: s.name,
      duns: s.duns ?? null,
      paymentTerms: `Net ${s.paymentTermsNetDays}`,
      onboardingStatus: prcStatus[s.status],
    });
    m.erp.vendors.push({
      VENDOR_NUM: vendorNum,
      VENDOR_NAME: s.name.toUpperCase(),
      DUNS_NUMBER: s.duns ?? null,
      PAYMENT_TERMS: `NET${s.paymentTermsNetDays}`,
      ENABLED_FLAG: s.status === "inactive" ? "N" : "Y",
    });
  }

  const prcPerm = rng.shuffle(items.map((_, i) => i));
  const erpPerm = rng.shuffle(items.map((_, i) => i));
  for (const [i, { item }] of items.entries()) {
    const itemCode = `CLM-ITM-${pad(i + 1, 6)}`;
    const erpNumber = `MED-${pad(erpPerm[i]! + 1, 6)}`;
    xref("clm", "item", itemCode, item.id);
    xref("erp", "item", erpNumber, item.id);
    const order = item.packaging[1] ?? item.packaging[0]!;
    m.clm.items.push({
      itemCode,
      itemName: item.description,
      mfrName: item.manufacturerName,
      mfrCatalogNo: item.manufacturerPartNo,
      unspscCode: item.unspsc,
      defaultUom: toX12(order.uom),
    });
    m.erp.items.push({
      ITEM_NUMBER: erpNumber,
      DESCRIPTION: item.description.toUpperCase().slice(0, 240),
      PRIMARY_UOM_CODE: toX12(item.baseUom),
      UNSPSC_CODE: item.unspsc,
      MFR_NAME: item.manufacturerName.toUpperCase(),
      MFR_PART_NUM: item.manufacturerPartNo,
      ITEM_STATUS: item.status === "active" ? "Active" : "Inactive",
    });
    if (missingFromProcurement.has(item.id)) continue;
    const catalogItemId = `PRC-${100_000 + prcPerm[i]!}`;
    xref("procurement", "item", catalogItemId, item.id);
    m.procurement.catalogItems.push({
      catalogItemId,
      shortText: item.description.slice(0, 80),
      manufacturer: item.manufacturerName,
      manufacturerPartNumber: item.manufacturerPartNo,
      gtin: order.gtin ?? null,
      unspsc: item.unspsc,
      orderUnit: toX12(order.uom),
      contentQuantity: order.quantityOfBase,
    });
  }
  return m;
}

/**
 * The distributor's own numbering (it trades EDI, so it has no native load here, only the ids the
 * hub names its records by in the 845): ship-tos `SHIP-003`, manufacturers `MFR-00042`, items
 * `DST-001234`. Drawn from its own PRNG stream, after every other system, so adding it changed no
 * other output of a seed.
 */
export function buildDistributorXrefs(
  rng: Rng,
  org: Organization,
  suppliers: readonly GeneratedSupplier[],
  items: readonly GeneratedItem[],
): Xref[] {
  const xref = (entityType: Xref["entityType"], localId: string, canonicalId: string): Xref => ({
    system: "distributor",
    entityType,
    localId,
    canonicalId,
  });
  const shipPerm = rng.shuffle(org.facilities.map((_, i) => i));
  const mfrPerm = rng.shuffle(suppliers.map((_, i) => i));
  const itemPerm = rng.shuffle(items.map((_, i) => i));
  return [
    ...org.facilities.map((f, i) => xref("facility", `SHIP-${pad(shipPerm[i]! + 1, 3)}`, f.id)),
    ...suppliers.map(({ supplier: s }, i) => xref("supplier", `MFR-${pad(mfrPerm[i]! + 1, 5)}`, s.id)),
    ...items.map(({ item }, i) => xref("item", `DST-${pad(itemPerm[i]! + 1, 6)}`, item.id)),
  ];
}
