import type { CompiledMapping } from "../mapping/index.js";
import { analyticsContractPricesMapping } from "./analytics-sink/mapping.js";
import { clmAgreementMapping } from "./clm-agreements/mapping.js";
import { erpBlanketAgreementMapping } from "./erp-purchasing/mapping.js";
import { procurementCatalogMapping } from "./procurement-catalog/mapping.js";

export interface MappingEntry {
  readonly mapping: CompiledMapping<unknown, Record<string, unknown>>;
  /** inbound: native → canonical, ids translated local → canonical; outbound: the reverse. */
  readonly direction: "inbound" | "outbound";
  /** The system whose local ids the mapping translates to or from. */
  readonly system: string;
  readonly source: string;
  readonly target: string;
}

/** Every declarative mapping Concord runs, by name: what `concord mapping` lists and tests. */
export const MAPPING_CATALOG: readonly MappingEntry[] = [
  {
    mapping: clmAgreementMapping as MappingEntry["mapping"],
    direction: "inbound",
    system: "clm",
    source: "CLM agreement event (POST /v1/inbound/clm/agreement-events body)",
    target: "canonical contract (without its id)",
  },
  {
    mapping: procurementCatalogMapping as MappingEntry["mapping"],
    direction: "outbound",
    system: "procurement",
    source: "contract event payload ({contract, xrefs})",
    target: "procurement contract catalog (PUT /contract-catalogs/{ref})",
  },
  {
    mapping: erpBlanketAgreementMapping as MappingEntry["mapping"],
    direction: "outbound",
    system: "erp",
    source: "contract event payload ({contract, xrefs})",
    target: "ERP blanket purchase agreement",
  },
  {
    mapping: analyticsContractPricesMapping as MappingEntry["mapping"],
    direction: "outbound",
    system: "analytics",
    source: "contract event payload ({contract, xrefs})",
    target: "analytics contract price rows",
  },
];

export function findMapping(name: string): MappingEntry | undefined {
  return MAPPING_CATALOG.find((e) => e.mapping.name === name);
}
