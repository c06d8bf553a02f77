import type { TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

export interface FieldError {
  /** Dotted path with array indexes, e.g. `lines[0].price.amount`; `(body)` for the root. */
  readonly field: string;
  readonly message: string;
}

/** JSON pointer `/lines/0/price` → `lines[0].price`: easier to read in a 400 than ajv's pointer. */
export function pointerToField(pointer: string): string {
  const parts = pointer.split("/").slice(1);
  if (parts.length === 0) return "(body)";
  return parts.reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), "");
}

/** First validation error (the most specific one TypeBox reports), or null when the value is valid. */
export function firstError(schema: TSchema, value: unknown): FieldError | null {
  if (Value.Check(schema, value)) return null;
  const errors = [...Value.Errors(schema, value)];
  // Deepest path first: "lines[0].price must match pattern" beats "lines must be array of …".
  errors.sort((a, b) => b.path.split("/").length - a.path.split("/").length);
  const e = errors[0];
  if (!e) return { field: "(body)", message: "invalid request body" };
  return { field: pointerToField(e.path), message: e.message };
}
