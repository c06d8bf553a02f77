import { type PriceLine, validateEntity } from "../../model/index.js";
import {
  type ContractHeader,
  type ContractPriceRow,
  HEADER_FIELDS,
  LINE_FIELDS,
  tierColumn,
} from "./contract-price-layout.js";
import type { CsvIssue, CsvReadResult } from "./csv-kind.js";
import { issuesFromModel } from "./csv-layout.js";

/** The model's own ceiling on price lines per contract; holding more would break the memory bound. */
export const MAX_LINES_PER_CONTRACT = 20_000;

interface OpenContract {
  readonly key: string;
  readonly number: string;
  readonly version: number;
  readonly firstLine: number;
  lastLine: number;
  header: ContractHeader | undefined;
  headerLine: number;
  readonly lines: PriceLine[];
  /** File line of each price line, to point business-rule issues back at their row. */
  readonly lineRows: number[];
  badRows: number;
  overflow: boolean;
  readonly notes: string[];
}

/**
 * Turns the rows of a contract-price file into whole contract versions while holding only the
 * one being read. Rows of a version must be contiguous: a version is complete when a row of
 * another version starts. A version with any bad row is rejected whole, because importing the
 * good rows alone would publish a snapshot that silently drops a price.
 */
export class ContractGrouper {
  private current: OpenContract | undefined;
  /** Versions already closed, to catch rows that come back later; a few dozen bytes per version. */
  private readonly closed = new Map<string, { from: number; to: number }>();
  /** An unreadable row may have opened the next version: it taints that one as well. */
  private orphanBefore: number | undefined;

  add(r: ContractPriceRow): CsvReadResult<"contract-price">[] {
    const out: CsvReadResult<"contract-price">[] = [];
    if (r.key === undefined) {
      out.push({ line: r.row.line, endLine: r.row.endLine, issues: r.issues });
      this.orphan(r.row.line);
      return out;
    }
    if (this.current !== undefined && this.current.key !== r.key) out.push(...this.close());
    const issues = [...r.issues];
    const [number, versionText] = r.key.split("\u0000") as [string, string];
    if (this.current === undefined) {
      const earlier = this.closed.get(r.key);
      if (earlier !== undefined) {
        issues.push({
          line: r.row.line,
          column: "contract_number",
          rule: "csv.contract-not-contiguous",
          message: `contract ${number} version ${versionText} was already read at lines ${earlier.from}-${earlier.to}; rows of one contract version must be together (sort the file by contract_number, contract_version)`,
          value: number,
        });
        out.push({ line: r.row.line, endLine: r.row.endLine, issues });
        this.orphanBefore = undefined;
        return out;
      }
      this.current = this.open(r, number, Number(versionText));
    }
    const c = this.current;
    c.lastLine = r.row.endLine;
    if (r.header !== undefined) {
      if (c.header === undefined) {
        c.header = r.header;
        c.headerLine = r.row.line;
      } else if (r.header !== c.header) issues.push(...headerMismatches(c, r));
    }
    if (issues.length > 0) {
      c.badRows++;
      out.push({ line: r.row.line, endLine: r.row.endLine, issues });
    } else if (c.lines.length >= MAX_LINES_PER_CONTRACT) {
      // Stop holding lines (the memory bound) but keep reading to find where the version ends.
      if (!c.overflow) c.notes.push(`it has more than ${MAX_LINES_PER_CONTRACT} price lines (from line ${r.row.line})`);
      c.overflow = true;
    } else {
      c.lines.push(r.line!);
      c.lineRows.push(r.row.line);
    }
    return out;
  }

  /** A row that could not be read at all (bad quoting, wrong number of cells). */
  orphan(line: number): void {
    if (this.current !== undefined) {
      this.current.notes.push(`line ${line} could not be read and may belong to it`);
    }
    this.orphanBefore = line;
  }

  finish(): CsvReadResult<"contract-price">[] {
    return this.current === undefined ? [] : this.close();
  }

  private open(r: ContractPriceRow, number: string, version: number): OpenContract {
    const notes: string[] = [];
    if (this.orphanBefore !== undefined) {
      notes.push(`line ${this.orphanBefore} just before it could not be read and may belong to it`);
    }
    this.orphanBefore = undefined;
    return {
      key: r.key!,
      number,
      version,
      firstLine: r.row.line,
      lastLine: r.row.endLine,
      header: undefined,
      headerLine: r.row.line,
      lines: [],
      lineRows: [],
      badRows: 0,
      overflow: false,
      notes,
    };
  }

  private close(): CsvReadResult<"contract-price">[] {
    const c = this.current!;
    this.current = undefined;
    this.closed.set(c.key, { from: c.firstLine, to: c.lastLine });
    const span = { line: c.firstLine, endLine: c.lastLine };
    const reasons = [...c.notes];
    if (c.badRows > 0) reasons.unshift(`${c.badRows} of its rows ha${c.badRows === 1 ? "s" : "ve"} errors`);
    if (reasons.length === 0 && c.header !== undefined) {
      const candidate = { kind: "contract", ...c.header, priceLines: c.lines, eligibility: [], rebates: [] };
      const checked = validateEntity("contract", candidate);
      if (checked.ok) return [{ ...span, record: checked.value }];
      const issues = issuesFromModel(checked.issues, (path) => locate(c, path));
      return [{ ...span, issues: [...issues, rejected(c, ["it breaks the rules above"])] }];
    }
    return [{ ...span, issues: [rejected(c, reasons)] }];
  }
}

function rejected(c: OpenContract, reasons: readonly string[]): CsvIssue {
  return {
    line: c.firstLine,
    column: "",
    rule: "csv.contract-rejected",
    message: `contract ${c.number} version ${c.version} (lines ${c.firstLine}-${c.lastLine}) was not imported: ${reasons.join("; ")}. A contract version is imported whole or not at all`,
    value: "",
  };
}

function headerMismatches(c: OpenContract, r: ContractPriceRow): CsvIssue[] {
  const issues: CsvIssue[] = [];
  for (const [column, field] of HEADER_FIELDS) {
    const first = c.header![field];
    const here = r.header![field];
    if (first === here) continue;
    issues.push({
      line: r.row.line,
      column,
      rule: "csv.contract-fields-differ",
      message: `${column} is "${here}" but "${first}" on line ${c.headerLine}; every row of contract ${c.number} version ${c.version} must repeat the same contract fields`,
      value: String(here),
    });
  }
  return issues;
}

/** "/priceLines/3/unitPrice" → the row that gave line 3, column unit_price; contract fields → the first row. */
function locate(c: OpenContract, path: string): { line: number; column: string; value: string } {
  const m = /^\/priceLines\/(\d+)(?:\/([A-Za-z]+)(?:\/(\d+)(?:\/[A-Za-z]+)?)?)?$/.exec(path);
  if (m) {
    const index = Number(m[1]);
    const line = c.lines[index];
    const row = c.lineRows[index] ?? c.firstLine;
    if (line === undefined) return { line: row, column: "", value: "" };
    if (m[2] === "tierPrices" && m[3] !== undefined) {
      const tp = line.tierPrices[Number(m[3])];
      return { line: row, column: tp ? tierColumn(tp.tier) : "", value: tp?.unitPrice ?? "" };
    }
    const column = LINE_FIELDS.find(([, f]) => f === m[2])?.[0] ?? "";
    const value = m[2] === undefined ? undefined : (line as unknown as Record<string, unknown>)[m[2]];
    return { line: row, column, value: value === undefined ? "" : String(value) };
  }
  const field = path.slice(1);
  const column = HEADER_FIELDS.find(([, f]) => f === field)?.[0] ?? "";
  const value = c.header === undefined ? undefined : (c.header as unknown as Record<string, unknown>)[field];
  return { line: c.headerLine, column, value: value === undefined ? "" : String(value) };
}
