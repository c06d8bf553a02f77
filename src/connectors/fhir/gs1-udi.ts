import { isIsoDate } from "../../model/index.js";

/** The production identifiers a UDI carries beside the device identifier (GTIN). */
export interface UdiParts {
  readonly gtin?: string;
  readonly expiresOn?: string;
  readonly manufacturedOn?: string;
  readonly lot?: string;
  readonly serial?: string;
}

/** GS1 AI 10 and 21 allow 20 characters of "CSET 82"; anything else cannot be in a GS1 UDI. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

/**
 * GS1 human-readable form in the order FDA labels use: (01) GTIN, (11) production date,
 * (17) expiry, (10) lot, (21) serial. Undefined when a part cannot be written unambiguously
 * (a lot with a parenthesis would read back as another AI): the Device still carries lotNumber
 * and serialNumber, only the HRF is left out.
 * udiHrf({ gtin: "00844588003288", expiresOn: "2014-11-20", lot: "7654321D" })
 *   → "(01)00844588003288(17)141120(10)7654321D"
 */
export function udiHrf(p: UdiParts): string | undefined {
  if (p.gtin === undefined || !/^\d{14}$/.test(p.gtin)) return undefined;
  let s = `(01)${p.gtin}`;
  if (p.manufacturedOn !== undefined) s += `(11)${yymmdd(p.manufacturedOn)}`;
  if (p.expiresOn !== undefined) s += `(17)${yymmdd(p.expiresOn)}`;
  for (const [ai, v] of [
    ["10", p.lot],
    ["21", p.serial],
  ] as const) {
    if (v === undefined) continue;
    if (!CSET82.test(v) || /[(){}]/.test(v)) return undefined;
    s += `(${ai})${v}`;
  }
  return s;
}

function yymmdd(isoDate: string): string {
  if (!isIsoDate(isoDate)) throw new Error(`invalid date ${JSON.stringify(isoDate)}`);
  return isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
}

export interface ParsedUdi extends UdiParts {
  /** AIs present but not mapped (e.g. (30) count), kept for the warning. */
  readonly otherAis: readonly string[];
  readonly problems: readonly string[];
}

/**
 * Reads a GS1 HRF with AIs in parentheses (GS1 style) or braces (the older FDA/FHIR example
 * style, as in the HL7 device-example-udi1). Dates follow GS1's century rule against `today`, and
 * day 00 means the last day of the month.
 */
export function parseUdiHrf(hrf: string, today = new Date().toISOString().slice(0, 10)): ParsedUdi {
  const parts: { -readonly [K in keyof UdiParts]: UdiParts[K] } = {};
  const otherAis: string[] = [];
  const problems: string[] = [];
  const re = /[({](\d{2,4})[)}]([^({]*)/g;
  let consumed = 0;
  for (let m = re.exec(hrf); m; m = re.exec(hrf)) {
    if (m.index !== consumed)
      problems.push(`unexpected text ${JSON.stringify(hrf.slice(consumed, m.index))} at offset ${consumed}`);
    consumed = m.index + m[0].length;
    const ai = m[1]!;
    const value = m[2]!;
    if (ai === "01") {
      if (/^\d{14}$/.test(value)) parts.gtin = value;
      else problems.push(`(01) must be 14 digits, got ${JSON.stringify(value)}`);
    } else if (ai === "17" || ai === "11") {
      const d = gs1Date(value, today);
      if (d === undefined) problems.push(`(${ai}) is not a YYMMDD date: ${JSON.stringify(value)}`);
      else if (ai === "17") parts.expiresOn = d;
      else parts.manufacturedOn = d;
    } else if (ai === "10") parts.lot = value;
    else if (ai === "21") parts.serial = value;
    else otherAis.push(ai);
  }
  if (consumed !== hrf.length)
    problems.push(`unexpected text ${JSON.stringify(hrf.slice(consumed))} at offset ${consumed}`);
  return { ...parts, otherAis, problems };
}

/** GS1 General Specifications, the century of a YYMMDD: within 49 years back / 50 ahead of today. */
export function gs1Date(value: string, today: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const currentYear = Number(today.slice(0, 4));
  const yy = Number(m[1]);
  const diff = yy - (currentYear % 100);
  let century = Math.floor(currentYear / 100);
  if (diff >= 51) century -= 1;
  else if (diff <= -50) century += 1;
  const year = century * 100 + yy;
  const month = Number(m[2]);
  let day = Number(m[3]);
  if (month < 1 || month > 12) return undefined;
  if (day === 0) day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const iso = `${String(year).padStart(4, "0")}-${m[2]}-${String(day).padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : undefined;
}
