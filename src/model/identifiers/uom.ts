import { UOMS, type Uom } from "../schemas/uom.js";

export type UomStandard = "x12" | "cxml";

/**
 * One table per standard because the codes collide: X12 `CA` is a case but UN/CEFACT `CA` is a can,
 * and X12 `CS` is a cassette, not a case. Typing each table as Record<Uom, string> makes the
 * compiler insist that every canonical unit has a code in every standard.
 */
const X12_DE355: Readonly<Record<Uom, string>> = {
  each: "EA",
  box: "BX",
  case: "CA",
  pack: "PK",
  carton: "CT",
  dozen: "DZ",
  bag: "BG",
  kit: "KT",
  pair: "PR",
  roll: "RL",
  bottle: "BT",
  vial: "VL",
  tray: "TY",
  set: "ST",
  tube: "TB",
  can: "CN",
  piece: "PC",
  pound: "LB",
};

/** UN/CEFACT Recommendation 20, as cXML `UnitOfMeasure` uses it. */
const UNECE_REC20: Readonly<Record<Uom, string>> = {
  each: "EA",
  box: "BX",
  case: "CS",
  pack: "PK",
  carton: "CT",
  dozen: "DZN",
  bag: "BG",
  kit: "KT",
  pair: "PR",
  roll: "RO",
  bottle: "BO",
  vial: "VI",
  tray: "PU",
  set: "SET",
  tube: "TU",
  can: "CA",
  piece: "H87",
  pound: "LBR",
};

const TO_CODE: Readonly<Record<UomStandard, Readonly<Record<Uom, string>>>> = {
  x12: X12_DE355,
  cxml: UNECE_REC20,
};

/** Reverse tables as Maps so codes like "constructor" never hit Object.prototype. */
const FROM_CODE: Readonly<Record<UomStandard, ReadonlyMap<string, Uom>>> = {
  x12: new Map(UOMS.map((u) => [X12_DE355[u], u])),
  cxml: new Map(UOMS.map((u) => [UNECE_REC20[u], u])),
};

const UOM_SET: ReadonlySet<string> = new Set(UOMS);

export class UnknownUomCodeError extends Error {
  constructor(
    readonly standard: UomStandard,
    readonly code: string,
  ) {
    super(`unknown ${standard} unit of measure ${JSON.stringify(code)}`);
    this.name = "UnknownUomCodeError";
  }
}

/**
 * Translates an inbound code (case-insensitive). Partner overrides win over the standard table
 * because partners misuse codes (a distributor sending `CS` for case on X12); they are keyed by
 * code, also case-insensitively.
 */
export function uomFromCode(
  standard: UomStandard,
  code: string,
  partnerOverrides?: Readonly<Record<string, Uom>>,
): Uom {
  const upper = String(code).trim().toUpperCase();
  if (partnerOverrides) {
    for (const [key, uom] of Object.entries(partnerOverrides)) {
      if (key.trim().toUpperCase() !== upper) continue;
      // Overrides come from partner configuration: refuse a typo rather than emit it downstream.
      if (!UOM_SET.has(uom)) {
        throw new Error(`partner override maps ${standard} code "${key}" to unknown unit of measure "${uom}"`);
      }
      return uom;
    }
  }
  const uom = FROM_CODE[standard]?.get(upper);
  if (uom === undefined) throw new UnknownUomCodeError(standard, String(code));
  return uom;
}

/** The standard's code for a canonical unit (outbound documents always use the standard table). */
export function uomToCode(standard: UomStandard, uom: Uom): string {
  const table = TO_CODE[standard];
  const code = table && Object.hasOwn(table, uom) ? table[uom] : undefined;
  if (code === undefined) throw new Error(`no ${standard} code for unit of measure ${JSON.stringify(uom)}`);
  return code;
}
