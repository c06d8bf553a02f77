import type { MasterDataSnapshot } from "../../src/model/index.js";
import type { ClmState } from "../clm/types.js";
import type { ErpState } from "../erp/types.js";
import type { ProcurementState } from "../procurement/types.js";

export interface GenerateOptions {
  seed?: number;
  facilities?: number;
  suppliers?: number;
  items?: number;
  contracts?: number;
  /**
   * Load every contract's v1 into procurement and ERP at start (targets already in sync).
   * Off by default so a hub that pushes v1 itself does not meet a stale-revision 409.
   */
  preloadTargets?: boolean;
}

export interface SandboxDataset {
  canonical: MasterDataSnapshot;
  clm: ClmState;
  procurement: ProcurementState;
  erp: ErpState;
  /** Deliberate data gaps, so tests can find the records that exercise the hub's unhappy paths. */
  gaps: {
    /** Canonical item ids present in CLM and ERP but absent from the procurement catalog (no xref). */
    itemsMissingFromProcurement: string[];
  };
}

export const SANDBOX_SYSTEMS = ["clm", "procurement", "erp"] as const;
export type SandboxSystem = (typeof SANDBOX_SYSTEMS)[number];
