import type { Uom } from "../../src/model/index.js";

/** Canonical UOM word → ANSI X12 DE355 code, as CLM, procurement and ERP speak it. */
export const CANONICAL_TO_X12: Readonly<Record<Uom, string>> = {
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
};

export const X12_TO_CANONICAL: Readonly<Record<string, Uom>> = Object.fromEntries(
  Object.entries(CANONICAL_TO_X12).map(([word, code]) => [code, word as Uom]),
);

export const X12_CODES = Object.values(CANONICAL_TO_X12);

export const toX12 = (uom: Uom): string => CANONICAL_TO_X12[uom];
