import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  createX12Decoder,
  decodeDocument,
  decodeInterchange,
  encodeDocuments,
  isX12Error,
  type MappedDocument,
  parseAcknowledgment,
  problemOf,
  type X12Event,
} from "../../src/connectors/x12/index.js";
import { corpusDir } from "../support/corpus.js";

const CORPUS = pathToFileURL(corpusDir("x12"));
const files = readdirSync(fileURLToPath(CORPUS))
  .filter((f) => f.endsWith(".x12"))
  .sort();
const read = (name: string) => readFileSync(new URL(name, CORPUS));

/** The set id a corpus file is named after ("810_…" → "810"; "ta1_…" → no sets). */
const expectedSet = (name: string) => /^(\d{3})_/.exec(name)?.[1] ?? null;

/** Every file of a modelled set maps (the 856 with `PC` and `LB` since piece and pound are canonical units). */
const UNMAPPABLE = new Set<string>();
const MODELLED = new Set(["832", "845", "850", "855", "856", "810", "820"]);

const envelope = {
  sender: { qualifier: "ZZ", id: "CONCORD" },
  receiver: { qualifier: "ZZ", id: "PARTNER" },
  controlNumber: 42,
  at: new Date("2026-01-02T03:04:00Z"),
};

function segmentIds(events: X12Event[]): string[] {
  const ids: string[] = [];
  for (const e of events) {
    if (
      e.type === "interchange" ||
      e.type === "group" ||
      e.type === "set-start" ||
      e.type === "segment" ||
      e.type === "ta1"
    )
      ids.push(e.segment.id);
    if (e.type === "set" && e.set.trailer) ids.push("SE");
    if (e.type === "group-end") ids.push("GE");
    if (e.type === "interchange-end") ids.push("IEA");
  }
  return ids;
}

describe("x12 corpus: every file decodes", () => {
  it("finds the corpus next to the repository", () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
  });

  it.each(files)("%s decodes with its own separators and every control check passing", (name) => {
    const ic = decodeInterchange(read(name), { controls: "throw" });
    const set = expectedSet(name);
    const sets = ic.groups.flatMap((g) => g.sets);
    if (set === null) expect(ic.ta1.length).toBeGreaterThan(0);
    else {
      expect(sets.length).toBeGreaterThan(0);
      expect(new Set(sets.map((s) => s.setId))).toEqual(new Set([set]));
    }
    for (const s of sets) {
      expect(s.problems).toEqual([]);
      expect(s.segments[0]!.id).toBe("ST");
      expect(s.segments.at(-1)!.id).toBe("SE");
    }
  });

  it.each(files)("%s decodes the same fed one byte at a time (terminators split across chunks)", (name) => {
    const bytes = read(name);
    const whole = createX12Decoder({ mode: "stream" });
    const wholeEvents = [...whole.push(bytes), ...whole.end()];
    const bytewise = createX12Decoder({ mode: "stream" });
    const events: X12Event[] = [];
    for (let i = 0; i < bytes.length; i++) events.push(...bytewise.push(bytes.subarray(i, i + 1)));
    events.push(...bytewise.end());
    expect(segmentIds(events)).toEqual(segmentIds(wholeEvents));
    const offsets = (es: X12Event[]) => es.flatMap((e) => (e.type === "segment" ? [e.segment.byteOffset] : []));
    expect(offsets(events)).toEqual(offsets(wholeEvents));
  });

  it("reports byte offsets in UTF-8 bytes past a BOM and a 3-byte terminator", () => {
    const bytes = read("856_ellipsis_terminator.x12");
    const decoder = createX12Decoder({ mode: "stream" });
    for (const e of [...decoder.push(bytes), ...decoder.end()]) {
      if (e.type !== "segment") continue;
      const at = bytes.subarray(e.segment.byteOffset, e.segment.byteOffset + e.segment.id.length).toString("latin1");
      expect(at).toBe(e.segment.id);
    }
  });

  it("warns about the bogus ISA12 00040 instead of refusing the file", () => {
    const ic = decodeInterchange(read("810_walmart_itd_tds.x12"));
    expect(ic.header.version).toBe("00040");
    expect(ic.warnings.map((w) => w.rule)).toContain("x12.isa12-unknown-version");
  });
});

describe("x12 corpus: modelled sets map to canonical documents and round-trip", () => {
  const mappable = files.filter((f) => MODELLED.has(expectedSet(f) ?? "") && !UNMAPPABLE.has(f));

  it.each(mappable)("%s: decode → encode → decode gives the same canonical document", (name) => {
    const ic = decodeInterchange(read(name));
    const first = ic.groups.flatMap((g) => g.sets).map((s) => decodeDocument(s).document);
    const { text } = encodeDocuments(first, envelope);
    const again = decodeInterchange(text)
      .groups.flatMap((g) => g.sets)
      .map((s) => decodeDocument(s).document);
    expect(again).toEqual(first);
  });

  it("keeps bad GTIN check digits as warnings, not rejections (HIBCC ex2)", () => {
    const set = decodeInterchange(read("832_hibcc_ex2_gpo_tier_pricing.x12")).groups[0]!.sets[0]!;
    const { document, warnings } = decodeDocument(set);
    const gtinWarnings = warnings.filter((w) => w.rule === "x12.gtin-check-digit");
    expect(gtinWarnings.map((w) => w.message.split(" ")[1])).toEqual([
      "50387698433528",
      "50387698433522",
      "00387698433521",
    ]);
    expect(document.kind).toBe("price-catalog");
    if (document.kind !== "price-catalog") return;
    expect(document.items[0]!.prices.map((p) => [p.tier, p.unitPrice, p.uom])).toEqual([
      [1, "65", "case"],
      [2, "62.20", "case"],
      [3, "58.75", "case"],
    ]);
    expect(document.items[0]!.packs.map((p) => [p.uom, p.quantity, p.containsUom])).toEqual([
      ["case", 4, "box"],
      ["box", 20, "each"],
      ["each", 1, "each"],
    ]);
    expect(document.contractNumber).toBe("MS7895");
  });

  it("reads TDS with two implied decimals and the SAC allowance as negative (Walmart 810)", () => {
    const set = decodeInterchange(read("810_walmart_itd_tds.x12")).groups[0]!.sets[0]!;
    const doc = decodeDocument(set).document as Extract<MappedDocument, { kind: "invoice" }>;
    expect(doc.total).toBe("3875.30");
    expect(doc.charges).toEqual([{ kind: "allowance", amount: "-23.50" }]);
    expect(doc.paymentTerms).toEqual({ netDays: 45 });
    expect(doc.lines[0]!.item.gtin).toBe("00221089552284");
  });

  it("reads the 820's BPR02 and RMR04 as R amounts and RMR01 ID as the invoice number, with a warning (MBA 820)", () => {
    const set = decodeInterchange(read("820_remittance_bpr.x12")).groups[0]!.sets[0]!;
    const { document, warnings } = decodeDocument(set);
    const doc = document as Extract<MappedDocument, { kind: "payment" }>;
    expect([doc.id, doc.amount, doc.method, doc.paymentDate]).toEqual(["888999", "337.67", "ach", "1999-01-05"]);
    expect(doc.remittances).toEqual([
      { invoiceId: "8889444", paid: "236.00" },
      { invoiceId: "66666789", paid: "10167" },
    ]);
    expect(warnings.filter((w) => w.rule === "x12.rmr-qualifier")).toHaveLength(2);
  });

  it("maps the 856 shipped in pieces and pounds; an unknown unit is refused at its element until a partner map names it", () => {
    const raw = read("856_tilde_elemsep_star_terminator.x12").toString("utf8");
    const set = decodeInterchange(raw).groups[0]!.sets[0]!;
    const units = JSON.stringify(decodeDocument(set).document);
    expect(units).toContain('"uom":"piece"');

    const odd = decodeInterchange(raw.replace("SN1~~16~PC", "SN1~~16~QQ")).groups[0]!.sets[0]!;
    let caught: unknown;
    try {
      decodeDocument(odd);
    } catch (e) {
      caught = e;
    }
    expect(isX12Error(caught)).toBe(true);
    expect(problemOf(caught)?.position).toMatchObject({ segmentId: "SN1", elementPosition: 3, setPosition: 17 });
    expect(problemOf(caught)?.badValue).toBe("QQ");
    expect(JSON.stringify(decodeDocument(odd, { uomCodes: { QQ: "each" } }).document)).toContain('"uom":"each"');
  });
});

describe("x12 corpus: acknowledgments parse into typed results", () => {
  it("997 with element errors: set rejected with AK5 codes 4 and 5, AK3/AK4 detail kept", () => {
    const ack = parseAcknowledgment(read("997_pyx12_bad_elements_reject.x12"));
    const group = ack.functional[0]!.group;
    expect(group).toMatchObject({ functionalId: "HC", groupControlNumber: "56", status: "rejected", setsAccepted: 0 });
    const set = group.sets[0]!;
    expect(set).toMatchObject({ setId: "837", controlNumber: "000000001", status: "rejected", codes: ["4", "5"] });
    expect(set.segmentErrors.map((s) => s.segmentId)).toEqual(["REF", "PER", "NM1", "NM1", "DMG", "CLM"]);
    expect(set.segmentErrors.at(-1)!.elements[0]).toEqual({
      elementPosition: 5,
      componentPosition: 1,
      dataElement: "1331",
      code: "7",
      badValue: "95",
    });
  });

  it("999 partial acceptance: one set accepted, two rejected with IK3/IK4 and CTX", () => {
    const ack = parseAcknowledgment(read("999_dhs_wisconsin.x12"));
    const group = ack.functional[0]!.group;
    expect(ack.functional[0]!.kind).toBe("999");
    expect(group).toMatchObject({
      status: "partially-accepted",
      setsIncluded: 3,
      setsReceived: 3,
      setsAccepted: 1,
      version: "004010X098A1",
    });
    expect(group.sets.map((s) => s.status)).toEqual(["accepted", "rejected", "rejected"]);
    expect(group.sets[1]!.segmentErrors[0]).toMatchObject({
      segmentId: "CLM",
      position: 22,
      code: "8",
      contexts: ["CLM01:123456789"],
    });
  });

  it("TA1-only interchange gives interchange acknowledgments", () => {
    const ack = parseAcknowledgment(read("ta1_sample1.x12"));
    expect(ack.functional).toEqual([]);
    expect(ack.interchangeAcks.map((t) => [t.interchangeControlNumber, t.status])).toEqual([
      ["0659", "accepted"],
      ["0660", "accepted"],
    ]);
  });
});
