import { Errors } from "../../../errors/index.js";
import { UOMS, type Uom } from "../../../model/schemas/uom.js";

/** Per-partner settings; every field is optional and defaulted by compileX12Options. */
export interface X12PartnerOptions {
  /**
   * The partner's own unit codes, code → canonical unit (e.g. `{ CS: "case", PC: "each" }`).
   * Read before the X12 DE355 table on decode; on encode a unit is written with the first code
   * this map gives it, else the standard code. No code change is needed for a new partner.
   */
  readonly uomCodes?: Readonly<Record<string, Uom>>;
  /** Currency assumed when a set carries no CUR segment (832s usually don't); default "USD". */
  readonly defaultCurrency?: string;
  /** GS08 written on encode: "004010" (default) or "005010". */
  readonly version?: "004010" | "005010";
  /** Clock for dates X12 requires but the canonical document lacks (BPA02, BSN04); default now. */
  readonly now?: () => Date;
}

export interface CompiledX12Options {
  readonly uomCodes: ReadonlyMap<string, Uom>;
  readonly defaultCurrency: string;
  readonly version: "004010" | "005010";
  readonly now: () => Date;
}

const UOM_SET: ReadonlySet<string> = new Set(UOMS);

/** Validates and fills partner options once (a typo in a partner's UOM map fails at start-up, not on the first file). */
export function compileX12Options(input: X12PartnerOptions = {}): CompiledX12Options {
  const uomCodes = new Map<string, Uom>();
  for (const [code, uom] of Object.entries(input.uomCodes ?? {})) {
    const key = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{1,3}$/.test(key)) {
      throw Errors.ConfigInvalid(
        `x12 uomCodes: ${JSON.stringify(code)} is not an X12 unit code (1-3 letters or digits)`,
      );
    }
    if (!UOM_SET.has(uom)) {
      throw Errors.ConfigInvalid(`x12 uomCodes: ${JSON.stringify(code)} maps to unknown unit ${JSON.stringify(uom)}`);
    }
    uomCodes.set(key, uom);
  }
  const defaultCurrency = input.defaultCurrency ?? "USD";
  if (!/^[A-Z]{3}$/.test(defaultCurrency)) {
    throw Errors.ConfigInvalid(`x12 defaultCurrency ${JSON.stringify(defaultCurrency)} is not an ISO 4217 code`);
  }
  const version = input.version ?? "004010";
  if (version !== "004010" && version !== "005010") {
    throw Errors.ConfigInvalid(`x12 version ${JSON.stringify(version)}: expected "004010" or "005010"`);
  }
  return { uomCodes, defaultCurrency, version, now: input.now ?? (() => new Date()) };
}
