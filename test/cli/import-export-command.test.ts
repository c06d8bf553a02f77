import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCommand } from "../../src/cli/export-command.js";
import { detectFormat, importCommand } from "../../src/cli/import-command.js";
import { encodeDocuments } from "../../src/connectors/x12/index.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, TEST_API_KEY, useRecordingHub } from "../support/test-hub.js";

const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

const SUPPLIERS = `supplier_id,name,status,payment_terms_net_days,remit_line1,remit_city,remit_region,remit_postal_code,remit_country
sup-1,Supplier 1,active,45,1 Main St,Springfield,IL,62701,US
sup-77,"Baxter & Sons, Inc.",onboarding,30,PO Box 17,Deerfield,IL,60015-4625,US
sup-78,Bad Terms,active,net 30,1 Main St,Springfield,IL,62701,US
`;

const PRICES = `contract_number,contract_version,contract_id,title,supplier_id,currency,effective_from,expires_on,pricing_date_basis,line_no,item_id,uom,unit_price,tier_1_price
AGR-1,2,ctr-1,Exam gloves,sup-1,USD,2026-01-01,2026-12-31,order-date,1,itm-1,box,10.50,10.40
AGR-1,2,ctr-1,Exam gloves,sup-1,USD,2026-01-01,2026-12-31,order-date,2,itm-2,box,12.00,
AGR-1,2,ctr-1,Exam gloves,sup-1,USD,2026-01-01,2026-12-31,order-date,3,itm-3,box,14.00,
`;

function capture() {
  let text = "";
  return { out: { write: (s: string) => (text += s), isTTY: false }, text: () => text };
}

describe.each(STORE_KINDS)("concord import / export against a running hub ($name)", (kind) => {
  const env = useRecordingHub(kind, { partners: [{ system: "medline", x12: { qualifier: "ZZ", id: "MEDLINE" } }] });
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-cli-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("tells formats apart by their content", async () => {
    await writeFile(join(dir, "s.csv"), SUPPLIERS);
    await writeFile(join(dir, "p.csv"), PRICES);
    await writeFile(join(dir, "o.xml"), "<?xml version='1.0'?><cXML/>");
    expect(await detectFormat(join(dir, "s.csv"))).toEqual({ format: "csv", kind: "supplier" });
    expect(await detectFormat(join(dir, "p.csv"))).toEqual({ format: "csv", kind: "contract-price" });
    expect(await detectFormat(join(dir, "o.xml"))).toEqual({ format: "cxml" });
  });

  it("imports a supplier file from the ERP: good rows land, the bad one is reported with its line", async () => {
    const file = join(dir, "suppliers.csv");
    await writeFile(file, SUPPLIERS);
    const c = capture();
    const clean = await importCommand({ file, from: "erp", hubUrl: env.hub.url, apiKey: TEST_API_KEY, out: c.out });
    expect(clean).toBe(false);
    expect(c.text()).toMatch(/3 rows, 2 records sent/);
    expect(c.text()).toMatch(/1 created, 1 updated, 0 unchanged, 0 rejected/);
    const report = await readFile(`${file}.errors.csv`, "utf8");
    expect(report).toMatch(/^line,/);
    expect(report).toMatch(/\n4,payment_terms_net_days,/);
    expect((await getJson(`${env.hub.url}/v1/suppliers/sup-77`)).body.name).toBe("Baxter & Sons, Inc.");
    expect((await getJson(`${env.hub.url}/v1/suppliers/sup-1`)).body.paymentTermsNetDays).toBe(45);
  });

  it("imports a contract price file from the CLM as a new version that keeps the current eligibility", async () => {
    const file = join(dir, "prices.csv");
    await writeFile(file, PRICES);
    const c = capture();
    expect(await importCommand({ file, from: "clm", hubUrl: env.hub.url, apiKey: TEST_API_KEY, out: c.out })).toBe(
      true,
    );
    expect(c.text()).toMatch(/1 accepted, 0 parked \(not newer\), 0 rejected/);
    const v2 = await getJson(`${env.hub.url}/v1/contracts/ctr-1/versions/2`);
    expect(v2.body.priceLines[0]).toMatchObject({ unitPrice: "10.50" });
    expect(v2.body.eligibility.map((e: { facilityId: string }) => e.facilityId)).toEqual(["fac-1", "fac-2"]);

    // The same file from procurement, which owns no contract data, is refused.
    const again = capture();
    const bumped = PRICES.replaceAll("AGR-1,2,", "AGR-1,3,");
    await writeFile(file, bumped);
    expect(
      await importCommand({ file, from: "procurement", hubUrl: env.hub.url, apiKey: TEST_API_KEY, out: again.out }),
    ).toBe(false);
    expect(again.text()).toMatch(/REJECTED AGR-1 v3: CONCORD_ERR_POLICY_OWNERSHIP/);
  });

  it("imports an X12 850 from a partner and saves the 997 beside the file", async () => {
    const file = join(dir, "po.x12");
    const { text } = encodeDocuments(
      [
        {
          kind: "purchase-order",
          id: "PO-CLI-1",
          purpose: "original",
          orderDate: "2026-03-02",
          currency: "USD",
          parties: [],
          lines: [{ lineId: "1", item: { supplierPartNo: "X-1" }, quantity: "1", uom: "each", unitPrice: "1.0000" }],
        },
      ],
      {
        sender: { qualifier: "ZZ", id: "MEDLINE" },
        receiver: { qualifier: "ZZ", id: "CONCORD" },
        controlNumber: 9001,
        at: new Date(),
      },
    );
    await writeFile(file, text);
    const c = capture();
    expect(await importCommand({ file, hubUrl: env.hub.url, apiKey: TEST_API_KEY, out: c.out })).toBe(true);
    expect(c.text()).toMatch(/interchange 000009001 accepted/);
    expect(c.text()).toMatch(/kept purchase-order PO-CLI-1, 1 item\(s\) not matched/);
    expect(await readFile(`${file}.ack.x12`, "utf8")).toMatch(/AK1\*PO\*9001/);
  });

  it("exports items as CSV to a file, and says clearly when the hub is not there", async () => {
    const out = join(dir, "items.csv");
    const log = capture();
    await exportCommand({
      kind: "items",
      format: "csv",
      hubUrl: env.hub.url,
      apiKey: TEST_API_KEY,
      outPath: out,
      stdout: process.stdout,
      log: log.out,
    });
    expect((await readFile(out, "utf8")).split("\n")[0]).toMatch(/^item_id,/);
    expect(log.text()).toMatch(/exported items as csv: \d+ bytes/);
    await expect(
      exportCommand({
        kind: "items",
        format: "csv",
        hubUrl: "http://127.0.0.1:9",
        stdout: process.stdout,
        log: log.out,
      }),
    ).rejects.toThrow(/cannot reach the hub at http:\/\/127.0.0.1:9/);
  });

  it("runs as a command: `concord export suppliers --format fhir` prints a FHIR bundle", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", MAIN, "export", "suppliers", "--format", "fhir", "--hub", env.hub.url],
      { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CONCORD_API_KEY: TEST_API_KEY } },
    );
    let stdout = "";
    child.stdout.on("data", (b: Buffer) => {
      stdout += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ resourceType: "Bundle", type: "collection" });
  });

  it("refuses to import or export without an API key, saying what the hub said and what to do", async () => {
    const file = join(dir, "no-key.csv");
    await writeFile(file, SUPPLIERS);
    await expect(importCommand({ file, from: "erp", hubUrl: env.hub.url, out: capture().out })).rejects.toThrow(
      /CONCORD_ERR_AUTH_REQUIRED: .*\(HTTP 401\).*--api-key <key> or set CONCORD_API_KEY/,
    );
    await expect(
      exportCommand({ kind: "items", format: "csv", hubUrl: env.hub.url, stdout: process.stdout, log: capture().out }),
    ).rejects.toThrow(/CONCORD_ERR_AUTH_REQUIRED/);
    // A key the hub does not know is refused too, with the hub's own detail.
    await expect(
      exportCommand({
        kind: "items",
        format: "csv",
        hubUrl: env.hub.url,
        apiKey: "ck_nobody.0123456789abcdef0123456789abcdef",
        stdout: process.stdout,
        log: capture().out,
      }),
    ).rejects.toThrow(/CONCORD_ERR_AUTH_INVALID: the API key is not registered \(HTTP 401\)/);
  });

  it("runs as a command: without a key it exits 1 and prints the problem's detail", async () => {
    const { CONCORD_API_KEY: _ignored, ...withoutKey } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "export", "items", "--hub", env.hub.url], {
      stdio: ["ignore", "pipe", "pipe"],
      env: withoutKey,
    });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => {
      stderr += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/concord: CONCORD_ERR_AUTH_REQUIRED: send an API key/);
    expect(stderr).toMatch(/--api-key <key> or set CONCORD_API_KEY/);
  });
});
