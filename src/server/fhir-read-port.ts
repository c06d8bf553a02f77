import { type FhirReadPort, memoryFhirReadPort } from "../connectors/fhir/index.js";
import type { Facility, Item, Supplier } from "../model/index.js";
import type { Store } from "../store/index.js";

async function record<T>(store: Store, type: string, id: string): Promise<T | undefined> {
  const [row] = await store.query<{ body: T }>(
    "SELECT body FROM canonical_records WHERE entity_type = $1 AND id = $2",
    [type, id],
  );
  return row?.body;
}

async function all<T>(store: Store, type: string): Promise<T[]> {
  const rows = await store.query<{ body: T }>("SELECT body FROM canonical_records WHERE entity_type = $1 ORDER BY id", [
    type,
  ]);
  return rows.map((r) => r.body);
}

/**
 * The FHIR API's view of the canonical records in the store. Reads are by primary key; searches
 * load one entity type and apply the in-memory twin's search semantics, so both behave alike
 * (a health system's suppliers, facilities and items number in the thousands, not millions).
 */
export function storeFhirReadPort(store: Store): FhirReadPort {
  return {
    getSupplier: (id) => record<Supplier>(store, "supplier", id),
    getFacility: (id) => record<Facility>(store, "facility", id),
    getItem: (id) => record<Item>(store, "item", id),
    listSuppliers: async (f) => memoryFhirReadPort({ suppliers: await all(store, "supplier") }).listSuppliers(f),
    listFacilities: async (f) => memoryFhirReadPort({ facilities: await all(store, "facility") }).listFacilities(f),
    listItems: async (f) => memoryFhirReadPort({ items: await all(store, "item") }).listItems(f),
  };
}
