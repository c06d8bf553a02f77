import type { Facility, Item, Supplier } from "../../model/index.js";

/** An identifier a FHIR search named, already translated from its system to a Concord scheme. */
export interface IdentifierFilter {
  readonly scheme: "gln" | "duns" | "hin" | "canonical" | "gtin" | "manufacturer-part-no" | "any";
  readonly value: string;
}

/**
 * Search semantics every implementation keeps (FHIR's defaults): `name` matches when the record's
 * name starts with it, ignoring case; `identifier` matches exactly on the scheme named (`any` =
 * any identifier the record has). Both given = both must match. No filter = everything.
 */
export interface PartyFilter {
  readonly identifier?: IdentifierFilter;
  readonly name?: string;
}

export interface ItemFilter {
  readonly identifier?: IdentifierFilter;
}

/** What the FHIR API reads; the lead wires a store-backed one, tests use memoryFhirReadPort. */
export interface FhirReadPort {
  getSupplier(id: string): Promise<Supplier | undefined>;
  listSuppliers(filter: PartyFilter): Promise<readonly Supplier[]>;
  getFacility(id: string): Promise<Facility | undefined>;
  listFacilities(filter: PartyFilter): Promise<readonly Facility[]>;
  getItem(id: string): Promise<Item | undefined>;
  listItems(filter: ItemFilter): Promise<readonly Item[]>;
}

const startsWith = (name: string, prefix: string | undefined) =>
  prefix === undefined || name.toLocaleLowerCase("en-US").startsWith(prefix.toLocaleLowerCase("en-US"));

function idMatches(ids: Readonly<Record<string, string | undefined>>, f: IdentifierFilter | undefined): boolean {
  if (!f) return true;
  if (f.scheme === "any") return Object.values(ids).includes(f.value);
  return ids[f.scheme] === f.value;
}

/** The in-memory twin of the FHIR read port, keeping the search semantics above. */
export function memoryFhirReadPort(data: {
  readonly suppliers?: readonly Supplier[];
  readonly facilities?: readonly Facility[];
  readonly items?: readonly Item[];
}): FhirReadPort {
  const suppliers = data.suppliers ?? [];
  const facilities = data.facilities ?? [];
  const items = data.items ?? [];
  return {
    getSupplier: async (id) => suppliers.find((s) => s.id === id),
    listSuppliers: async (f) =>
      suppliers.filter(
        (s) => startsWith(s.name, f.name) && idMatches({ canonical: s.id, duns: s.duns, gln: s.gln }, f.identifier),
      ),
    getFacility: async (id) => facilities.find((x) => x.id === id),
    listFacilities: async (f) =>
      facilities.filter(
        (x) => startsWith(x.name, f.name) && idMatches({ canonical: x.id, gln: x.gln, hin: x.hin }, f.identifier),
      ),
    getItem: async (id) => items.find((i) => i.id === id),
    listItems: async (f) =>
      items.filter((i) => {
        const id = f.identifier;
        if (!id) return true;
        // Every packaging level's GTIN names the item too (a case GTIN scanned at the dock).
        const gtins = [i.gtin, ...i.packaging.map((p) => p.gtin)].filter((g) => g !== undefined);
        switch (id.scheme) {
          case "gtin":
            return gtins.includes(id.value);
          case "canonical":
            return i.id === id.value;
          case "manufacturer-part-no":
            return i.manufacturerPartNo === id.value;
          case "any":
            return [...gtins, i.id, i.manufacturerPartNo].includes(id.value);
          default:
            return false;
        }
      }),
  };
}
