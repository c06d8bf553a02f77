/**
 * npx tsx bench/invoice-match.ts [--lines=100000] [--durable-lines=N] [--quick]
 *
 * Invoice match throughput on a generated batch (bench/invoice-dataset.ts): 100 000 invoice lines
 * (10 000 invoices of 10 lines) with their POs, receipts, contracts and history, about 22% of lines
 * seeded into an exception or tolerance scenario.
 *
 * Two sides, in the same run, on the same invoices:
 * - engine (the baseline): `matchInvoice` alone, everything it reads already in memory;
 * - workflow (the product): the durable invoice match on an embedded store (PGlite in memory):
 *   the batch is written first as partners' documents with pending matches (not timed), then
 *   worker rounds (`runInvoiceMatches`) claim, load from the store, match, and decide each invoice
 *   in its own transaction with its exceptions, SLA timers and audit record — timed until none is
 *   left.
 * --durable-lines bounds the workflow side (default: all lines; --quick: 10 000 lines on both
 * sides). Writes bench/results/invoice-match.json. Exits 0 on a completed run: a benchmark
 * reports, the tests assert.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import type { Invoice } from "../src/model/index.js";
import { type MatchInput, matchInvoice } from "../src/policy/invoice-match/index.js";
import { importMasterData, openStore, type Store } from "../src/store/index.js";
import { runInvoiceMatches } from "../src/workflows/invoice-match/index.js";
import { generateInvoiceBatch } from "./invoice-dataset.js";

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = args.includes("--quick");
const TOTAL_LINES = Number(arg("lines") ?? (quick ? 10_000 : 100_000));
const DURABLE_LINES = Math.min(TOTAL_LINES, Number(arg("durable-lines") ?? TOTAL_LINES));
const NOW = new Date("2025-06-12T09:00:00Z");

const batch = generateInvoiceBatch(TOTAL_LINES);
const linesOf = (inputs: readonly MatchInput[]) => inputs.reduce((n, i) => n + i.invoice.lines.length, 0);

interface SideResult {
  readonly side: "engine" | "workflow";
  readonly invoices: number;
  readonly lines: number;
  readonly seconds: number;
  readonly linesPerSec: number;
  readonly invoicesPerSec: number;
  readonly held: number;
}

function runEngine(inputs: readonly MatchInput[]) {
  const byType = new Map<string, number>();
  const byStatus = new Map<string, number>();
  let held = 0;
  const started = performance.now();
  for (const input of inputs) {
    const r = matchInvoice(input);
    if (r.verdict === "hold") held++;
    for (const e of r.exceptions) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    for (const l of r.lines) byStatus.set(l.status, (byStatus.get(l.status) ?? 0) + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const lines = linesOf(inputs);
  const result: SideResult = {
    side: "engine",
    invoices: inputs.length,
    lines,
    seconds,
    linesPerSec: lines / seconds,
    invoicesPerSec: inputs.length / seconds,
    held,
  };
  return { result, byType, byStatus };
}

/** Writes the batch as the hub keeps it: master data, then per invoice its PO, receipts, invoice and pending match. */
async function loadStore(store: Store, inputs: readonly MatchInput[]): Promise<void> {
  await importMasterData(store, {
    purchasingEntities: [],
    facilities: [],
    costCenters: [],
    suppliers: [],
    items: batch.items,
    xrefs: [],
    contracts: batch.contracts,
  } as never);
  const docs: { kind: string; partner: string; documentId: string; body: unknown; decided?: boolean }[] = [];
  for (const input of inputs) {
    const partner = input.supplierId;
    for (const po of input.purchaseOrders) docs.push({ kind: "purchase-order", partner, documentId: po.id, body: po });
    for (const r of input.receipts) docs.push({ kind: "receipt", partner, documentId: r.id, body: r });
    // An invoice keyed twice: the first copy, already decided, is in the partner's history.
    for (const prior of input.history) {
      const first: Invoice = {
        ...input.invoice,
        invoiceDate: prior.invoiceDate,
        total: prior.total,
        lines: [],
      };
      docs.push({ kind: "invoice", partner, documentId: first.id, body: first, decided: true });
    }
    docs.push({ kind: "invoice", partner, documentId: input.invoice.id, body: input.invoice });
  }
  for (let i = 0; i < docs.length; i += 2_000) {
    const chunk = docs.slice(i, i + 2_000);
    await store.transaction(async (tx) => {
      const ids = await tx.query<{ id: number }>(
        `INSERT INTO trade_documents (kind, partner, direction, document_id, format, body, warnings, unresolved, correlation_id)
         SELECT k, p, 'inbound', d, 'x12', b, '[]', '[]', 'bench-' || d
         FROM unnest($1::text[], $2::text[], $3::text[], $4::json[]) AS t(k, p, d, b)
         RETURNING id`,
        [
          chunk.map((d) => d.kind),
          chunk.map((d) => d.partner),
          chunk.map((d) => d.documentId),
          chunk.map((d) => JSON.stringify(d.body)),
        ],
      );
      const invoices = chunk.flatMap((d, k) => (d.kind === "invoice" ? [{ id: ids[k]!.id, d }] : []));
      await tx.query(
        `INSERT INTO invoice_matches (invoice_document_id, partner, status, correlation_id, decided_at)
         SELECT i, p, s, 'bench-' || i, CASE WHEN s = 'approved' THEN now() END
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(i, p, s)`,
        [
          invoices.map((x) => x.id),
          invoices.map((x) => x.d.partner),
          invoices.map((x) => (x.d.decided ? "approved" : "pending")),
        ],
      );
    });
  }
  // The POs each invoice names, as startInvoiceMatch records them when an invoice is kept.
  await store.query(
    `INSERT INTO invoice_purchase_orders (purchase_order_id, invoice_document_id)
     SELECT DISTINCT x.po, d.id FROM trade_documents d,
       LATERAL (SELECT d.body ->> 'purchaseOrderId' AS po
                UNION SELECT l ->> 'purchaseOrderId' FROM json_array_elements(d.body -> 'lines') l) x
     WHERE d.kind = 'invoice' AND x.po IS NOT NULL ON CONFLICT DO NOTHING`,
  );
  await store.query("ANALYZE");
}

async function runWorkflow(inputs: readonly MatchInput[]): Promise<SideResult> {
  const store = await openStore("memory:");
  try {
    process.stderr.write(`workflow: writing ${inputs.length} invoices with their POs and receipts…\n`);
    await loadStore(store, inputs);
    process.stderr.write("workflow: matching…\n");
    const run = { store, workerId: "bench", leaseMs: 60_000, now: () => NOW };
    const started = performance.now();
    while ((await runInvoiceMatches(run, 50)) > 0);
    const seconds = (performance.now() - started) / 1000;
    const [counts] = await store.query<{ held: number; decided: number }>(
      `SELECT count(*) FILTER (WHERE status = 'held')::int AS held,
         count(*) FILTER (WHERE status IN ('approved', 'held'))::int AS decided
       FROM invoice_matches WHERE correlation_id LIKE 'bench-%'`,
    );
    const lines = linesOf(inputs);
    return {
      side: "workflow",
      invoices: inputs.length,
      lines,
      seconds,
      linesPerSec: lines / seconds,
      invoicesPerSec: inputs.length / seconds,
      held: counts!.held,
    };
  } finally {
    await store.close();
  }
}

const durableInputs = batch.inputs.slice(0, Math.ceil(DURABLE_LINES / 10));
const engine = runEngine(batch.inputs);
const engineSame = durableInputs.length === batch.inputs.length ? engine : runEngine(durableInputs);
const workflow = await runWorkflow(durableInputs);
const ratio = workflow.linesPerSec / engineSame.result.linesPerSec;

const f = (n: number) => Math.round(n).toLocaleString("en-US");
console.log(`invoice match: ${f(engine.result.lines)} lines in ${f(engine.result.invoices)} invoices`);
console.log("| side | invoices | lines | seconds | lines/s | invoices/s | held | workflow/engine |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of [engine.result, ...(engineSame === engine ? [] : [engineSame.result]), workflow]) {
  console.log(
    `| ${r.side} | ${f(r.invoices)} | ${f(r.lines)} | ${r.seconds.toFixed(2)} | ${f(r.linesPerSec)} | ${f(r.invoicesPerSec)} | ${f(r.held)} | ${r.side === "workflow" ? `${(ratio * 100).toFixed(1)}%` : ""} |`,
  );
}
console.log("  engine line status:", Object.fromEntries([...engine.byStatus].sort()));
console.log("  engine exceptions by type:", Object.fromEntries([...engine.byType].sort()));

await mkdir(new URL("./results/", import.meta.url), { recursive: true });
await writeFile(
  new URL("./results/invoice-match.json", import.meta.url),
  `${JSON.stringify(
    {
      meta: { date: new Date().toISOString(), node: process.version, cpus: cpus().length, quick },
      engine: engine.result,
      engineOnWorkflowBatch: engineSame.result,
      workflow,
      workflowOverEngine: ratio,
      exceptionsByType: Object.fromEntries(engine.byType),
    },
    null,
    2,
  )}\n`,
);
