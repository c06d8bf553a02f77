import type { TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler, type ValueError, ValueErrorType } from "@sinclair/typebox/compiler";
import { checkContractRules } from "./contract-rules.js";
import type { Issue } from "./issue.js";
import { DecimalString, IsoDate, NonNegativeDecimal } from "./schemas/common.js";
import { type Contract, ContractSchema } from "./schemas/contract.js";
import { type Item, ItemSchema } from "./schemas/item.js";
import {
  type CostCenter,
  CostCenterSchema,
  type Facility,
  FacilitySchema,
  type PurchasingEntity,
  PurchasingEntitySchema,
} from "./schemas/organization.js";
import { type Supplier, SupplierSchema } from "./schemas/supplier.js";
import type { EntityType } from "./schemas/xref.js";

export { checkContractRules } from "./contract-rules.js";

export interface EntityTypes {
  contract: Contract;
  supplier: Supplier;
  item: Item;
  facility: Facility;
  "cost-center": CostCenter;
  "purchasing-entity": PurchasingEntity;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

const SCHEMAS: Readonly<Record<EntityType, TSchema>> = {
  contract: ContractSchema,
  supplier: SupplierSchema,
  item: ItemSchema,
  facility: FacilitySchema,
  "cost-center": CostCenterSchema,
  "purchasing-entity": PurchasingEntitySchema,
};

/** A 20 000-line contract that is wrong everywhere should not produce a 60 000-entry report. */
export const MAX_SCHEMA_ISSUES = 100;

// Compiling costs milliseconds per schema; do it on first use so importing the model stays cheap.
const compiled = new Map<EntityType, TypeCheck<TSchema>>();
function checkerFor(kind: EntityType): TypeCheck<TSchema> {
  let checker = compiled.get(kind);
  if (!checker) {
    const schema = SCHEMAS[kind];
    if (!schema) throw new Error(`unknown entity kind ${JSON.stringify(kind)}`);
    checker = TypeCompiler.Compile(schema);
    compiled.set(kind, checker);
  }
  return checker;
}

/** Schema check, then (for contracts) the business rules; `value` is returned typed only when both pass. */
export function validateEntity<K extends EntityType>(kind: K, value: unknown): ValidationResult<EntityTypes[K]> {
  const checker = checkerFor(kind);
  if (!checker.Check(value)) return { ok: false, issues: schemaIssues(checker.Errors(value)) };
  if (kind === "contract") {
    const issues = checkContractRules(value as Contract);
    if (issues.length > 0) return { ok: false, issues };
  }
  return { ok: true, value: value as EntityTypes[K] };
}

export function schemaIssues(errors: Iterable<ValueError>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const error of errors) {
    // TypeBox reports a missing property twice ("required" then "expected string"): keep the first.
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    if (issues.length >= MAX_SCHEMA_ISSUES) {
      dropped++;
      continue;
    }
    issues.push({ path: error.path, rule: "schema", message: `${fieldName(error.path)} ${describe(error)}` });
  }
  if (dropped > 0) {
    issues.push({ path: "", rule: "schema.truncated", message: `${dropped} more schema issues not listed` });
  }
  return issues;
}

/** "/priceLines/3/unitPrice" → "priceLines[3].unitPrice": how people name fields. */
export function fieldName(pointer: string): string {
  if (pointer === "") return "value";
  return pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((name, seg) => (/^\d+$/.test(seg) ? `${name}[${seg}]` : name ? `${name}.${seg}` : seg), "");
}

/** Regexes mean nothing to the buyer reading the report: say what the field should look like. */
const PATTERN_HINTS = new Map<string | undefined, string>([
  [IsoDate.pattern, "a date YYYY-MM-DD"],
  [DecimalString.pattern, "a decimal with up to 14 integer digits and 4 decimals, e.g. 12.3456"],
  [NonNegativeDecimal.pattern, "a non-negative decimal with up to 14 integer digits and 4 decimals, e.g. 12.3456"],
]);

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describe(error: ValueError): string {
  const { schema, value } = error;
  // A key present with the value undefined is, to a person, just as missing as an absent key.
  if (value === undefined && error.type !== ValueErrorType.ObjectAdditionalProperties) return "is required";
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return "is required";
    case ValueErrorType.ObjectAdditionalProperties:
      return "is not a known field";
    case ValueErrorType.StringPattern: {
      const hint = PATTERN_HINTS.get(schema.pattern) ?? schema.description ?? `text matching ${schema.pattern}`;
      return `must be ${hint}, got ${shown(value)}`;
    }
    case ValueErrorType.Union: {
      const literals = (schema.anyOf as TSchema[] | undefined)?.map((s) => s.const);
      if (literals?.every((l) => typeof l === "string")) {
        return `must be one of ${literals.join(", ")}, got ${shown(value)}`;
      }
      return `has an unexpected shape, got ${shown(value)}`;
    }
    case ValueErrorType.Literal:
      return `must be ${shown(schema.const)}, got ${shown(value)}`;
    default:
      // TypeBox's own wording ("Expected integer to be greater or equal to 1") is readable enough.
      return `is invalid: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}, got ${shown(value)}`;
  }
}
