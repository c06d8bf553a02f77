import { mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { claimName } from "./drop-names.js";
import { createFileDrop, type FileDrop } from "./file-drop.js";
import type { FileDropOptions } from "./file-drop-options.js";
import type { DroppedFile } from "./file-drop-types.js";

let root: string;
const drops: FileDrop[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "concord-drop-"));
});
afterEach(async () => {
  await Promise.all(drops.splice(0).map((d) => d.stop()));
  await rm(root, { recursive: true, force: true });
});

/** A drop that records what its handler saw (name and content). */
function drop(over: Partial<FileDropOptions> = {}) {
  const seen: { name: string; content: string; recovered: boolean }[] = [];
  const d = createFileDrop({
    partner: "acme",
    root,
    watch: false,
    stableMs: 0,
    scanIntervalMs: 60_000,
    handler: async (f: DroppedFile) => {
      seen.push({ name: f.name, content: await readFile(f.path, "utf8"), recovered: f.recovered });
    },
    ...over,
  });
  drops.push(d);
  return { d, seen };
}

const ls = async (folder: string) => (await readdir(join(root, folder))).sort();
const past = (ms: number) => new Date(Date.now() - ms);

describe("file drop inbound", () => {
  it("hands a complete file to the handler, then archives it under a timestamp prefix", async () => {
    const { d, seen } = drop();
    await d.start();
    await writeFile(join(root, "inbound", "prices.csv"), "a,b\n1,2\n");
    expect(await d.scan()).toBe(1);
    expect(seen).toEqual([{ name: "prices.csv", content: "a,b\n1,2\n", recovered: false }]);
    expect(await ls("inbound")).toEqual([]);
    expect(await ls("processing")).toEqual([]);
    const [archived] = await ls("archive");
    expect(archived).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{6}--prices\.csv$/);
  });

  it("ignores temp names and dot-files until the writer renames them", async () => {
    const { d, seen } = drop();
    await d.start();
    for (const name of ["prices.csv.tmp", ".prices.csv", "big.zip.part", "x.filepart"]) {
      await writeFile(join(root, "inbound", name), "partial");
    }
    expect(await d.scan()).toBe(0);
    await rename(join(root, "inbound", "prices.csv.tmp"), join(root, "inbound", "prices.csv"));
    await d.scan();
    expect(seen.map((s) => s.name)).toEqual(["prices.csv"]);
    expect(await ls("inbound")).toEqual([".prices.csv", "big.zip.part", "x.filepart"]);
  });

  it("waits until a file written in place has stopped changing", async () => {
    const { d, seen } = drop({ stableMs: 60_000 });
    await d.start();
    await writeFile(join(root, "inbound", "growing.csv"), "a,b\n");
    expect(await d.scan()).toBe(0);
    await utimes(join(root, "inbound", "growing.csv"), past(61_000), past(61_000));
    expect(await d.scan()).toBe(1);
    expect(seen.map((s) => s.name)).toEqual(["growing.csv"]);
  });

  it("picks a file up promptly through the watcher, without waiting for the periodic scan", async () => {
    const { d, seen } = drop({ watch: true, scanIntervalMs: 600_000 });
    await d.start();
    await writeFile(join(root, "inbound", ".orders.csv.tmp"), "x");
    await rename(join(root, "inbound", ".orders.csv.tmp"), join(root, "inbound", "orders.csv"));
    const deadline = Date.now() + 5000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen.map((s) => s.name)).toEqual(["orders.csv"]);
  });

  it("moves a file whose handler failed to error/ with an .error.txt saying why", async () => {
    const { d } = drop({
      handler: async () => {
        throw Errors.CsvHeader("supplier file, line 1 (header): unknown column tier1_price", {
          unknown: ["tier1_price"],
        });
      },
    });
    await d.start();
    await writeFile(join(root, "inbound", "suppliers.csv"), "tier1_price\n");
    await d.scan();
    // Under load the watcher's own pass may still hold the file: wait for it, not for a clock.
    const deadline = Date.now() + 10_000;
    let files = await ls("error");
    while (files.length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      await d.scan();
      files = await ls("error");
    }
    expect(files).toHaveLength(2);
    const [moved, txt] = files as [string, string];
    expect(txt).toBe(`${moved}.error.txt`);
    const why = await readFile(join(root, "error", txt), "utf8");
    expect(why).toContain("file: suppliers.csv");
    expect(why).toContain("error: CONCORD_ERR_CSV_HEADER");
    expect(why).toContain("unknown column tier1_price");
    expect(why).toContain("retryable: no");
    expect(await readFile(join(root, "error", moved), "utf8")).toBe("tier1_price\n");
    expect(await ls("archive")).toEqual([]);
  });

  it("never hands one file to two watchers of the same folder", async () => {
    const shared: string[] = [];
    const slowHandler = async (f: DroppedFile) => {
      shared.push(f.name);
      await new Promise((r) => setTimeout(r, 1));
    };
    const a = drop({ handler: slowHandler }).d;
    const b = drop({ handler: slowHandler }).d;
    await Promise.all([a.start(), b.start()]);
    const names = Array.from({ length: 60 }, (_, i) => `f${String(i).padStart(3, "0")}.csv`);
    await Promise.all(names.map((n) => writeFile(join(root, "inbound", n), n)));
    await Promise.all([a.scan(), b.scan(), a.scan(), b.scan()]);
    await Promise.all([a.scan(), b.scan()]);
    expect([...shared].sort()).toEqual(names);
    expect(await ls("archive")).toHaveLength(60);
  });
});

describe("file drop crash recovery", () => {
  it("retries at start-up a file a crashed watcher left in processing/, once its lease has expired", async () => {
    await mkdir(join(root, "processing"), { recursive: true });
    const abandoned = join(root, "processing", claimName("invoices.csv", past(120_000)));
    const live = join(root, "processing", claimName("held.csv", new Date()));
    await writeFile(abandoned, "abandoned");
    await writeFile(live, "held by a live watcher");
    await utimes(abandoned, past(120_000), past(120_000));
    const { d, seen } = drop({ leaseMs: 60_000 });
    await d.start();
    expect(seen).toEqual([{ name: "invoices.csv", content: "abandoned", recovered: true }]);
    expect((await ls("processing")).map((n) => n.replace(/^.*--/, ""))).toEqual(["held.csv"]);
    expect((await ls("archive")).map((n) => n.replace(/^.*--/, ""))).toEqual(["invoices.csv"]);
  });

  it("keeps a long-running file's lease fresh so another watcher does not take it over", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const first = drop({ leaseMs: 90, handler: () => gate }).d;
    const second = drop({ leaseMs: 90 });
    await first.start();
    await writeFile(join(root, "inbound", "slow.csv"), "x");
    const handling = first.scan();
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 50));
      await second.d.scan();
    }
    release();
    await handling;
    expect(second.seen).toEqual([]);
    expect((await ls("archive")).map((n) => n.replace(/^.*--/, ""))).toEqual(["slow.csv"]);
  });
});

describe("file drop outbound", () => {
  it("writes the whole file under its final name and leaves no temp file", async () => {
    const { d } = drop();
    await d.start();
    const path = await d.send("prices-20250301.csv", "a,b\n".repeat(10_000));
    expect(path).toBe(join(root, "outbound", "prices-20250301.csv"));
    expect(await ls("outbound")).toEqual(["prices-20250301.csv"]);
    expect((await readFile(path, "utf8")).length).toBe(40_000);
  });

  it("streams a Readable to the final name", async () => {
    const { d } = drop();
    await d.start();
    async function* chunks() {
      for (let i = 0; i < 100; i++) yield `line ${i}\n`;
    }
    const path = await d.send("lines.txt", chunks());
    expect((await readFile(path, "utf8")).split("\n")).toHaveLength(101);
  });

  it("refuses to replace a file the partner has not collected, and keeps the first", async () => {
    const { d } = drop();
    await d.start();
    await d.send("po-1.x12", "first");
    const error = await d.send("po-1.x12", "second").catch((e: unknown) => e);
    expect(Errors.TransportFileExists.is(error)).toBe(true);
    expect(await readFile(join(root, "outbound", "po-1.x12"), "utf8")).toBe("first");
    expect(await ls("outbound")).toEqual(["po-1.x12"]);
  });

  it("refuses names with folders or in-progress suffixes", async () => {
    const { d } = drop();
    await d.start();
    for (const name of ["../escape.csv", "a/b.csv", ".hidden", "x.tmp", ""]) {
      const error = await d.send(name, "x").catch((e: unknown) => e);
      expect(Errors.TransportFile.is(error), name).toBe(true);
    }
    expect(await ls("outbound")).toEqual([]);
  });
});
