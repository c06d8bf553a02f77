import type { ItemRef } from "../../model/index.js";
import { FhirSystems, SYSTEM_ALIASES } from "./fhir-systems.js";
import type { CodeableConcept, Coding } from "./r4-resources.js";

export const concordIdSystem = (entity: "supplier" | "facility" | "purchasing-entity" | "item") =>
  `${FhirSystems.concordId}/${entity}`;

/** Every identifier a trade line carried, as codings of one concept; the description is its text. */
export function itemRefToConcept(ref: ItemRef): CodeableConcept {
  const coding: Coding[] = [];
  const add = (system: string, code: string | undefined, display?: string) => {
    if (code !== undefined) coding.push({ system, code, ...(display ? { display } : {}) });
  };
  add(concordIdSystem("item"), ref.itemId);
  add(FhirSystems.gtin, ref.gtin ?? (ref.upc === undefined ? undefined : ref.upc.padStart(14, "0")));
  add(FhirSystems.ndc, ref.ndc);
  add(FhirSystems.supplierPartNo, ref.supplierPartNo);
  add(FhirSystems.manufacturerPartNo, ref.manufacturerPartNo);
  add(FhirSystems.buyerPartNo, ref.buyerPartNo);
  add(FhirSystems.unspsc, ref.unspsc);
  return {
    ...(coding.length > 0 ? { coding } : {}),
    ...(ref.description ? { text: ref.description } : {}),
  };
}

export function systemKey(system: string | undefined): string | undefined {
  if (system === undefined) return undefined;
  const alias = SYSTEM_ALIASES.get(system);
  if (alias) return alias;
  const entry = Object.entries(FhirSystems).find(([, uri]) => uri === system);
  if (entry) return entry[0];
  return system === concordIdSystem("item") ? "item" : undefined;
}

/**
 * The inverse of itemRefToConcept, for any sender: recognised systems fill their field; a code
 * without a system is taken as the buyer's own item code (the HL7 SupplyRequest example's
 * "BlueTubes"), since FHIR supply resources come from the hospital side. Unknown systems are
 * reported so a person can add a mapping.
 */
export function conceptToItemRef(cc: {
  coding?: readonly { system?: string; code?: string; display?: string }[];
  text?: string;
}): {
  readonly ref: ItemRef | undefined;
  readonly unknownSystems: readonly string[];
} {
  const ref: { -readonly [K in keyof ItemRef]?: ItemRef[K] } = {};
  const unknownSystems: string[] = [];
  let display: string | undefined;
  for (const c of cc.coding ?? []) {
    display ??= c.display;
    if (c.code === undefined) continue;
    const key = systemKey(c.system);
    if (c.system === undefined) ref.buyerPartNo ??= c.code;
    else if (key === "item") ref.itemId ??= c.code;
    else if (key === "gtin" && /^\d{8}$|^\d{12,14}$/.test(c.code)) ref.gtin ??= c.code.padStart(14, "0");
    else if (key === "ndc" && /^\d{11}$/.test(c.code.replace(/-/g, ""))) ref.ndc ??= c.code.replace(/-/g, "");
    else if (key === "supplierPartNo") ref.supplierPartNo ??= c.code;
    else if (key === "manufacturerPartNo") ref.manufacturerPartNo ??= c.code;
    else if (key === "buyerPartNo") ref.buyerPartNo ??= c.code;
    else if (key === "unspsc" && /^\d{8}$/.test(c.code)) ref.unspsc ??= c.code;
    else unknownSystems.push(c.system);
  }
  const description = cc.text ?? display;
  if (description !== undefined) ref.description = description.slice(0, 500);
  return { ref: Object.keys(ref).length > 0 ? (ref as ItemRef) : undefined, unknownSystems };
}
