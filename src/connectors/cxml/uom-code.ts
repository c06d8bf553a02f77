import { UnknownUomCodeError, type Uom, uomFromCode, uomToCode } from "../../model/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";

/** `<UnitOfMeasure>` (UN/CEFACT Rec 20: CS = case, CA = can) with the partner's overrides first. */
export function decodeUom(holder: CxmlCursor): Uom {
  const el = holder.requireChild("UnitOfMeasure");
  const code = el.text();
  if (code === undefined) throw el.fail("UnitOfMeasure is empty");
  return uomOf(el, code);
}

/** Same, for an optional UnitOfMeasure where an empty element means "not stated". */
export function decodeOptionalUom(holder: CxmlCursor): Uom | undefined {
  const el = holder.child("UnitOfMeasure");
  const code = el?.text();
  return el && code !== undefined ? uomOf(el, code) : undefined;
}

function uomOf(el: CxmlCursor, code: string): Uom {
  try {
    return uomFromCode("cxml", code, el.ctx.uomOverrides);
  } catch (e) {
    if (e instanceof UnknownUomCodeError) {
      throw el.fail(
        `unit of measure ${JSON.stringify(code)} is not a UN/CEFACT code Concord maps (add a partner override)`,
      );
    }
    throw el.fail((e as Error).message);
  }
}

export function uomCode(uom: Uom): string {
  return uomToCode("cxml", uom);
}
