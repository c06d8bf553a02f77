import { readdir } from "node:fs/promises";
import { decodeInterchange } from "../../src/connectors/x12/index.js";
import { waitFor } from "./test-hub.js";

/** The partner's side of a folder: waits for a file whose name matches, and names it. */
export async function waitForFile(dir: string, pattern: RegExp): Promise<string> {
  return (await waitFor(
    async () => (await readdir(dir)).find((f) => pattern.test(f)),
    15_000,
    `a file like ${pattern}`,
  ))!;
}

/** A distributor's 997 for an interchange Concord sent it, accepting or rejecting its one set (an 845, an 824 …). */
export function partner997(interchange: string, accept: boolean, isa13: string, sender = "DISTRIB"): string {
  const group = decodeInterchange(interchange).groups[0]!;
  const { controlNumber: gs06, functionalId } = group.header;
  const set = group.sets[0]!;
  const isa = `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${sender.padEnd(15)}*ZZ*${"CONCORD".padEnd(15)}*260302*1000*U*00401*${isa13}*0*P*>~`;
  const head = [`AK1*${functionalId}*${gs06}~`, `AK2*${set.setId}*${set.controlNumber}~`];
  const body = accept
    ? [...head, "AK5*A~", "AK9*A*1*1*1~"]
    : [...head, "AK3*LIN*7**8~", "AK4*3*234*7*X~", "AK5*R*5~", "AK9*R*1*1*0~"];
  return [
    isa,
    `GS*FA*${sender}*CONCORD*20260302*1000*${Number(isa13)}*X*004010~`,
    "ST*997*0001~",
    ...body,
    `SE*${body.length + 2}*0001~`,
    `GE*1*${Number(isa13)}~`,
    `IEA*1*${isa13}~`,
  ].join("");
}

/** The small health system with a distributor knowing every record by its own ids (D- + procurement's). */
export function withDistributorXrefs<T extends { xrefs: readonly { system: string; localId: string }[] }>(seed: T): T {
  const distributor = seed.xrefs
    .filter((x) => x.system === "procurement")
    .map((x) => ({ ...x, system: "distributor", localId: `D-${x.localId}` }));
  return { ...seed, xrefs: [...seed.xrefs, ...distributor] };
}
