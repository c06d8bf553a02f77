import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCommand } from "../../src/cli/decode-command.js";
import { corpusDir } from "../support/corpus.js";

/** `concord decode`: a partner's sample through the codec offline, before the partner goes live. */
describe("concord decode", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "concord-decode-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("shows the canonical documents and warnings of an X12 file (the HIBCC GPO 832, bad check digits warned)", async () => {
    const { report, clean } = await decodeCommand({
      file: join(corpusDir("x12"), "832_hibcc_ex2_gpo_tier_pricing.x12"),
    });
    expect(clean).toBe(true);
    const out = JSON.parse(report);
    expect(out.sets[0].document.kind).toBe("price-catalog");
    expect(JSON.stringify(out.sets[0].warnings)).toMatch(/check digit/i);
  });

  it("names the set and element a partner's unknown unit breaks, and a partner unit map fixes it", async () => {
    const raw = await readFile(join(corpusDir("x12"), "856_tilde_elemsep_star_terminator.x12"), "utf8");
    const file = join(dir, "asn.x12");
    await writeFile(file, raw.replace("SN1~~16~PC", "SN1~~16~QQ"));
    const broken = await decodeCommand({ file });
    expect(broken.clean).toBe(false);
    expect(JSON.parse(broken.report).sets[0].rejected).toMatch(/SN1/);
    const fixed = await decodeCommand({ file, uomCodes: { QQ: "each" } });
    expect(fixed.clean).toBe(true);
  });

  it("shows a cXML request's envelope and canonical order, and a CSV file's rows and problems", async () => {
    const cxml = JSON.parse((await decodeCommand({ file: join(corpusDir("cxml"), "foc_OrderRequest.xml") })).report);
    expect(cxml.body.type).toBe("OrderRequest");
    const csv = join(dir, "items.csv");
    await writeFile(
      csv,
      "item_id,description,manufacturer_name,manufacturer_part_no,unspsc,base_uom,packaging,clinical_category,status\nitm-1,Glove,Acme,A-1,42132203,each,each=1,med-surg,active\nitm-2,Bad,Acme,A-2,42132203,CA,each=1,med-surg,active\n",
    );
    const { report, clean } = await decodeCommand({ file: csv });
    expect(clean).toBe(false);
    const rows = JSON.parse(report).rows as { line: number; record?: unknown; issues?: unknown }[];
    expect(rows.map((r) => [r.line, "record" in r])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  it("answers an unreadable envelope with its code and position, not a stack trace", async () => {
    const file = join(dir, "bad.x12");
    await writeFile(file, "ISA*00*too short~");
    const { report, clean } = await decodeCommand({ file });
    expect(clean).toBe(false);
    expect(JSON.parse(report).error.code).toMatch(/^CONCORD_ERR_EDI_/);
  });
});
