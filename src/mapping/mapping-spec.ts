import type { EntityType } from "../model/index.js";

/**
 * A mapping is data: an object whose keys are the output fields and whose values say where each
 * comes from. compileMapping() turns it into a plain function once, at start-up.
 *
 * - "a.b"                            copy the value at that path of the source ("^.a.b": of the
 *                                    whole document, from inside an `each`)
 * - { path, xref: "item" }           translate an id through the cross-reference table
 * - { path, codes: {A: "x"} }        translate a code through a table (unknown code = issue)
 * - { path, transform: "x12-uom" }   apply a named transform (see transforms.ts)
 * - { path, default: v }             use v when the source value is absent or null
 * - { const: v }                     always v
 * - { each: "lines", fields: {...} } map every element of an array with a nested spec
 * - { object: {...} }                build a nested object from the same source
 * - { compute: (src, root) => v }    escape hatch for what cannot be declared (keep rare)
 */
export type FieldRule =
  | string
  | {
      readonly path: string;
      readonly xref?: EntityType;
      readonly codes?: Readonly<Record<string, unknown>>;
      readonly transform?: string;
      readonly default?: unknown;
      /** Leave the field out of the output when the source is absent (instead of null). */
      readonly omitIfAbsent?: boolean;
    }
  | { readonly const: unknown }
  | { readonly each: string; readonly fields: MappingFields; readonly where?: (el: unknown) => boolean }
  | { readonly object: MappingFields }
  | { readonly compute: (src: unknown, root: unknown) => unknown };

export interface MappingFields {
  readonly [field: string]: FieldRule;
}

export interface MappingSpec {
  /** e.g. "erp.blanket-agreement"; recorded with what it produced. */
  readonly name: string;
  readonly version: number;
  readonly fields: MappingFields;
}

/** Resolves an id of one system to another's (local→canonical inbound, canonical→local outbound). */
export type XrefResolver = (entityType: EntityType, id: string) => string | undefined;

export interface MappingIssue {
  /** JSON pointer into the SOURCE document. */
  readonly path: string;
  readonly rule: "xref" | "code" | "transform";
  readonly message: string;
  readonly entityType?: EntityType;
  readonly id?: string;
}

export interface CompiledMapping<S = unknown, T = Record<string, unknown>> {
  readonly name: string;
  readonly version: number;
  /** Maps a source; unresolvable values become issues (never thrown), so all are reported at once. */
  map(source: S, resolve: XrefResolver): { value: T; issues: MappingIssue[] };
  /** Every id the source would need translated, to prefetch cross-references in one query. */
  refs(source: S): { entityType: EntityType; id: string }[];
}
