import { Value } from "@sinclair/typebox/value";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ContractSchema,
  CostCenterSchema,
  FacilitySchema,
  ItemSchema,
  PurchasingEntitySchema,
  SupplierSchema,
  XrefSchema,
} from "../../src/model/index.js";
import { isValidGs1 } from "../shared/gs1.js";
import { generateHealthSystem } from "./index.js";
import type { SandboxDataset } from "./types.js";

let d: SandboxDataset;
beforeAll(() => {
  d = generateHealthSystem();
});

const expectValid = (schema: Parameters<typeof Value.Check>[0], values: readonly unknown[]) => {
  for (const v of values) {
    if (!Value.Check(schema, v))
      throw new Error(`${JSON.stringify([...Value.Errors(schema, v)][0])} in ${JSON.stringify(v).slice(0, 300)}`);
  }
};

describe("generateHealthSystem", () => {
  it("is deterministic per seed", () => {
    const opts = { seed: 7, facilities: 5, suppliers: 30, items: 300, contracts: 20 };
    expect(generateHealthSystem(opts)).toEqual(generateHealthSystem(opts));
    expect(generateHealthSystem({ ...opts, seed: 8 })).not.toEqual(generateHealthSystem(opts));
    expect(generateHealthSystem()).toEqual(d);
  });

  it("has the default shape of one IDN", () => {
    const c = d.canonical;
    expect(c.purchasingEntities).toHaveLength(1);
    const types = c.facilities.map((f) => f.type);
    expect(types.filter((t) => t === "hospital")).toHaveLength(4);
    expect(types.filter((t) => t === "clinic")).toHaveLength(8);
    expect(types.filter((t) => t === "ambulatory-surgery")).toHaveLength(1);
    expect(types.filter((t) => t === "distribution-center")).toHaveLength(1);
    expect([c.suppliers.length, c.items.length, c.contracts.length]).toEqual([300, 3000, 300]);
    expect(c.items.some((i) => i.clinicalCategory === "implant")).toBe(true);
    expect(c.items.filter((i) => i.unspsc.startsWith("42")).length).toBeGreaterThan(c.items.length / 2);
  });

  it("validates every canonical entity against the model schemas", () => {
    const c = d.canonical;
    expectValid(PurchasingEntitySchema, c.purchasingEntities);
    expectValid(FacilitySchema, c.facilities);
    expectValid(CostCenterSchema, c.costCenters);
    expectValid(SupplierSchema, c.suppliers);
    expectValid(ItemSchema, c.items);
    expectValid(ContractSchema, c.contracts);
    expectValid(XrefSchema, c.xrefs);
  });

  it("uses valid GS1 check digits, HINs and time zones", () => {
    for (const f of d.canonical.facilities) {
      expect(isValidGs1(f.gln!)).toBe(true);
      expect(f.hin).toMatch(/^[A-Z0-9]{9}$/);
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: f.timeZone })).not.toThrow();
    }
    for (const i of d.canonical.items) for (const p of i.packaging) if (p.gtin) expect(isValidGs1(p.gtin)).toBe(true);
    for (const s of d.canonical.suppliers) if (s.gln) expect(isValidGs1(s.gln)).toBe(true);
  });

  it("builds contracts with realistic, artifact-free prices", () => {
    for (const c of d.canonical.contracts) {
      expect(c.priceLines.length).toBeGreaterThanOrEqual(5);
      expect(c.priceLines.length).toBeLessThanOrEqual(60);
      expect(c.rebates.length).toBeLessThanOrEqual(2);
      expect(c.effectiveFrom.slice(0, 4)).toMatch(/^202[56]$/);
      for (const l of c.priceLines) {
        expect(l.unitPrice).toMatch(/^\d+\.\d{2,4}$/);
        const tiers = l.tierPrices.map((t) => Number(t.unitPrice));
        if (tiers.length > 0) {
          expect(l.tierPrices.map((t) => t.tier)).toEqual([1, 2, 3]);
          expect(tiers[0]!).toBeLessThan(tiers[1]!);
          expect(tiers[1]!).toBeLessThan(tiers[2]!);
          expect(tiers[2]!).toBeLessThan(Number(l.unitPrice));
        }
      }
    }
    expect(d.canonical.contracts.filter((c) => c.pricingDateBasis === "order-date").length).toBeGreaterThan(200);
  });

  it("keeps referential integrity across canonical data and xrefs", () => {
    const c = d.canonical;
    const xref = new Set(c.xrefs.map((x) => `${x.system}/${x.entityType}/${x.canonicalId}`));
    const facilities = new Set(c.facilities.map((f) => f.id));
    const suppliers = new Set(c.suppliers.map((s) => s.id));
    const items = new Set(c.items.map((i) => i.id));
    for (const ct of c.contracts) {
      expect(suppliers.has(ct.supplierId)).toBe(true);
      for (const sys of ["clm", "procurement", "erp"]) {
        expect(xref.has(`${sys}/contract/${ct.id}`)).toBe(true);
        expect(xref.has(`${sys}/supplier/${ct.supplierId}`)).toBe(true);
        for (const l of ct.priceLines) expect(xref.has(`${sys}/item/${l.itemId}`), `${sys} ${l.itemId}`).toBe(true);
        for (const e of ct.eligibility) expect(xref.has(`${sys}/facility/${e.facilityId}`)).toBe(true);
      }
      for (const l of ct.priceLines) expect(items.has(l.itemId)).toBe(true);
      for (const e of ct.eligibility) expect(facilities.has(e.facilityId)).toBe(true);
    }
    // Local ids are unique per system and entity type (two records never share one).
    const locals = c.xrefs.map((x) => `${x.system}/${x.entityType}/${x.localId}`);
    expect(new Set(locals).size).toBe(locals.length);
  });

  it("leaves ~1% of items out of the procurement catalog, and out of v1 contracts", () => {
    const missing = new Set(d.gaps.itemsMissingFromProcurement);
    expect(missing.size).toBe(30);
    const prc = d.canonical.xrefs.filter((x) => x.system === "procurement" && x.entityType === "item");
    expect(prc.some((x) => missing.has(x.canonicalId))).toBe(false);
    expect(d.procurement.catalogItems).toHaveLength(3000 - 30);
    expect(d.clm.items).toHaveLength(3000);
    expect(d.erp.items).toHaveLength(3000);
    for (const ct of d.canonical.contracts) for (const l of ct.priceLines) expect(missing.has(l.itemId)).toBe(false);
  });

  it("gives each system its own native id formats", () => {
    expect(d.clm.agreements[0]!.agreementNo).toMatch(/^AGR-202[56]-\d{5}$/);
    expect(d.clm.vendors[0]!.vendorCode).toMatch(/^VND-\d{5}$/);
    expect(d.clm.items[0]!.itemCode).toMatch(/^CLM-ITM-\d{6}$/);
    expect(d.clm.sites[0]!.siteCode).toMatch(/^SITE-\d{2}$/);
    expect(d.procurement.suppliers[0]!.supplierNumber).toMatch(/^SUP-\d{4}$/);
    expect(d.procurement.catalogItems[0]!.catalogItemId).toMatch(/^PRC-\d{6}$/);
    expect(d.procurement.shipTos[0]!.shipToCode).toMatch(/^ST-[A-Z0-9]+$/);
    expect(d.erp.vendors[0]!.VENDOR_NUM).toMatch(/^\d{6}$/);
    expect(d.erp.items[0]!.ITEM_NUMBER).toMatch(/^MED-\d{6}$/);
    expect(d.erp.orgs.map((o) => o.ORG_CODE)).toContain("H01");
    expect(d.erp.orgs.map((o) => o.ORG_CODE)).toContain("D01");
    expect(d.procurement.contractCatalogs).toEqual([]);
    expect(d.clm.agreements[0]!.amendmentNo).toBe(1);
  });

  it("gives the EDI distributor its own ids for every supplier, item, facility and contract", () => {
    const c = d.canonical;
    const dist = c.xrefs.filter((x) => x.system === "distributor");
    const of = (type: string) => dist.filter((x) => x.entityType === type);
    const covers = (type: string, ids: string[]) =>
      expect(new Set(of(type).map((x) => x.canonicalId))).toEqual(new Set(ids));
    covers(
      "facility",
      c.facilities.map((f) => f.id),
    );
    covers(
      "supplier",
      c.suppliers.map((s) => s.id),
    );
    covers(
      "item",
      c.items.map((i) => i.id),
    );
    covers(
      "contract",
      c.contracts.map((k) => k.id),
    );
    for (const x of of("facility")) expect(x.localId).toMatch(/^SHIP-\d{3}$/);
    for (const x of of("supplier")) expect(x.localId).toMatch(/^MFR-\d{5}$/);
    for (const x of of("item")) expect(x.localId).toMatch(/^DST-\d{6}$/);
    for (const x of of("contract")) expect(x.localId).toBe(c.contracts.find((k) => k.id === x.canonicalId)!.number);
    // Its own numbering: item n is not canonical item n.
    expect(of("item").filter((x) => x.localId.slice(-5) === x.canonicalId.slice(-5)).length).toBeLessThan(30);
    for (const type of ["facility", "supplier", "item"])
      expect(new Set(of(type).map((x) => x.localId)).size).toBe(of(type).length);
  });

  it("can preload v1 into the targets", () => {
    const p = generateHealthSystem({
      seed: 3,
      facilities: 4,
      suppliers: 10,
      items: 100,
      contracts: 5,
      preloadTargets: true,
    });
    expect(p.procurement.contractCatalogs).toHaveLength(5);
    expect(p.erp.blanketAgreements).toHaveLength(5);
    expect(p.erp.blanketAgreements[0]!.REVISION_NUM).toBe(1);
  });
});
