import { createReadStream, createWriteStream } from "node:fs";
import { open, stat, writeFile } from "node:fs/promises";
import { CSV_KINDS, type CsvKind, createCsvErrorReport, importCsv, ProgressBar } from "../connectors/csv/index.js";
import type { Contract, Item, Supplier } from "../model/index.js";
import { HubClient, type HubConnection } from "./hub-client.js";

export interface ImportOptions extends HubConnection {
  readonly file: string;
  /** The system the data comes from (X-Concord-System); X12 and cXML name their sender themselves. */
  readonly from?: string;
  readonly kind?: CsvKind;
  /** Where rejected CSV rows are reported; default `<file>.errors.csv`. */
  readonly reportPath?: string;
  readonly out: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export type DetectedFormat = { format: "x12" } | { format: "cxml" } | { format: "csv"; kind: CsvKind | undefined };

const HEADER_KIND: Readonly<Record<string, CsvKind>> = {
  supplier_id: "supplier",
  item_id: "item",
  contract_number: "contract-price",
};

/** X12 starts with ISA, cXML with `<`; a CSV file is named by its header (supplier_id, item_id, contract_number). */
export async function detectFormat(file: string): Promise<DetectedFormat> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimStart();
    if (head.startsWith("ISA")) return { format: "x12" };
    if (head.startsWith("<")) return { format: "cxml" };
    const header = head
      .split(/\r?\n/, 1)[0]!
      .split(",")
      .map((c) => c.trim().replace(/^"|"$/g, ""));
    const kind = header.map((c) => HEADER_KIND[c]).find((k) => k !== undefined);
    return { format: "csv", kind };
  } finally {
    await handle.close();
  }
}

/**
 * `concord import <file> --from <system>`: sends a partner's document or a CSV batch file to the
 * hub through its API and prints what happened. CSV files stream (one record at a time on this
 * side, batches on the wire) with a progress bar and a report of every rejected row.
 * Returns whether everything was accepted.
 */
export async function importCommand(o: ImportOptions): Promise<boolean> {
  const hub = new HubClient(o);
  const detected = await detectFormat(o.file);
  if (detected.format === "x12") return importX12(hub, o);
  if (detected.format === "cxml") return importCxml(hub, o);
  const kind = o.kind ?? detected.kind;
  if (!kind) {
    throw new Error(
      `${o.file}: cannot tell what the CSV holds; give --kind ${CSV_KINDS.join("|")} (see docs/formats/csv.md)`,
    );
  }
  if (!o.from) throw new Error("a CSV import needs --from <system>: the system of record the data comes from");
  return importCsvFile(hub, o, kind, o.from);
}

interface X12ImportAnswer {
  readonly messageId: string;
  readonly duplicate?: boolean;
  readonly documents: readonly { kind: string; documentId: string; unresolved: readonly unknown[] }[];
  readonly rejectedSets: readonly { setId: string; controlNumber: string; reason: string }[];
  readonly unmappedSets: readonly { setId: string; controlNumber: string }[];
  readonly acknowledged: number;
  readonly functionalAck?: string;
}

async function importX12(hub: HubClient, o: ImportOptions): Promise<boolean> {
  const body = hub.ok(
    await hub.api.POST("/v1/inbound/x12", {
      headers: { "content-type": "application/edi-x12" },
      body: await readText(o.file),
      // The interchange goes as it is written, not as a JSON string.
      bodySerializer: (text) => text,
    }),
  ) as X12ImportAnswer;
  const docs = body.documents;
  o.out.write(
    `${o.file}: interchange ${String(body.messageId).split(":").pop()} accepted${body.duplicate ? " (already received)" : ""}\n`,
  );
  for (const d of docs) {
    o.out.write(
      `  kept ${d.kind} ${d.documentId}${d.unresolved.length ? `, ${d.unresolved.length} item(s) not matched (an exception was raised)` : ""}\n`,
    );
  }
  for (const s of body.rejectedSets) {
    o.out.write(`  REJECTED set ${s.setId} ${s.controlNumber}: ${s.reason}\n`);
  }
  for (const s of body.unmappedSets) {
    o.out.write(`  kept raw, not mapped: set ${s.setId} ${s.controlNumber}\n`);
  }
  if (body.acknowledged) o.out.write(`  acknowledged ${body.acknowledged} document(s) Concord had sent\n`);
  if (body.functionalAck) {
    await writeFile(`${o.file}.ack.x12`, body.functionalAck);
    o.out.write(`  functional acknowledgment written to ${o.file}.ack.x12\n`);
  }
  return body.rejectedSets.length === 0;
}

async function importCxml(hub: HubClient, o: ImportOptions): Promise<boolean> {
  const {
    data,
    error,
    response: res,
  } = await hub.api.POST("/v1/inbound/cxml", {
    headers: { "content-type": "text/xml" },
    body: await readText(o.file),
    bodySerializer: (text) => text,
    parseAs: "text",
  });
  // cXML answers a cXML Response whatever happened; its Status says what.
  const text = typeof data === "string" ? data : typeof error === "string" ? error : "";
  const status = /<Status\s+code="(\d+)"\s+text="([^"]*)"[^>]*>([^<]*)/.exec(text);
  o.out.write(
    `${o.file}: cXML status ${status?.[1] ?? res.status} ${status?.[2] ?? ""}${status?.[3] ? ` — ${status[3].trim()}` : ""}\n`,
  );
  return res.ok;
}

const BATCH = 200;

async function importCsvFile(hub: HubClient, o: ImportOptions, kind: CsvKind, from: string): Promise<boolean> {
  const reportPath = o.reportPath ?? `${o.file}.errors.csv`;
  const reportStream = createWriteStream(reportPath);
  const report = createCsvErrorReport(reportStream);
  const bar = new ProgressBar(o.out, { label: kind, totalBytes: (await stat(o.file)).size });
  const tally = { created: 0, updated: 0, unchanged: 0, accepted: 0, parked: 0, rejected: 0 };
  const problems: string[] = [];
  let batch: (Supplier | Item)[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const request = { params: { header: { "x-concord-system": from } }, body: { records: batch } };
    const body = hub.ok(
      kind === "supplier"
        ? await hub.api.POST("/v1/imports/suppliers", request)
        : await hub.api.POST("/v1/imports/items", request),
    ) as {
      created: number;
      updated: number;
      unchanged: number;
      rejected: number;
      results: { id: string; status: string; problem?: { code: string; detail: string } }[];
    };
    tally.created += body.created;
    tally.updated += body.updated;
    tally.unchanged += body.unchanged;
    tally.rejected += body.rejected;
    for (const r of body.results) if (r.problem) problems.push(`${r.id}: ${r.problem.code}: ${r.problem.detail}`);
    batch = [];
  };
  const summary = await importCsv(kind, createReadStream(o.file), {
    report,
    onProgress: (p) => bar.update(p),
    onRecord: async (record) => {
      if (kind === "contract-price") {
        await sendContract(hub, record as Contract, from, tally, problems);
        return;
      }
      batch.push(record as Supplier | Item);
      if (batch.length >= BATCH) await flush();
    },
  });
  await flush();
  bar.finish();
  await report.close();
  o.out.write(
    `${o.file}: ${summary.rows} rows, ${summary.records} ${kind === "contract-price" ? "contract versions" : "records"} sent\n` +
      (kind === "contract-price"
        ? `  hub: ${tally.accepted} accepted, ${tally.parked} parked (not newer), ${tally.rejected} rejected\n`
        : `  hub: ${tally.created} created, ${tally.updated} updated, ${tally.unchanged} unchanged, ${tally.rejected} rejected\n`) +
      (summary.issues > 0
        ? `  ${summary.rejectedRows} rows with problems, ${summary.rejectedRecords} records not sent; report: ${reportPath}\n`
        : "") +
      problems
        .slice(0, 20)
        .map((p) => `  REJECTED ${p}\n`)
        .join("") +
      (problems.length > 20 ? `  … and ${problems.length - 20} more\n` : ""),
  );
  return summary.issues === 0 && tally.rejected === 0;
}

/**
 * A price file carries prices, not eligibility or rebates: a version it makes keeps those of the
 * contract's current version, rather than silently withdrawing every facility's eligibility.
 */
async function sendContract(
  hub: HubClient,
  contract: Contract,
  from: string,
  tally: { accepted: number; parked: number; rejected: number },
  problems: string[],
): Promise<void> {
  let version = contract;
  if (contract.eligibility.length === 0 && contract.rebates.length === 0) {
    const current = await hub.api.GET("/v1/contracts/{id}", { params: { path: { id: contract.id } } });
    if (current.response.ok) {
      const held = current.data as Contract;
      version = { ...contract, eligibility: held.eligibility, rebates: held.rebates };
    } else if (current.response.status === 401 || current.response.status === 403) {
      // Without access nothing else will work either: stop rather than report every line.
      throw new Error(hub.describe(current.response.status, current.error));
    }
  }
  const { data, error, response } = await hub.api.POST("/v1/contracts/{id}/versions", {
    params: {
      path: { id: contract.id },
      header: { "x-concord-system": from, "idempotency-key": `csv/${contract.id}/v${contract.version}` },
    },
    body: version,
  });
  if (response.status === 401) throw new Error(hub.describe(response.status, error));
  if (response.ok && (data as { status?: string }).status === "parked") tally.parked++;
  else if (response.ok) tally.accepted++;
  else {
    tally.rejected++;
    problems.push(`${contract.number} v${contract.version}: ${hub.describe(response.status, error)}`);
  }
}

async function readText(file: string): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(file, "utf8");
}
