/**
 * X12 codec benchmark: generates an 832 price catalog of about --mb megabytes (default 50), then
 * measures, in one process and on the same bytes:
 *   - our encoder (canonical PriceCatalog → X12 text),
 *   - our streaming decoder (64 KiB chunks from a file, envelope and control checks, segments not kept),
 *   - our decode to the canonical PriceCatalog (set collected, then mapped),
 *   - node-x12's X12Parser plain parse of the same text (its object model, no mapping).
 * Prints MB/s and RSS growth per row and the streaming decoder's speed relative to node-x12.
 *
 *   npx tsx bench/x12-codec.ts [--mb=50]
 */
import { createReadStream, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createX12Decoder, decodeDocument, decodeInterchange, encodeDocuments } from "../src/connectors/x12/index.js";
import type { CatalogItem, PriceCatalog } from "../src/model/index.js";

const mbArg = process.argv.find((a) => a.startsWith("--mb="));
const targetMb = mbArg ? Number(mbArg.slice(5)) : 50;
if (!Number.isFinite(targetMb) || targetMb <= 0) throw new Error(`--mb must be a positive number, got ${mbArg}`);

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
const rss = () => process.memoryUsage().rss;
function settle(): void {
  gc?.();
}

interface Row {
  readonly what: string;
  readonly mb: number;
  readonly seconds: number;
  readonly rssGrowthMb: number;
}
const rows: Row[] = [];

function gtin(n: number): string {
  const body = String(10_000_000_000_000 + n).slice(-13);
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(body[12 - i]) * (i % 2 === 0 ? 3 : 1);
  return body + String((10 - (sum % 10)) % 10);
}

function item(n: number): CatalogItem {
  return {
    item: {
      supplierPartNo: `SKU-${n}`,
      manufacturerPartNo: `MFG${n}`,
      gtin: gtin(n),
      description: `SURGICAL DRAPE ${n}, STERILE, 40 X 60 IN, LATEX FREE`,
    },
    action: "add",
    prices: [
      { uom: "case", unitPrice: `${60 + (n % 40)}.25`, kind: "tier", tier: 1 },
      { uom: "case", unitPrice: `${58 + (n % 40)}.10`, kind: "tier", tier: 2 },
      { uom: "case", unitPrice: `${55 + (n % 40)}.75`, kind: "tier", tier: 3 },
    ],
    packs: [
      { uom: "case", quantity: 4, containsUom: "box", gtin: gtin(n + 5_000_000) },
      { uom: "box", quantity: 20, containsUom: "each", gtin: gtin(n + 3_000_000) },
    ],
  };
}

// ~330 bytes per item as encoded; aim a little over the target.
const itemCount = Math.ceil((targetMb * MB) / 330);
const catalog: PriceCatalog = {
  kind: "price-catalog",
  id: "BENCH-832",
  purpose: "original",
  currency: "USD",
  contractNumber: "GPO-2026-01",
  parties: [{ role: "manufacturer", name: "BENCH MANUFACTURER", ids: [{ scheme: "hin", value: "08KUG8732" }] }],
  items: Array.from({ length: itemCount }, (_, n) => item(n)),
};

settle();
let before = rss();
let t0 = performance.now();
const { text } = encodeDocuments([catalog], {
  sender: { qualifier: "ZZ", id: "SUPPLIER" },
  receiver: { qualifier: "ZZ", id: "CONCORD" },
  controlNumber: 1,
  at: new Date(),
  lineBreaks: true,
});
const encodeSeconds = (performance.now() - t0) / 1000;
const bytes = Buffer.byteLength(text);
rows.push({
  what: "concord encode (PriceCatalog → X12)",
  mb: bytes / MB,
  seconds: encodeSeconds,
  rssGrowthMb: (rss() - before) / MB,
});

const file = join(tmpdir(), `concord-x12-bench-${process.pid}.x12`);
writeFileSync(file, text);

async function streamDecode(): Promise<number> {
  settle();
  const start = rss();
  let peak = start;
  let segments = 0;
  const began = performance.now();
  const decoder = createX12Decoder({ mode: "stream" });
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    for (const e of decoder.push(chunk as Buffer)) if (e.type === "segment") segments++;
    const now = rss();
    if (now > peak) peak = now;
  }
  decoder.end();
  const seconds = (performance.now() - began) / 1000;
  rows.push({
    what: `concord streaming decode (${segments} segments)`,
    mb: bytes / MB,
    seconds,
    rssGrowthMb: (peak - start) / MB,
  });
  return seconds;
}

try {
  const streamSeconds = await streamDecode();

  settle();
  before = rss();
  t0 = performance.now();
  const ic = decodeInterchange(text);
  const mapped = decodeDocument(ic.groups[0]!.sets[0]!);
  const mapSeconds = (performance.now() - t0) / 1000;
  const mappedItems = mapped.document.kind === "price-catalog" ? mapped.document.items.length : 0;
  rows.push({
    what: `concord decode → PriceCatalog (${mappedItems} items)`,
    mb: bytes / MB,
    seconds: mapSeconds,
    rssGrowthMb: (rss() - before) / MB,
  });

  const require = createRequire(import.meta.url);
  const { X12Parser } = require("node-x12") as { X12Parser: new (strict?: boolean) => { parse(edi: string): unknown } };
  settle();
  before = rss();
  t0 = performance.now();
  const parsed = new X12Parser(true).parse(text);
  const theirSeconds = (performance.now() - t0) / 1000;
  rows.push({
    what: "node-x12 X12Parser.parse (plain parse)",
    mb: bytes / MB,
    seconds: theirSeconds,
    rssGrowthMb: (rss() - before) / MB,
  });
  if (!parsed) throw new Error("node-x12 returned nothing");

  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(
    `X12 832 benchmark: ${(bytes / MB).toFixed(1)} MB, ${itemCount} catalog items, node ${process.version}${gc ? "" : " (run with --expose-gc for steadier RSS figures)"}`,
  );
  console.log(
    `${pad("operation", 48)} ${"MB".padStart(7)} ${"seconds".padStart(8)} ${"MB/s".padStart(8)} ${"RSS growth MB".padStart(14)}`,
  );
  for (const r of rows) {
    console.log(
      `${pad(r.what, 48)} ${r.mb.toFixed(1).padStart(7)} ${r.seconds.toFixed(2).padStart(8)} ${(r.mb / r.seconds).toFixed(1).padStart(8)} ${r.rssGrowthMb.toFixed(1).padStart(14)}`,
    );
  }
  console.log(`streaming decode vs node-x12 plain parse: ${(theirSeconds / streamSeconds).toFixed(2)}× the throughput`);
} finally {
  rmSync(file, { force: true });
}
