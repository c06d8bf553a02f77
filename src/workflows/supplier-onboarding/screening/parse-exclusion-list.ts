import { pipeline, Readable } from "node:stream";
import { parse } from "csv-parse";
import { Errors } from "../../../errors/index.js";
import type { ExclusionEntry, ExclusionSource } from "./exclusion-entry.js";

/**
 * The columns each layout must have, by header name (the files are read by name, not position,
 * so a column added by the publisher does not shift the others).
 * LEIE: OIG's downloadable database `UPDATED.csv` (one row per excluded individual or entity).
 * SAM: the SAM.gov exclusions public extract; older extracts name the identifier `DUNS`, newer
 * ones `Unique Entity ID`, so neither is required.
 */
const REQUIRED: Readonly<Record<ExclusionSource, readonly string[]>> = {
  leie: [
    "LASTNAME",
    "FIRSTNAME",
    "MIDNAME",
    "BUSNAME",
    "ADDRESS",
    "CITY",
    "STATE",
    "ZIP",
    "EXCLTYPE",
    "EXCLDATE",
    "REINDATE",
  ],
  sam: [
    "Classification",
    "Name",
    "First",
    "Middle",
    "Last",
    "Address 1",
    "City",
    "State / Province",
    "Zip Code",
    "Exclusion Type",
    "Active Date",
    "Termination Date",
  ],
};

type Row = Record<string, string | undefined>;

/**
 * Streams an exclusion list file as entries, leaving out who is no longer excluded (an LEIE row
 * with a reinstatement date, a SAM row whose termination date has passed on `today`). Throws
 * CONCORD_ERR_SCREENING_LIST when the header lacks a column of the layout.
 */
export async function* parseExclusionList(
  source: ExclusionSource,
  input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>,
  today: string,
  file = "(input)",
): AsyncGenerator<ExclusionEntry> {
  const parser = parse({ bom: true, columns: true, relax_column_count: true, relax_quotes: true, trim: true });
  // pipeline forwards a read error to the parser and tears the source down when reading stops early.
  pipeline(Readable.from(input as AsyncIterable<string | Buffer>), parser, () => {});
  let checked = false;
  try {
    for await (const row of parser as AsyncIterable<Row>) {
      if (!checked) {
        const missing = REQUIRED[source].filter((c) => !(c in row));
        if (missing.length > 0) {
          throw Errors.ScreeningList(`${file} is not a ${source.toUpperCase()} file: it lacks ${missing.join(", ")}`, {
            source,
            missing,
            file,
          });
        }
        checked = true;
      }
      const entry = source === "leie" ? leieEntry(row) : samEntry(row, today);
      if (entry) yield entry;
    }
  } catch (e) {
    if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("CSV_")) {
      throw Errors.ScreeningList(`${file} cannot be read as CSV: ${e.message}`, { source, missing: [], file });
    }
    throw e;
  } finally {
    parser.destroy();
  }
}

const v = (row: Row, column: string) => {
  const s = row[column]?.trim();
  return s ? s : undefined;
};

function leieEntry(row: Row): ExclusionEntry | undefined {
  // OIG removes reinstated parties from the list, but a supplement may still carry the date.
  const reinstated = v(row, "REINDATE");
  if (reinstated && !/^0+$/.test(reinstated)) return undefined;
  const business = v(row, "BUSNAME");
  const person = [v(row, "FIRSTNAME"), v(row, "MIDNAME"), v(row, "LASTNAME")].filter(Boolean).join(" ");
  const name = business ?? person;
  if (!name) return undefined;
  const npi = v(row, "NPI");
  return {
    name,
    entityKind: business ? "entity" : "individual",
    ...optional(
      "address",
      [v(row, "ADDRESS"), v(row, "CITY"), v(row, "STATE"), v(row, "ZIP")].filter(Boolean).join(", "),
    ),
    ...optional("state", v(row, "STATE")),
    ids: npi && !/^0+$/.test(npi) ? { npi } : {},
    ...optional("excludedOn", yyyymmdd(v(row, "EXCLDATE"))),
    ...optional("exclusionType", v(row, "EXCLTYPE")),
  };
}

function samEntry(row: Row, today: string): ExclusionEntry | undefined {
  const terminated = mmddyyyy(v(row, "Termination Date"));
  if (terminated && terminated < today) return undefined;
  const individual = v(row, "Classification")?.toLowerCase() === "individual";
  const person = [v(row, "First"), v(row, "Middle"), v(row, "Last")].filter(Boolean).join(" ");
  const name = individual ? person || v(row, "Name") : (v(row, "Name") ?? person);
  if (!name) return undefined;
  const ids: Record<string, string> = {};
  const uei = v(row, "Unique Entity ID") ?? v(row, "UEI");
  const duns = v(row, "DUNS");
  const cage = v(row, "CAGE");
  if (uei) ids.uei = uei;
  if (duns && /^\d{9}$/.test(duns)) ids.duns = duns;
  if (cage) ids.cage = cage;
  return {
    name,
    entityKind: individual ? "individual" : "entity",
    ...optional(
      "address",
      [v(row, "Address 1"), v(row, "Address 2"), v(row, "City"), v(row, "State / Province"), v(row, "Zip Code")]
        .filter(Boolean)
        .join(", "),
    ),
    ...optional("state", v(row, "State / Province")),
    ids,
    ...optional("excludedOn", mmddyyyy(v(row, "Active Date"))),
    ...optional("exclusionType", v(row, "Exclusion Type")),
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}

/** LEIE dates: "20190115" → "2019-01-15". */
function yyyymmdd(s: string | undefined): string | undefined {
  const m = s && /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m && m[1] !== "0000" ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** SAM dates: "01/15/2019" → "2019-01-15"; "Indefinite" and blanks → undefined. */
function mmddyyyy(s: string | undefined): string | undefined {
  const m = s && /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  return m ? `${m[3]}-${m[1]!.padStart(2, "0")}-${m[2]!.padStart(2, "0")}` : undefined;
}
