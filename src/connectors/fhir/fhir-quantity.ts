import { type Issue, UOMS, type Uom } from "../../model/index.js";
import { FhirSystems } from "./fhir-systems.js";
import type { Quantity } from "./r4-resources.js";

/**
 * FHIR JSON writes decimals as JSON numbers. Concord's quantities are decimal strings of at most
 * 14 + 4 digits; a double holds 15 significant digits exactly, so a longer quantity is refused
 * rather than silently rounded. Units are the canonical word as `unit`, and a UCUM annotation
 * (`{box}`) as the code: packaging units are counts, which UCUM spells as annotated 1.
 */
export function toFhirQuantity(decimal: string, uom: Uom): Quantity {
  const digits = decimal.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  if (digits.length > 15) throw new Error(`quantity ${decimal} has more digits than a FHIR decimal carries exactly`);
  return { value: Number(decimal), unit: uom, system: FhirSystems.ucum, code: `{${uom}}` };
}

const UOM_SET: ReadonlySet<string> = new Set(UOMS);

/** Reads a Quantity back: a decimal string (≤ 4 decimals) and, when recognisable, the canonical unit. */
export function fromFhirQuantity(
  q: { value?: unknown; unit?: unknown; code?: unknown } | undefined,
  path: string,
): { readonly quantity?: string; readonly uom?: Uom; readonly issues: readonly Issue[] } {
  const issues: Issue[] = [];
  if (q === undefined || q.value === undefined) {
    return { issues: [{ path: `${path}/value`, rule: "fhir.quantity", message: "quantity has no value" }] };
  }
  const value = typeof q.value === "string" ? Number(q.value) : q.value;
  let quantity: string | undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    issues.push({
      path: `${path}/value`,
      rule: "fhir.quantity",
      message: `quantity ${JSON.stringify(q.value)} is not a number ≥ 0`,
    });
  } else {
    const text = value.toFixed(4).replace(/\.?0+$/, "");
    if (Number(text) !== value) {
      issues.push({
        path: `${path}/value`,
        rule: "fhir.quantity",
        message: `quantity ${value} has more than 4 decimals`,
      });
    } else quantity = text;
  }
  const candidates = [q.code, q.unit]
    .filter((x): x is string => typeof x === "string")
    .map((s) => s.replace(/^\{(.*)\}$/, "$1").toLowerCase());
  const uom = candidates.find((c) => UOM_SET.has(c)) as Uom | undefined;
  return { ...(quantity === undefined ? {} : { quantity }), ...(uom === undefined ? {} : { uom }), issues };
}
