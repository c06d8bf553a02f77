import type { Contract } from "./contract.js";
import type { Item } from "./item.js";
import type { CostCenter, Facility, PurchasingEntity } from "./organization.js";
import type { Supplier } from "./supplier.js";
import type { Xref } from "./xref.js";

/** A full load of master data and contracts with every system's local ids: what a bootstrap imports. */
export interface MasterDataSnapshot {
  readonly purchasingEntities: readonly PurchasingEntity[];
  readonly facilities: readonly Facility[];
  readonly costCenters: readonly CostCenter[];
  readonly suppliers: readonly Supplier[];
  readonly items: readonly Item[];
  readonly contracts: readonly Contract[];
  readonly xrefs: readonly Xref[];
}
