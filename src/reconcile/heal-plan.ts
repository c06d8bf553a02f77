import type { HealNote, ReconcileSystem } from "./reconcile-types.js";

/**
 * The business keys a run would repair, and at which targets: one entry per contract version
 * (or master record), however many of its rows drifted. Holds keys only, never records, so it
 * grows with the drifted contracts, not with the rows compared.
 */
export class HealPlan {
  /** `${contractId}\u0000${version}` → targets. */
  readonly contracts = new Map<string, Set<string>>();
  /** `${entityType}\u0000${canonicalId}` → targets. */
  readonly masters = new Map<string, Set<string>>();

  constructor(
    private readonly enabled: boolean,
    /** Systems that receive `supplier.changed` / `item.changed` events (a master-data connector). */
    private readonly masterDataTargets: ReadonlySet<string>,
  ) {}

  contract(sys: ReconcileSystem, contractId: string, version: number): HealNote {
    if (this.enabled) add(this.contracts, `${contractId}\u0000${version}`, sys.system);
    return {
      action: "resend-contract",
      reason: this.enabled
        ? `version ${version} re-sent to ${sys.system}`
        : `would re-send version ${version} (heal was off)`,
    };
  }

  master(sys: ReconcileSystem, entityType: "supplier" | "item", canonicalId: string): HealNote {
    if (!this.masterDataTargets.has(sys.system)) {
      return {
        action: "none",
        reason: `no connector delivers ${entityType} records to ${sys.system}; correct it there`,
      };
    }
    if (this.enabled) add(this.masters, `${entityType}\u0000${canonicalId}`, sys.system);
    return {
      action: "resend-master",
      reason: this.enabled
        ? `${entityType} re-sent to ${sys.system}`
        : `would re-send the ${entityType} (heal was off)`,
    };
  }
}

function add(map: Map<string, Set<string>>, key: string, target: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(target);
  map.set(key, set);
}
