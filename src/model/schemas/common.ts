import { type Static, type TSchema, Type } from "@sinclair/typebox";

/** Deeply readonly view of a schema's static type: canonical values are never mutated in place. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

export type Canonical<S extends TSchema> = DeepReadonly<Static<S>>;

/** Canonical and native identifiers: printable, no spaces, bounded. */
export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9][A-Za-z0-9._:/-]*$" });

/** Calendar date (no time zone: it is interpreted in the facility's zone). */
export const IsoDate = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" });

/**
 * Money and quantities travel as decimal strings, never binary floats: up to 14 integer digits and
 * 4 fractional digits (unit prices in healthcare carry 4 decimals). Arithmetic lives in decimal.ts.
 */
export const DecimalString = Type.String({ pattern: "^-?(0|[1-9]\\d{0,13})(\\.\\d{1,4})?$" });
export const NonNegativeDecimal = Type.String({ pattern: "^(0|[1-9]\\d{0,13})(\\.\\d{1,4})?$" });

export const Currency = Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217 code" });

export const Name = Type.String({ minLength: 1, maxLength: 200 });

export const Address = Type.Object(
  {
    line1: Type.String({ minLength: 1, maxLength: 120 }),
    line2: Type.Optional(Type.String({ maxLength: 120 })),
    city: Type.String({ minLength: 1, maxLength: 80 }),
    region: Type.String({ minLength: 2, maxLength: 3 }),
    postalCode: Type.String({ pattern: "^\\d{5}(-\\d{4})?$" }),
    country: Type.String({ pattern: "^[A-Z]{2}$" }),
  },
  { additionalProperties: false },
);
