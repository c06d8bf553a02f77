import { Type } from "@sinclair/typebox";
import { IsoDate } from "../../src/model/index.js";
import { DECIMAL_PATTERN } from "./decimal.js";
import { X12_CODES } from "./uom.js";

/** Building blocks for native request schemas (money is always a decimal string). */
export const Decimal = Type.String({ pattern: DECIMAL_PATTERN });
export const Day = IsoDate;
export const NullableDate = Type.Union([IsoDate, Type.Null()]);
export const CurrencyCode = Type.String({ pattern: "^[A-Z]{3}$" });
export const X12Uom = Type.Union(X12_CODES.map((c) => Type.Literal(c)));
export const Tier = Type.Integer({ minimum: 1, maximum: 9 });
export const Ref = Type.String({ minLength: 1, maxLength: 64 });
