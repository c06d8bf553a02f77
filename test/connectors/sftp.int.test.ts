import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createMemoryLedger,
  createSftpTransport,
  type PulledFile,
  type SftpConfig,
} from "../../src/connectors/sftp/index.js";
import { Errors } from "../../src/errors/index.js";
import { type Sshd, sshdUnavailable, startSshd, unauthorizedClientKey } from "../support/sshd.js";

const unavailable = sshdUnavailable();
if (unavailable) console.warn(`sftp.int.test.ts skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("SFTP transport against a real OpenSSH server", () => {
  let sshd: Sshd;
  let n = 0;
  let base: string;

  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  /** Fresh remote folders per test; the server is on this machine, so they are local paths too. */
  beforeEach(async () => {
    base = join(sshd.dir, `t${++n}`);
    for (const f of ["in", "archive", "out", "error"]) await mkdir(join(base, f), { recursive: true });
  });

  const config = (over: Partial<SftpConfig> = {}): SftpConfig => ({
    partner: "acme",
    host: sshd.host,
    port: sshd.port,
    username: sshd.username,
    privateKey: sshd.privateKey,
    hostKeyFingerprint: sshd.hostKeyFingerprint,
    inboundDir: join(base, "in"),
    archiveDir: join(base, "archive"),
    outboundDir: join(base, "out"),
    settleMs: 0,
    ...over,
  });
  const ls = async (folder: string) => (await readdir(join(base, folder))).sort();
  const collect = (into: { name: string; content: string; key: string }[]) => async (f: PulledFile) => {
    into.push({ name: f.name, content: await readFile(f.localPath, "utf8"), key: f.idempotencyKey });
  };

  it("pulls each complete file, hands it over, and moves it to the remote archive", async () => {
    await writeFile(join(base, "in", "prices.csv"), "a,b\n1,2\n");
    await writeFile(join(base, "in", "orders.x12"), "ISA*00*~");
    await writeFile(join(base, "in", ".upload.tmp"), "partial");
    await writeFile(join(base, "in", "big.csv.part"), "partial");
    const seen: { name: string; content: string; key: string }[] = [];
    const summary = await createSftpTransport(config()).pull(collect(seen));
    expect(seen.map((s) => [s.name, s.content])).toEqual([
      ["orders.x12", "ISA*00*~"],
      ["prices.csv", "a,b\n1,2\n"],
    ]);
    expect(seen[1]!.key).toMatch(/^prices\.csv\|8\|\d+$/);
    expect(summary).toMatchObject({ handled: ["orders.x12", "prices.csv"], archivedOnly: [], failed: [] });
    expect(await ls("in")).toEqual([".upload.tmp", "big.csv.part"]);
    expect((await ls("archive")).map((f) => f.replace(/^\d{8}T\d{9}Z-[0-9a-f]{6}--/, ""))).toEqual([
      "orders.x12",
      "prices.csv",
    ]);
    expect((await createSftpTransport(config()).pull(collect(seen))).handled).toEqual([]);
  });

  it("archives without handling again a file handled by a pull whose archive step failed", async () => {
    await writeFile(join(base, "in", "invoice.x12"), "ISA~");
    const ledger = createMemoryLedger();
    const seen: { name: string; content: string; key: string }[] = [];
    const broken = createSftpTransport(config({ ledger, archiveDir: join(base, "no-such-folder") }));
    const error = await broken.pull(collect(seen)).catch((e: unknown) => e);
    expect(Errors.TransportSftp.is(error)).toBe(true);
    expect((error as { extras: { op: string } }).extras.op).toBe("archive");
    expect(seen).toHaveLength(1);
    expect(await ls("in")).toEqual(["invoice.x12"]);

    const summary = await createSftpTransport(config({ ledger })).pull(collect(seen));
    expect(summary).toMatchObject({ handled: [], archivedOnly: ["invoice.x12"] });
    expect(seen).toHaveLength(1);
    expect(await ls("in")).toEqual([]);
  });

  it("leaves a file that is still being written for the next pull", async () => {
    const path = join(base, "in", "growing.csv");
    await writeFile(path, "a,b\n");
    const seen: { name: string; content: string; key: string }[] = [];
    const pulling = createSftpTransport(config({ settleMs: 1500 })).pull(collect(seen));
    await new Promise((r) => setTimeout(r, 400));
    await writeFile(path, "a,b\n1,2\n");
    const summary = await pulling;
    expect(summary.waiting).toEqual(["growing.csv"]);
    expect(seen).toEqual([]);
    expect(await ls("in")).toEqual(["growing.csv"]);
  });

  it("moves a file whose handler failed to the error folder with the reason beside it", async () => {
    await writeFile(join(base, "in", "bad.csv"), "nope\n");
    const summary = await createSftpTransport(config({ errorDir: join(base, "error") })).pull(async () => {
      throw Errors.CsvHeader("supplier file, line 1 (header): unknown column nope");
    });
    expect(summary.failed.map((f) => f.name)).toEqual(["bad.csv"]);
    const files = await ls("error");
    expect(files).toHaveLength(2);
    const txt = files.find((f) => f.endsWith(".error.txt"))!;
    expect(await readFile(join(base, "error", txt), "utf8")).toContain("CONCORD_ERR_CSV_HEADER");
    expect(await ls("in")).toEqual([]);
  });

  it("pushes through a temporary name and refuses to replace a file not yet collected", async () => {
    const t = createSftpTransport(config());
    const target = await t.push("po-1001.x12", "ISA*00~");
    expect(target).toBe(join(base, "out", "po-1001.x12"));
    expect(await readFile(target, "utf8")).toBe("ISA*00~");
    await t.push("catalog.csv", Readable.from(Array.from({ length: 1000 }, (_, i) => `row ${i}\n`)));
    expect((await readFile(join(base, "out", "catalog.csv"), "utf8")).split("\n")).toHaveLength(1001);
    const error = await t.push("po-1001.x12", "second").catch((e: unknown) => e);
    expect(Errors.TransportFileExists.is(error)).toBe(true);
    expect(await readFile(target, "utf8")).toBe("ISA*00~");
    expect(await ls("out")).toEqual(["catalog.csv", "po-1001.x12"]);
  });

  it("refuses a server whose host key does not match the configured fingerprint", async () => {
    const wrong = `SHA256:${"A".repeat(43)}`;
    const error = await createSftpTransport(config({ hostKeyFingerprint: wrong }))
      .push("x.csv", "x")
      .catch((e: unknown) => e);
    expect(Errors.TransportSftpAuth.is(error)).toBe(true);
    expect((error as { extras: Record<string, unknown> }).extras).toMatchObject({
      expectedFingerprint: wrong,
      fingerprint: sshd.hostKeyFingerprint,
    });
    expect(await ls("out")).toEqual([]);
  });

  it("reports a key the server refuses as an authentication error, not a transient one", async () => {
    const error = await createSftpTransport(config({ privateKey: unauthorizedClientKey() }))
      .pull(async () => {})
      .catch((e: unknown) => e);
    expect(Errors.TransportSftpAuth.is(error)).toBe(true);
  });

  it("reports an unreachable server as a transient SFTP error", async () => {
    const error = await createSftpTransport(config({ port: 1, readyTimeoutMs: 2000 }))
      .pull(async () => {})
      .catch((e: unknown) => e);
    expect(Errors.TransportSftp.is(error)).toBe(true);
    expect((error as { retryable: boolean }).retryable).toBe(true);
  });
});
