/**
 * US taxpayer identification numbers (the TIN on a supplier's W-9): an EIN ("12-3456789"), an SSN
 * or ITIN written "123-45-6789", or 9 bare digits. Normalised to the 9 digits. Messages describe the
 * problem without repeating the value: a tax id must not reach logs or error reports in clear.
 */
export type TinCheck = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

const EIN_FORM = /^\d{2}-\d{7}$/;
const SSN_FORM = /^\d{3}-\d{2}-\d{4}$/;
const DIGITS = /^\d{9}$/;

export function normalizeTin(input: string): TinCheck {
  const text = input.trim();
  const digits = text.replace(/-/g, "");
  const form = EIN_FORM.test(text) ? "ein" : SSN_FORM.test(text) ? "ssn" : DIGITS.test(text) ? "either" : undefined;
  if (!form || !DIGITS.test(digits)) {
    return {
      ok: false,
      reason: `must be a US TIN: an EIN 12-3456789, an SSN/ITIN 123-45-6789 or 9 digits (got ${describeShape(text)})`,
    };
  }
  // Nine bare digits do not say which kind they are: refuse only what no kind of TIN can be.
  const einProblem = einRangeProblem(digits);
  const ssnProblem = ssnRangeProblem(digits);
  const problem =
    form === "ein"
      ? einProblem
      : form === "ssn"
        ? ssnProblem
        : einProblem && ssnProblem && `${einProblem} and ${ssnProblem}`;
  return problem ? { ok: false, reason: problem } : { ok: true, value: digits };
}

/** The IRS has never issued EIN prefix 00. */
function einRangeProblem(d: string): string | undefined {
  return d.startsWith("00") ? "is not an issued EIN (prefix 00)" : undefined;
}

/**
 * SSA and IRS never issue area 000 or 666, group 00 or serial 0000; area 900-999 is for ITINs,
 * whose group (4th-5th digits) is 50-65, 70-88, 90-92 or 94-99.
 */
function ssnRangeProblem(d: string): string | undefined {
  const area = Number(d.slice(0, 3));
  const group = Number(d.slice(3, 5));
  if (area === 0 || area === 666) return "is not an issued SSN (area 000 or 666)";
  if (group === 0) return "is not an issued SSN (group 00)";
  if (d.slice(5) === "0000") return "is not an issued SSN (serial 0000)";
  if (area >= 900) {
    const itin =
      (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
    if (!itin) return "is not an issued ITIN (area 9xx with a group outside the ITIN ranges)";
  }
  return undefined;
}

/** "12-34x" → "6 characters: digits, '-' and other characters": what is wrong, not what was sent. */
export function describeShape(text: string): string {
  const kinds = [
    /\d/.test(text) ? "digits" : undefined,
    /-/.test(text) ? "'-'" : undefined,
    /[^\d-]/.test(text) ? "other characters" : undefined,
  ].filter((k) => k !== undefined);
  return text.length === 0 ? "an empty value" : `${text.length} characters: ${kinds.join(", ")}`;
}
