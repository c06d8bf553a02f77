import { mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeInterchange } from "../../src/connectors/x12/index.js";
import { amendment, contractV1, smallHealthSystem } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, postVersion, startTestHub, waitFor } from "../support/test-hub.js";

/** The small health system, with the distributor knowing every record by its own ids. */
function seedWithDistributor() {
  const seed = smallHealthSystem();
  const distributor = seed.xrefs
    .filter((x) => x.system === "procurement")
    .map((x) => ({ ...x, system: "distributor", localId: `D-${x.localId}` }));
  return { ...seed, xrefs: [...seed.xrefs, ...distributor] };
}

/** The distributor's side of the folder: what Concord wrote to it, and its 997s back. */
async function waitForFile(dir: string, pattern: RegExp): Promise<string> {
  return (await waitFor(
    async () => (await readdir(dir)).find((f) => pattern.test(f)),
    15_000,
    `a file like ${pattern}`,
  ))!;
}

function ack997(interchange: string, accept: boolean, isa13: string): string {
  const h = decodeInterchange(interchange);
  const gs06 = h.groups[0]!.header.controlNumber;
  const isa = `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${"DISTRIB".padEnd(15)}*ZZ*${"CONCORD".padEnd(15)}*260302*1000*U*00401*${isa13}*0*P*>~`;
  const body = accept
    ? [`AK1*PA*${gs06}~`, "AK2*845*0001~", "AK5*A~", "AK9*A*1*1*1~"]
    : [`AK1*PA*${gs06}~`, "AK2*845*0001~", "AK3*LIN*7**8~", "AK4*3*234*7*X~", "AK5*R*5~", "AK9*R*1*1*0~"];
  return [
    isa,
    `GS*FA*DISTRIB*CONCORD*20260302*1000*${Number(isa13)}*X*004010~`,
    "ST*997*0001~",
    ...body,
    `SE*${body.length + 2}*0001~`,
    `GE*1*${Number(isa13)}~`,
    `IEA*1*${isa13}~`,
  ].join("");
}

describe.each(STORE_KINDS)("EDI 845 to a distributor, gated by its 997 ($name)", (kind) => {
  let root: string;
  let t: Awaited<ReturnType<typeof startTestHub>>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "concord-edi-"));
    t = await startTestHub(kind, {
      targets: [{ system: "distributor", kind: "x12-price-authorization", url: "" }],
      partners: [
        {
          system: "distributor",
          x12: { qualifier: "ZZ", id: "DISTRIB" },
          fileDrop: { root, scanIntervalMs: 20, stableMs: 0 },
        },
      ],
      seed: seedWithDistributor(),
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it("writes the 845 to the partner's folder, waits for its 997, and only then releases the price", async () => {
    expect((await postVersion(t.hub.url, amendment(contractV1(), 2, "2026-07-01"))).status).toBe(202);
    const name = await waitForFile(join(root, "outbound"), /^845-.*-v2-/);
    const interchange = await readFile(join(root, "outbound", name), "utf8");
    const set = decodeInterchange(interchange).groups[0]!.sets[0]!;
    expect(set.setId).toBe("845");
    expect(interchange).toContain("D-PRC-1"); // the distributor's own item number
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).distributor === "delivered");
    const before = await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`);
    expect(before.body.versions[0]).toMatchObject({ version: 2, status: "propagating" });

    // The distributor answers through the same folder: write, then rename into inbound/.
    await writeFile(join(root, "inbound", ".997.tmp"), ack997(interchange, true, "000000501"));
    await rename(join(root, "inbound", ".997.tmp"), join(root, "inbound", "997-501.x12"));
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).distributor === "acknowledged");
    const after = await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`);
    expect(after.body.versions[0]).toMatchObject({ version: 2, status: "released" });
    // The 997 itself was acknowledged back (Concord answers every interchange), and archived.
    await waitForFile(join(root, "outbound"), /^ack-000000501\.x12$/);
    await waitForFile(join(root, "archive"), /997-501\.x12$/);
  });

  it("fails the delivery with an exception naming the partner's reason when its 997 rejects the 845", async () => {
    expect((await postVersion(t.hub.url, amendment(contractV1(), 3, "2026-08-01"))).status).toBe(202);
    const name = await waitForFile(join(root, "outbound"), /^845-.*-v3-/);
    const interchange = await readFile(join(root, "outbound", name), "utf8");
    await writeFile(join(root, "inbound", ".997.tmp"), ack997(interchange, false, "000000502"));
    await rename(join(root, "inbound", ".997.tmp"), join(root, "inbound", "997-502.x12"));
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 3)).distributor === "failed");
    const { body } = await getJson(`${t.hub.url}/v1/exceptions`);
    const exception = body.items.find((e: { rule: string }) => e.rule === "delivery.functional-ack-accepted");
    expect(exception.message).toMatch(
      /distributor rejected the document carrying contract:ctr-1 version 3: 997 group \d+ rejected/,
    );
  });

  it("moves a file that is not an interchange to error/ with the reason beside it", async () => {
    await writeFile(join(root, "inbound", ".junk.tmp"), "hello");
    await rename(join(root, "inbound", ".junk.tmp"), join(root, "inbound", "junk.x12"));
    const reason = await waitForFile(join(root, "error"), /junk\.x12\.error\.txt$/);
    expect(await readFile(join(root, "error", reason), "utf8")).toMatch(/not an X12 interchange/);
  });
});
