import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleFor } from "./purchase-orders.js";
import { createDistributorServer, type DistributorServer } from "./server.js";
import { readInterchange } from "./x12.js";

/** An 850 as the hub writes it (src/connectors/x12/sets/purchase-order-850.ts): items by the buyer's number in BP. */
function interchange850(isa13: number, po: string, lines: [string, string, string, string][]): string {
  const ctl = String(isa13).padStart(9, "0");
  const body = [
    `BEG*00*SA*${po}**20260302`,
    "CUR*BY*USD",
    "N1*BY**92*fac-1",
    ...lines.flatMap(([item, qty, uom, price], i) => [
      `PO1*${i + 1}*${qty}*${uom}*${price}**BP*${item}*MG*MFG-${item}`,
      `PID*F****Item ${item}`,
      "DTM*002*20260306",
    ]),
    `CTT*${lines.length}`,
  ];
  return [
    `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"CONCORD".padEnd(15)}*ZZ*${"DISTRIB".padEnd(15)}*260302*0800*U*00401*${ctl}*0*P*>`,
    `GS*PO*CONCORD*DISTRIB*20260302*0800*${isa13}*X*004010`,
    "ST*850*0001",
    ...body,
    `SE*${body.length + 2}*0001`,
    `GE*1*${isa13}`,
    `IEA*1*${ctl}`,
  ]
    .map((s) => `${s}~`)
    .join("");
}

let root: string;
let app: DistributorServer;

async function drop(name: string, content: string) {
  await writeFile(join(root, "outbound", `.${name}.tmp`), content);
  await rename(join(root, "outbound", `.${name}.tmp`), join(root, "outbound", name));
  await app.sandbox.scan();
}
const inbound = async (prefix: string) => (await readdir(join(root, "inbound"))).filter((f) => f.startsWith(prefix));
const body = async (name: string) =>
  readInterchange(await readFile(join(root, "inbound", name), "utf8"))
    .groups[0]!.sets[0]!.segments.slice(1, -1)
    .map((s) => s.join("*"));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "concord-distributor-po-"));
  app = createDistributorServer({
    root,
    pollMs: 60_000,
    firstControlNumber: 1,
    now: () => new Date("2026-03-02T09:00:00Z"),
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

describe("the distributor's order desk", () => {
  it("keeps its documented rule: the same items are always back-ordered or re-priced", () => {
    // Pinned so a change of the rule is a visible change of this test and of the docs.
    expect(["itm-1", "itm-2", "itm-8", "itm-10", "itm-13"].map((i) => ruleFor(i))).toEqual([
      "reprice",
      "accept",
      "backorder",
      "reprice",
      "backorder",
    ]);
    expect(ruleFor("itm-8", { "itm-8": "reject" })).toBe("reject");
  });

  it("accepts an 850 with a 997, then confirms it with an 855: accepted, back-ordered and re-priced lines", async () => {
    await drop(
      "850-PO-1-000000041.x12",
      interchange850(41, "PO-1", [
        ["itm-2", "10", "BX", "10.25"],
        ["itm-8", "4", "EA", "3.5"],
        ["itm-1", "3", "CA", "12.3456"],
      ]),
    );
    expect(await inbound("997-")).toEqual(["997-000000001.x12"]);
    expect(await body("997-000000001.x12")).toEqual(["AK1*PO*41", "AK2*850*0001", "AK5*A", "AK9*A*1*1*1"]);
    expect(await inbound("855-")).toEqual(["855-000000002.x12"]);
    const raw = await readFile(join(root, "inbound", "855-000000002.x12"), "utf8");
    expect(raw).toContain("GS*PR*DISTRIB*CONCORD*20260302*0900*2*X*004010~");
    expect(await body("855-000000002.x12")).toEqual([
      "BAK*00*AC*PO-1*20260302****ACK-000000002*20260302",
      "PO1*1*10*BX*10.25**BP*itm-2*MG*MFG-itm-2",
      "ACK*IA*10*BX",
      "PO1*2*4*EA*3.5**BP*itm-8*MG*MFG-itm-8",
      "ACK*IB*4*EA*068*20260316",
      "PO1*3*3*CA*12.84**BP*itm-1*MG*MFG-itm-1",
      "ACK*IP*3*CA",
      "MSG*price change effective 2026-03-02",
      "CTT*3",
    ]);
    const [order] = (await app.inject({ url: "/distributor/api/purchase-orders/PO-1" })).json();
    expect(order).toMatchObject({
      poNumber: "PO-1",
      orderDate: "2026-03-02",
      status: "accepted",
      ackControl: "000000001",
      confirmation: { control: "000000002", fileName: "855-000000002.x12" },
      answers: [{ kind: "accept" }, { kind: "backorder", shipDate: "2026-03-16" }, { kind: "reprice", price: "12.84" }],
      resent: false,
    });
  });

  it("answers a resent 850 with a 997 only: the PO is not ordered twice", async () => {
    await drop("850-PO-1-000000041.x12", interchange850(41, "PO-1", [["itm-2", "10", "BX", "10.25"]]));
    expect(await inbound("997-")).toHaveLength(2);
    expect(await inbound("855-")).toHaveLength(1);
    expect((await app.inject({ url: "/distributor/api/purchase-orders/PO-1" })).json()[1]).toMatchObject({
      resent: true,
      confirmation: null,
    });
  });

  it("answers every line rejected with BAK02 RD, and takes the orderLines fault", async () => {
    const put = await app.inject({
      method: "PUT",
      url: "/distributor/_faults",
      payload: { orderLines: { "itm-2": "reject", "itm-3": "reject" } },
    });
    expect(put.statusCode).toBe(200);
    await drop(
      "850-PO-2-000000042.x12",
      interchange850(42, "PO-2", [
        ["itm-2", "1", "BX", "1.00"],
        ["itm-3", "2", "BX", "2.00"],
      ]),
    );
    const [name] = (await inbound("855-")).sort().slice(-1);
    const segs = await body(name!);
    expect(segs[0]).toMatch(/^BAK\*00\*RD\*PO-2\*/);
    expect(segs.filter((s) => s.startsWith("ACK"))).toEqual(["ACK*IR*0*BX", "ACK*IR*0*BX"]);
    expect(segs).toContain("MSG*item itm-2 is discontinued");
    expect(
      (await app.inject({ method: "PUT", url: "/distributor/_faults", payload: { orderLines: { x: "lose" } } }))
        .statusCode,
    ).toBe(400);
    await app.inject({ method: "DELETE", url: "/distributor/_faults" });
  });

  it("rejects an 850 it cannot read in its 997 and sends no 855", async () => {
    const before = (await inbound("855-")).length;
    await drop("850-PO-3-000000043.x12", interchange850(43, "PO-3", [["itm-2", "ten", "BX", "1.00"]]));
    const acks = (await inbound("997-")).sort();
    expect(await body(acks.at(-1)!)).toEqual([
      "AK1*PO*43",
      "AK2*850*0001",
      "AK3*PO1*5**8",
      "AK4*2*330*6*ten",
      "AK5*R*5",
      "AK9*R*1*1*0",
    ]);
    expect(await inbound("855-")).toHaveLength(before);
    expect((await app.inject({ url: "/distributor/api/purchase-orders/PO-3" })).statusCode).toBe(404);
  });
});
