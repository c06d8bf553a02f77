import { type TObject, type TProperties, type TSchema, Type } from "@sinclair/typebox";

/**
 * TypeBox schemas of the FHIR R4 datatypes Concord emits, built twice: strict (export: any
 * element we did not mean to write is an error, so a typo fails the test suite) and open
 * (import: senders add elements we ignore). Patterns are the R4 regexes for the primitive types.
 */
export interface R4Builder {
  readonly strict: boolean;
  obj<P extends TProperties>(props: P): TObject<P>;
}

export function r4Builder(strict: boolean): R4Builder {
  return { strict, obj: (props) => Type.Object(props, { additionalProperties: !strict }) };
}

export const R4Id = Type.String({ pattern: "^[A-Za-z0-9\\-\\.]{1,64}$" });
export const R4Uri = Type.String({ pattern: "^\\S+$" });
export const R4Code = Type.String({ pattern: "^[^\\s]+( [^\\s]+)*$" });
export const R4String = Type.String({ minLength: 1, pattern: "\\S" });
export const R4Date = Type.String({ pattern: "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$" });
export const R4DateTime = Type.String({
  pattern:
    "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?(Z|[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)))?)?)?$",
});
export const R4Instant = Type.String({
  pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
});
/** FHIR decimals are JSON numbers; Concord writes them from decimal strings (see fhir-quantity.ts). */
export const R4Decimal = Type.Number();

const arr = <T extends TSchema>(t: T) => Type.Array(t, { minItems: 1 });

export function r4Datatypes(b: R4Builder) {
  const Coding = b.obj({
    system: Type.Optional(R4Uri),
    code: Type.Optional(R4Code),
    display: Type.Optional(R4String),
  });
  const CodeableConcept = b.obj({ coding: Type.Optional(arr(Coding)), text: Type.Optional(R4String) });
  const Identifier = b.obj({
    use: Type.Optional(Type.Union(["usual", "official", "temp", "secondary", "old"].map((c) => Type.Literal(c)))),
    type: Type.Optional(CodeableConcept),
    system: Type.Optional(R4Uri),
    value: Type.Optional(R4String),
  });
  const Reference = b.obj({
    reference: Type.Optional(R4String),
    type: Type.Optional(R4Uri),
    identifier: Type.Optional(Identifier),
    display: Type.Optional(R4String),
  });
  const Quantity = b.obj({
    value: Type.Optional(R4Decimal),
    unit: Type.Optional(R4String),
    system: Type.Optional(R4Uri),
    code: Type.Optional(R4Code),
  });
  const Address = b.obj({
    use: Type.Optional(Type.Union(["home", "work", "temp", "old", "billing"].map((c) => Type.Literal(c)))),
    type: Type.Optional(Type.Union(["postal", "physical", "both"].map((c) => Type.Literal(c)))),
    line: Type.Optional(arr(R4String)),
    city: Type.Optional(R4String),
    state: Type.Optional(R4String),
    postalCode: Type.Optional(R4String),
    country: Type.Optional(R4String),
  });
  const Meta = b.obj({ lastUpdated: Type.Optional(R4Instant), profile: Type.Optional(arr(R4Uri)) });
  return { Coding, CodeableConcept, Identifier, Reference, Quantity, Address, Meta, arr };
}
