import { UnknownUomCodeError, uomFromCode, uomToCode } from "../../../model/identifiers/uom.js";
import { isIsoDate } from "../../../model/iso-date.js";
import type { Issue } from "../../../model/issue.js";
import type { Uom } from "../../../model/schemas/uom.js";
import type { TransactionSetHeader } from "../envelope/interchange-types.js";
import type { Segment } from "../envelope/segment.js";
import type { Separators } from "../envelope/separators.js";
import { mappingError, type X12Position } from "../x12-problem.js";
import type { CompiledX12Options } from "./x12-options.js";

const R_NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?$/;

export interface FailOptions {
  readonly element?: number;
  /** AK304: 3 mandatory segment missing, 8 segment has data element errors (default). */
  readonly segmentCode?: string;
  /** AK403: 1 mandatory element missing, 6 invalid character, 7 invalid code value, 8 invalid date. */
  readonly elementCode?: string;
  readonly badValue?: string;
}

/**
 * What a set mapper needs while reading one transaction set: positions for errors, the
 * partner's options, and the warnings collected on the way (bad check digits, defaults used).
 */
export class DecodeContext {
  readonly warnings: Issue[] = [];

  constructor(
    readonly set: TransactionSetHeader & { readonly header: Segment },
    readonly options: CompiledX12Options,
  ) {}

  get separators(): Separators {
    return this.set.separators;
  }

  position(segment: Segment, element?: number): X12Position {
    return {
      segmentIndex: segment.index,
      segmentId: segment.id,
      byteOffset: segment.byteOffset,
      setPosition: segment.index - this.set.header.index + 1,
      ...(element === undefined ? {} : { elementPosition: element }),
    };
  }

  path(segment: Segment, element?: number): string {
    const at = segment.index - this.set.header.index + 1;
    return `/segments/${at}/${segment.id}${element === undefined ? "" : String(element).padStart(2, "0")}`;
  }

  warn(segment: Segment, element: number | undefined, rule: string, message: string): void {
    this.warnings.push({ path: this.path(segment, element), rule, message });
  }

  /** Throws CONCORD_ERR_EDI_MAPPING positioned at the segment (or the ST when a segment is missing). */
  fail(segment: Segment | undefined, message: string, o: FailOptions = {}): never {
    const at = segment ?? this.set.header;
    throw mappingError({
      level: "segment",
      rule: o.segmentCode === "3" ? "x12.mapping.segment-missing" : "x12.mapping.element",
      message: `${this.set.setId} ${this.set.controlNumber}: ${message}`,
      position: this.position(at, o.element),
      ackCode: o.segmentCode ?? "8",
      ...(o.element !== undefined ? { elementAckCode: o.elementCode ?? "7" } : {}),
      ...(o.badValue !== undefined ? { badValue: o.badValue } : {}),
    });
  }

  missingSegment(id: string, why: string): never {
    return this.fail(undefined, `mandatory segment ${id} is missing (${why})`, { segmentCode: "3" });
  }

  text(segment: Segment, n: number): string | undefined {
    const v = (segment.elements[n] ?? "").trim();
    return v === "" ? undefined : v;
  }

  required(segment: Segment, n: number, what: string): string {
    const v = this.text(segment, n);
    if (v === undefined) {
      this.fail(segment, `${segment.id}${String(n).padStart(2, "0")} (${what}) is required`, {
        element: n,
        elementCode: "1",
      });
    }
    return v;
  }

  /** CCYYMMDD (or YYMMDD, read with a 1950 pivot) → YYYY-MM-DD. */
  date(segment: Segment, n: number): string | undefined {
    const raw = this.text(segment, n);
    if (raw === undefined) return undefined;
    let iso: string | undefined;
    if (/^\d{8}$/.test(raw)) iso = `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
    else if (/^\d{6}$/.test(raw)) {
      const yy = Number(raw.slice(0, 2));
      iso = `${yy >= 50 ? 19 : 20}${raw.slice(0, 2)}-${raw.slice(2, 4)}-${raw.slice(4, 6)}`;
      this.warn(segment, n, "x12.date-two-digit-year", `date ${raw} has a two-digit year; read as ${iso}`);
    }
    if (iso === undefined || !isIsoDate(iso)) {
      this.fail(segment, `${JSON.stringify(raw)} is not a date (CCYYMMDD)`, {
        element: n,
        elementCode: "8",
        badValue: raw,
      });
    }
    return iso;
  }

  /**
   * X12 R (explicit decimal) → canonical decimal string, keeping the sender's fraction digits
   * ("12.50" stays "12.50") so encode → decode is exact; more than 4 significant decimals is
   * refused rather than rounded, because money must not change silently.
   */
  decimal(segment: Segment, n: number, o: { nonNegative?: boolean } = {}): string | undefined {
    const raw = this.text(segment, n);
    if (raw === undefined) return undefined;
    const m = R_NUMBER.exec(raw);
    if (!m || (m[2] === "" && (m[3] ?? "") === "")) {
      this.fail(segment, `${JSON.stringify(raw)} is not a number`, { element: n, elementCode: "6", badValue: raw });
    }
    const negative = m[1] === "-";
    const int = m[2]!.replace(/^0+(?=\d)/, "") || "0";
    let frac = m[3] ?? "";
    while (frac.length > 4 && frac.endsWith("0")) frac = frac.slice(0, -1);
    if (frac.length > 4 || int.length > 14) {
      this.fail(segment, `${raw} has more than 14 integer or 4 decimal digits`, {
        element: n,
        elementCode: "6",
        badValue: raw,
      });
    }
    const zero = /^0*$/.test(int + frac);
    if (negative && !zero && o.nonNegative) {
      this.fail(segment, `${raw} must not be negative`, { element: n, elementCode: "6", badValue: raw });
    }
    const body = frac === "" ? int : `${int}.${frac}`;
    return negative && !zero ? `-${body}` : body;
  }

  /** X12 N2 (implied two decimals, e.g. TDS01 387530 = 3875.30) → "3875.30". */
  implied2(segment: Segment, n: number): string | undefined {
    const raw = this.text(segment, n);
    if (raw === undefined) return undefined;
    const m = /^([+-]?)(\d{1,16})$/.exec(raw);
    if (!m)
      this.fail(segment, `${JSON.stringify(raw)} is not an N2 amount (digits, 2 implied decimals)`, {
        element: n,
        elementCode: "6",
        badValue: raw,
      });
    const digits = m[2]!.replace(/^0+(?=\d)/, "").padStart(3, "0");
    const body = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
    return m[1] === "-" && !/^0\.00$/.test(body) ? `-${body}` : body;
  }

  /** A unit code → canonical unit: partner map first, then the X12 DE355 table. */
  uom(segment: Segment, n: number, raw?: string): Uom {
    const code = (raw ?? this.text(segment, n) ?? "").trim().toUpperCase();
    if (code === "") this.fail(segment, `unit of measure is required`, { element: n, elementCode: "1" });
    const partner = this.options.uomCodes.get(code);
    if (partner) return partner;
    try {
      return uomFromCode("x12", code);
    } catch (e) {
      if (!(e instanceof UnknownUomCodeError)) throw e;
      return this.fail(
        segment,
        `unit of measure ${JSON.stringify(code)} is not in the X12 table Concord maps and the partner's uomCodes do not name it`,
        { element: n, elementCode: "7", badValue: code },
      );
    }
  }
}

/** The code to write for a unit: the partner's own code if its map names one, else X12 DE355. */
export function uomCode(uom: Uom, options: CompiledX12Options): string {
  for (const [code, mapped] of options.uomCodes) if (mapped === uom) return code;
  return uomToCode("x12", uom);
}

/** YYYY-MM-DD → CCYYMMDD. */
export function x12Date(iso: string): string {
  return iso.replaceAll("-", "");
}

/** Canonical decimal → N2 digits ("3875.30" → "387530"); more than 2 decimals cannot be carried. */
export function toImplied2(amount: string, what: string, fail: (message: string) => never): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(amount);
  if (!m) return fail(`${what} ${JSON.stringify(amount)} is not a decimal`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > 2) return fail(`${what} ${amount} has more than 2 decimals; X12 N2 cannot carry it`);
  const digits = `${m[2]}${frac.padEnd(2, "0")}`.replace(/^0+(?=\d)/, "");
  return digits === "0" ? "0" : `${m[1]}${digits}`;
}
