const ISO_TZ = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
// Ruby's Time#to_s / Java's Date#toString, as Coupa sent it: "Mon May 19 18:29:48 +0000 2008".
const TO_S =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}|UTC|GMT) (\d{4})$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export interface NormalizedTimestamp {
  readonly iso: string;
  readonly converted: boolean;
}

/**
 * The cXML timestamp as ISO 8601 with a zone. ISO input is kept exactly as written; the
 * `Mon May 19 18:29:48 +0000 2008` form is converted. Anything else is undefined (refused).
 */
export function normalizeTimestamp(raw: string): NormalizedTimestamp | undefined {
  const s = raw.trim();
  if (ISO_TZ.test(s) && !Number.isNaN(Date.parse(s))) return { iso: s, converted: false };
  const m = TO_S.exec(s);
  if (!m) return undefined;
  const month = String(MONTHS.indexOf(m[1]!) + 1).padStart(2, "0");
  const zone = m[6] === "UTC" || m[6] === "GMT" ? "+00:00" : `${m[6]!.slice(0, 3)}:${m[6]!.slice(3)}`;
  const iso = `${m[7]}-${month}-${m[2]!.padStart(2, "0")}T${m[3]}:${m[4]}:${m[5]}${zone}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : { iso, converted: true };
}
