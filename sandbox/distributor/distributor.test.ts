import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smallDataset } from "../shared/test-fixture.js";
import { startSandbox } from "../start.js";
import { createDistributorServer, type DistributorServer } from "./server.js";
import { readInterchange, writeInterchange } from "./x12.js";

/** An 845 as the hub writes it: items by the distributor's numbers in LIN*BP, members by ship-to. */
function interchange845(isa13: number, contract: string, items: [string, string, string][], eol = ""): string {
  const ctl = String(isa13).padStart(9, "0");
  const body = [
    "BPA*04*20260301",
    "CUR*SE*USD",
    "N1*SU**92*MFR-00042",
    `CON*CT*${contract}`,
    "DTM*092*20260101",
    "DTM*093*20281231",
    "N1*EB**92*SHIP-003",
    "REF*TD*C",
    "REF*ZZ*2*TIER",
    "DTM*129*20260101",
    ...items.flatMap(([item, price, uom], i) => [
      `PAD*${i + 1}**C`,
      "DTM*131*20260701",
      `LIN**BP*${item}`,
      `CTP*DI*CON*${price}*1*${uom}`,
    ]),
    `CTT*${items.length}`,
  ];
  return [
    `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"CONCORD".padEnd(15)}*ZZ*${"DISTRIB".padEnd(15)}*260301*1200*U*00401*${ctl}*0*P*>`,
    `GS*PA*CONCORD*DISTRIB*20260301*1200*${isa13}*X*004010`,
    "ST*845*0001",
    ...body,
    `SE*${body.length + 2}*0001`,
    `GE*1*${isa13}`,
    `IEA*1*${ctl}`,
  ]
    .map((s) => `${s}~${eol}`)
    .join("");
}

/** One set from the hub in its own interchange (ISA13 = GS06 = `isa13`), terminated with `~`. */
function hubInterchange(isa13: number, functionalId: string, setId: string, body: string[]): string {
  const ctl = String(isa13).padStart(9, "0");
  return [
    `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"CONCORD".padEnd(15)}*ZZ*${"DISTRIB".padEnd(15)}*260701*1200*U*00401*${ctl}*0*P*>`,
    `GS*${functionalId}*CONCORD*DISTRIB*20260701*1200*${isa13}*X*004010`,
    `ST*${setId}*0001`,
    ...body,
    `SE*${body.length + 2}*0001`,
    `GE*1*${isa13}`,
    `IEA*1*${ctl}`,
  ]
    .map((x) => `${x}~`)
    .join("");
}

/** The hub's 997 answering one of the distributor's 997s (the hub acknowledges every interchange). */
function hubAck(isa13: number, ackedGroup: string): string {
  return writeInterchange(
    {
      sender: { qualifier: "ZZ", id: "CONCORD" },
      receiver: { qualifier: "ZZ", id: "DISTRIB" },
      control: isa13,
      at: new Date("2026-03-01T12:00:00Z"),
      functionalId: "FA",
      setId: "997",
    },
    [
      [
        ["AK1", "FA", ackedGroup],
        ["AK2", "997", "0001"],
        ["AK5", "A"],
        ["AK9", "A", "1", "1", "1"],
      ],
    ],
  );
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Split by the fixed separators the distributor echoes back (* > ~). */
const segmentsOf = (raw: string) =>
  raw
    .split("~")
    .filter((s) => s)
    .map((s) => s.split("*"));

/** Checks every envelope count and control number of a 997 by hand, returns its segments. */
function checkEnvelope(raw: string): string[][] {
  expect(raw.indexOf("~")).toBe(105); // ISA is 106 characters with its terminator
  const segs = segmentsOf(raw);
  const [isa, gs] = segs;
  expect(isa![6]).toBe("DISTRIB        ");
  expect(isa![8]).toBe("CONCORD        ");
  expect(gs!.slice(0, 4)).toEqual(["GS", "FA", "DISTRIB", "CONCORD"]);
  const st = segs.findIndex((s) => s[0] === "ST");
  const se = segs.findIndex((s) => s[0] === "SE");
  expect(segs[st]!.slice(0, 2)).toEqual(["ST", "997"]);
  expect(Number(segs[se]![1])).toBe(se - st + 1);
  expect(segs[se]![2]).toBe(segs[st]![2]);
  const ge = segs.at(-2)!;
  const iea = segs.at(-1)!;
  expect(ge).toEqual(["GE", "1", gs![6]]);
  expect(iea).toEqual(["IEA", "1", isa![13]]);
  expect(Number(isa![13])).toBe(Number(gs![6]));
  return segs;
}

let root: string;
let app: DistributorServer;
const outbound = () => join(root, "outbound");
const inbound = () => join(root, "inbound");

/** The hub's side: write under a dot-name, then rename into outbound/. */
async function drop(name: string, content: string) {
  await writeFile(join(outbound(), `.${name}.tmp`), content);
  await rename(join(outbound(), `.${name}.tmp`), join(outbound(), name));
}
const inboundAcks = async () => (await readdir(inbound())).filter((f) => f.startsWith("997-")).sort();
/** Waits for the (n+1)th 997 in inbound/ and returns its text. */
async function nextAck(seen: number): Promise<{ name: string; raw: string }> {
  const name = await waitFor(async () => (await inboundAcks())[seen], `997 number ${seen + 1}`);
  return { name, raw: await readFile(join(inbound(), name), "utf8") };
}
const api = async (url: string, method: "GET" | "PUT" | "DELETE" = "GET", body?: unknown) => {
  const res = await app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return { status: res.statusCode, body: res.json() };
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "concord-distributor-"));
  app = createDistributorServer({ root, pollMs: 20, firstControlNumber: 1 });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

describe("distributor", () => {
  it("takes an 845 once, loads it and answers with an accepting 997 in inbound/", async () => {
    const name = "845-AGR-2026-00001-v2-000000123.x12";
    await drop(
      name,
      interchange845(123, "AGR-2026-00001", [
        ["DST-000001", "12.50", "BX"],
        ["DST-000002", "3.2500", "EA"],
      ]),
    );
    const ack = await nextAck(0);
    expect(ack.name).toBe("997-000000001.x12");
    const segs = checkEnvelope(ack.raw);
    const body = segs.slice(3, -3).map((s) => s.join("*"));
    expect(body).toEqual(["AK1*PA*123", "AK2*845*0001", "AK5*A", "AK9*A*1*1*1"]);
    // Taken exactly once: moved out of outbound/ (kept in .taken/), nothing left for a second scan.
    expect((await readdir(outbound())).filter((f) => !f.startsWith("."))).toEqual([]);
    expect(await readdir(join(outbound(), ".taken"))).toContain(name);
    expect((await readdir(inbound())).filter((f) => f.startsWith("."))).toEqual([]);
    await app.sandbox.scan();
    expect(await inboundAcks()).toHaveLength(1);

    const list = await api("/distributor/api/price-authorizations");
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      contractNumber: "AGR-2026-00001",
      version: 2,
      action: "change",
      currency: "USD",
      manufacturer: "MFR-00042",
      effectiveFrom: "2026-01-01",
      expiresOn: "2028-12-31",
      interchangeControl: "000000123",
      groupControl: "123",
      status: "accepted",
      ackControl: "000000001",
      members: [{ shipTo: "SHIP-003", action: "change", tier: 2, from: "2026-01-01", to: null }],
      items: [
        { line: 1, itemNumber: "DST-000001", price: "12.50", uom: "BX", from: "2026-07-01" },
        { line: 2, itemNumber: "DST-000002", price: "3.2500", uom: "EA" },
      ],
    });
    const acks = await api("/distributor/api/acknowledgments");
    expect(acks.body.sent).toMatchObject([
      {
        control: "000000001",
        status: "A",
        inReplyTo: { fileName: name, interchangeControl: "000000123", groups: ["123"] },
      },
    ]);
  });

  it("reads interchanges with CR/LF between segments, and lists every version oldest first", async () => {
    await drop(
      "845-AGR-2026-00001-v3-000000124.x12",
      interchange845(124, "AGR-2026-00001", [["DST-000001", "11.00", "BX"]], "\r\n"),
    );
    const ack = await nextAck(1);
    expect(checkEnvelope(ack.raw).find((s) => s[0] === "AK1")).toEqual(["AK1", "PA", "124"]);
    const history = await api("/distributor/api/price-authorizations/AGR-2026-00001");
    expect(history.body.map((a: { version: number }) => a.version)).toEqual([2, 3]);
    expect((await api("/distributor/api/price-authorizations")).body[0]).toMatchObject({ version: 3 });
    expect((await api("/distributor/api/price-authorizations/AGR-NONE")).status).toBe(404);
  });

  it("rejects the next n 845s with AK3/AK4 + AK5*R*5 + AK9*R when asked (rejectNext)", async () => {
    expect((await api("/distributor/_faults", "PUT", { rejectNext: 1 })).body).toMatchObject({ rejectNext: 1 });
    await drop(
      "845-AGR-2026-00001-v4-000000125.x12",
      interchange845(125, "AGR-2026-00001", [["DST-000009", "1.00", "CA"]]),
    );
    const ack = await nextAck(2);
    const body = checkEnvelope(ack.raw)
      .slice(3, -3)
      .map((s) => s.join("*"));
    expect(body).toEqual([
      "AK1*PA*125",
      "AK2*845*0001",
      "AK3*LIN*14**8",
      "AK4*3*234*7*DST-000009",
      "AK5*R*5",
      "AK9*R*1*1*0",
    ]);
    expect((await api("/distributor/_faults")).body).toMatchObject({ rejectNext: 0, injected: { rejected: 1 } });
    // Not loaded: the latest is still v3; the history shows the rejected v4.
    expect((await api("/distributor/api/price-authorizations")).body[0]).toMatchObject({ version: 3 });
    const history = (await api("/distributor/api/price-authorizations/AGR-2026-00001")).body;
    expect(history.at(-1)).toMatchObject({ version: 4, status: "rejected", ackControl: "000000003" });

    // The count is used up: the next one is accepted.
    await drop(
      "845-AGR-2026-00001-v5-000000126.x12",
      interchange845(126, "AGR-2026-00001", [["DST-000009", "1.00", "CA"]]),
    );
    expect((await nextAck(3)).raw).toContain("AK9*A*1*1*1~");
  });

  it("rejects 845s naming listed items (rejectItems)", async () => {
    await api("/distributor/_faults", "PUT", { rejectItems: ["DST-000777"] });
    await drop(
      "845-AGR-2026-00002-v1-000000127.x12",
      interchange845(127, "AGR-2026-00002", [
        ["DST-000001", "1.00", "EA"],
        ["DST-000777", "2.00", "EA"],
      ]),
    );
    const raw = (await nextAck(4)).raw;
    expect(raw).toContain("AK3*LIN*18**8~AK4*3*234*7*DST-000777~AK5*R*5~AK9*R*1*1*0~");
    await api("/distributor/_faults", "DELETE");
  });

  it("takes files but sends no 997 when silent", async () => {
    await api("/distributor/_faults", "PUT", { silent: true });
    const before = (await inboundAcks()).length;
    await drop(
      "845-AGR-2026-00003-v1-000000128.x12",
      interchange845(128, "AGR-2026-00003", [["DST-000005", "5.00", "EA"]]),
    );
    await waitFor(
      async () => ((await readdir(outbound())).some((f) => f.endsWith(".x12")) ? undefined : true),
      "the file to be taken",
    );
    await sleep(150);
    expect(await inboundAcks()).toHaveLength(before);
    expect((await api("/distributor/api/price-authorizations/AGR-2026-00003")).body).toMatchObject([
      { version: 1, status: "unanswered", ackControl: null },
    ]);
    expect((await api("/distributor/_faults")).body).toMatchObject({ silent: true, injected: { silenced: 1 } });
    await api("/distributor/_faults", "PUT", { silent: null });
    expect((await api("/distributor/_faults")).body.silent).toBeUndefined();
  });

  it("records the hub's ack-*.x12 files, removes them, and never answers them", async () => {
    const before = (await inboundAcks()).length;
    await drop("ack-000000001.x12", hubAck(9001, "1"));
    await waitFor(
      async () => ((await readdir(outbound())).includes("ack-000000001.x12") ? undefined : true),
      "the ack to be taken",
    );
    await sleep(100);
    expect(await inboundAcks()).toHaveLength(before);
    const { received } = (await api("/distributor/api/acknowledgments")).body;
    expect(received).toMatchObject([
      {
        fileName: "ack-000000001.x12",
        interchangeControl: "000009001",
        sender: "ZZ:CONCORD",
        acknowledges: [{ functionalId: "FA", group: "1", status: "A" }],
        matchesSent: true,
      },
    ]);
  });

  it("sets unreadable files aside as problems without answering", async () => {
    const before = (await inboundAcks()).length;
    await drop(
      "845-BROKEN-v1-000000200.x12",
      interchange845(200, "X", [["DST-1", "1", "EA"]]).replace("~SE*", "~SE*9"),
    );
    await waitFor(async () => (app.sandbox.problems.length > 0 ? true : undefined), "a problem");
    expect(app.sandbox.problems[0]).toMatchObject({ fileName: "845-BROKEN-v1-000000200.x12" });
    expect(app.sandbox.problems[0]!.message).toMatch(/SE01/);
    expect(await inboundAcks()).toHaveLength(before);
  });

  it("validates the fault body", async () => {
    const res = await api("/distributor/_faults", "PUT", { rejectNext: -1 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_faults", field: "rejectNext" });
    expect((await api("/distributor/_faults", "PUT", { latencyMs: 5 })).status).toBe(400);
  });

  it("keeps its ISA13 counter across restarts on the same root", async () => {
    const dir = await mkdtemp(join(tmpdir(), "concord-distributor-restart-"));
    const run = async (isa13: number) => {
      const d = createDistributorServer({ root: dir, pollMs: 10_000, firstControlNumber: 1 });
      await d.ready();
      await writeFile(
        join(dir, "outbound", `845-A-v${isa13}-${isa13}.x12`),
        interchange845(isa13, "A", [["D-1", "1", "EA"]]),
      );
      await d.sandbox.scan();
      await d.close();
    };
    try {
      await run(1);
      await run(2);
      expect((await readdir(join(dir, "inbound"))).sort()).toEqual(["997-000000001.x12", "997-000000002.x12"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the distributor's X12 reader and writer", () => {
  it("round-trips an envelope with correct counts", () => {
    const raw = writeInterchange(
      {
        sender: { qualifier: "ZZ", id: "DISTRIB" },
        receiver: { qualifier: "ZZ", id: "CONCORD" },
        control: 42,
        at: new Date("2026-03-01T12:34:00Z"),
        functionalId: "FA",
        setId: "997",
      },
      [
        [
          ["AK1", "PA", "7"],
          ["AK9", "A", "1", "1", "1"],
        ],
        [
          ["AK1", "PA", "8"],
          ["AK9", "A", "1", "1", "1"],
        ],
      ],
    );
    expect(raw.slice(0, 106)).toBe(
      "ISA*00*          *00*          *ZZ*DISTRIB        *ZZ*CONCORD        *260301*1234*U*00401*000000042*0*P*>~",
    );
    const ic = readInterchange(`\uFEFF${raw.replace(/~/g, "~\r\n")}`);
    expect(ic).toMatchObject({ control: "000000042", sender: { id: "DISTRIB" }, receiver: { id: "CONCORD" } });
    expect(ic.groups[0]!.sets.map((s) => [s.control, s.segments.length])).toEqual([
      ["0001", 4],
      ["0002", 4],
    ]);
    expect(() => readInterchange(raw.replace("GE*2", "GE*3"))).toThrow(/GE01/);
    expect(() => readInterchange(raw.replace("IEA*1*000000042", "IEA*1*000000043"))).toThrow(/IEA02/);
  });
});

describe("distributor invoice advices", () => {
  it("records the hub's 824 about one of its invoices, and accepts it with a 997", async () => {
    const seen = (await inboundAcks()).length;
    const body = [
      "BGN*00*INVDEC-7*20260309*1407",
      "OTI*TC*IV*D-INV-7***20260305***0001*810",
      "REF*PO*4500000110",
      "DTM*003*20260305",
      "AMT*5*120.50",
      "AMT*NP*100.00",
      "TED*024*price.above-contract short-pay",
      "NTE*GEN*billed above the contract price; paying the contract",
      "NTE*GEN*price (ap-clerk)",
    ];
    await drop("824-D-INV-7-000000140.x12", hubInterchange(140, "AG", "824", body));
    const ack = await nextAck(seen);
    expect(
      checkEnvelope(ack.raw)
        .slice(3, -3)
        .map((x) => x.join("*")),
    ).toEqual(["AK1*AG*140", "AK2*824*0001", "AK5*A", "AK9*A*1*1*1"]);
    const { body: advices } = await api("/distributor/api/invoice-advices");
    expect(advices).toEqual([
      expect.objectContaining({
        invoiceNumber: "D-INV-7",
        code: "TC",
        outcome: "accepted-with-change",
        poNumber: "4500000110",
        invoiced: "120.50",
        netToPay: "100.00",
        reasons: [
          {
            reason: "price.above-contract short-pay",
            note: "billed above the contract price; paying the contract price (ap-clerk)",
          },
        ],
      }),
    ]);
  });
});

describe("distributor remittances", () => {
  it("records the hub's 820 (a payment of its invoices), and accepts it with a 997", async () => {
    const seen = (await inboundAcks()).length;
    const body = [
      "BPR*C*35.00*C*ACH************20260701",
      "TRN*1*ACH-000611",
      "ENT*1",
      "RMR*IV*D-INV-10**20.00*20.50",
      "REF*PO*4500000998",
      "RMR*IV*D-INV-11**15.00",
    ];
    await drop("820-ACH-000611-000000150.x12", hubInterchange(150, "RA", "820", body));
    const ack = await nextAck(seen);
    expect(
      checkEnvelope(ack.raw)
        .slice(3, -3)
        .map((x) => x.join("*")),
    ).toEqual(["AK1*RA*150", "AK2*820*0001", "AK5*A", "AK9*A*1*1*1"]);
    const { body: remittances } = await api("/distributor/api/remittances");
    expect(remittances).toEqual([
      expect.objectContaining({
        trace: "ACH-000611",
        amount: "35.00",
        method: "ACH",
        paymentDate: "2026-07-01",
        invoices: [
          { invoiceNumber: "D-INV-10", poNumber: "4500000998", paid: "20.00", invoiced: "20.50", discount: null },
          { invoiceNumber: "D-INV-11", poNumber: null, paid: "15.00", invoiced: null, discount: null },
        ],
      }),
    ]);
  });
});

describe("startSandbox", () => {
  it("starts the distributor only when given distributorRoot", async () => {
    const { dataset } = smallDataset();
    const plain = await startSandbox({ dataset });
    expect(plain.urls.distributor).toBeUndefined();
    expect(plain.systems.distributor).toBeUndefined();
    await plain.close();

    const dir = await mkdtemp(join(tmpdir(), "concord-distributor-sb-"));
    const sb = await startSandbox({
      dataset,
      distributorRoot: dir,
      distributor: { pollMs: 20, firstControlNumber: 1 },
    });
    try {
      expect(sb.distributorRoot).toBe(dir);
      expect(sb.urls.distributor).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${sb.urls.distributor}/distributor/api/price-authorizations`);
      expect(await res.json()).toEqual([]);
      await writeFile(
        join(dir, "outbound", "845-AGR-1-v1-000000001.x12"),
        interchange845(1, "AGR-1", [["DST-1", "1", "EA"]]),
      );
      await waitFor(async () => ((await readdir(join(dir, "inbound"))).length > 0 ? true : undefined), "a 997");
    } finally {
      await sb.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
