import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_PRICE_COLUMNS } from "./contract-price-layout.js";
import { readCsv } from "./read-csv.js";

const ROWS = 1_000_000;
const LINES_PER_CONTRACT = 10_000;
const MB = 1024 * 1024;

/** The file is generated on the fly, a thousand rows per chunk, so the test itself holds no row list. */
function* priceFile(): Generator<string> {
  yield `${CONTRACT_PRICE_COLUMNS.map((c) => c.name).join(",")}\n`;
  const blanks = ",".repeat(CONTRACT_PRICE_COLUMNS.length - 15);
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    const contract = Math.floor(i / LINES_PER_CONTRACT);
    const lineNo = (i % LINES_PER_CONTRACT) + 1;
    const cents = String(100 + (i % 9900)).padStart(3, "0");
    chunk += `GPO-${contract},2,,Contract ${contract},sup-${contract % 37},USD,2025-01-01,2027-12-31,order-date,${lineNo},itm-${lineNo},box,${cents.slice(0, -2)}.${cents.slice(-2)},,${blanks}\n`;
    if (i % 1000 === 999) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

describe("a 1,000,000-row contract-price file", () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-csv-"));
    path = join(dir, "prices.csv");
    await pipeline(Readable.from(priceFile()), createWriteStream(path));
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("streams through readCsv holding one contract at a time (heap growth bounded)", async () => {
    const size = (await stat(path)).size;
    (globalThis as { gc?: () => void }).gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let contracts = 0;
    let lines = 0;
    let bytes = 0;
    let rowsSeen = 0;
    const problems: unknown[] = [];
    for await (const r of readCsv("contract-price", createReadStream(path), {
      onProgress: (p) => {
        bytes = p.bytes;
        rowsSeen = p.rows;
        if (p.rows % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    })) {
      if ("issues" in r) problems.push(r.issues);
      else {
        contracts++;
        lines += r.record.priceLines.length;
      }
    }
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(problems).toEqual([]);
    expect(contracts).toBe(ROWS / LINES_PER_CONTRACT);
    expect(lines).toBe(ROWS);
    expect(rowsSeen).toBe(ROWS);
    expect(bytes).toBe(size);
    // Holding every row would need several hundred MB; one contract of 10,000 lines needs a few.
    process.stderr.write(`readCsv, 1,000,000 rows: peak heap growth ${((peak - baseline) / MB).toFixed(1)} MB\n`);
    expect((peak - baseline) / MB).toBeLessThan(150);
  }, 300_000);
});
