/** The exclusion lists Concord screens suppliers against. */
export type ExclusionSource = "leie" | "sam";

export const EXCLUSION_SOURCES: readonly ExclusionSource[] = ["leie", "sam"];

export const SOURCE_NAMES: Readonly<Record<ExclusionSource, string>> = {
  leie: "OIG LEIE",
  sam: "SAM.gov exclusions",
};

/** One excluded party, from either list, in the form screening compares. */
export interface ExclusionEntry {
  readonly name: string;
  readonly entityKind: "entity" | "individual";
  readonly address?: string;
  readonly state?: string;
  /** Identifiers the list gives: npi (LEIE), uei / duns / cage (SAM). */
  readonly ids: Readonly<Record<string, string>>;
  /** ISO date the exclusion took effect. */
  readonly excludedOn?: string;
  /** LEIE EXCLTYPE (e.g. "1128a1") or SAM "Exclusion Type" (e.g. "Ineligible (Proceedings Completed)"). */
  readonly exclusionType?: string;
}
