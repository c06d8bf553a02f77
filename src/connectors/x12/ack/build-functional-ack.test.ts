import { describe, expect, it } from "vitest";
import { decodeInterchange } from "../envelope/decode-interchange.js";
import { encodeInterchange } from "../envelope/encode-interchange.js";
import { MemoryInterchangeRegistry } from "../envelope/interchange-registry.js";
import { receiveInterchange } from "../receive-interchange.js";
import { buildFunctionalAck } from "./build-functional-ack.js";
import { acknowledgedStatus, parseAcknowledgment } from "./parse-acknowledgment.js";

const at = new Date("2026-03-01T10:00:00Z");
const inbound = encodeInterchange(
  {
    sender: { qualifier: "ZZ", id: "HOSPITAL" },
    receiver: { qualifier: "ZZ", id: "CONCORD" },
    controlNumber: 11,
    at,
    ackRequested: true,
  },
  [
    {
      setId: "850",
      functionalId: "PO",
      version: "004010",
      segments: [
        ["BEG", "00", "SA", "PO-1", "", "20260301"],
        ["PO1", "1", "2", "EA", "3.50", "", "VC", "A-1"],
      ],
    },
    {
      setId: "850",
      functionalId: "PO",
      version: "004010",
      segments: [
        ["BEG", "00", "SA", "PO-2", "", "20260301"],
        ["PO1", "1", "1", "XX", "9", "", "VC", "B-2"],
      ],
    },
  ],
);
const ackEnvelope = { controlNumber: 900, at };

describe("functional acknowledgments reflect what was found", () => {
  it("a segment count mismatch rejects that set with AK5*R*4 and the group is partially accepted", () => {
    const ic = decodeInterchange(inbound.replace("SE*4*0001", "SE*9*0001"), { controls: "record" });
    const ack = buildFunctionalAck(ic, { envelope: ackEnvelope })!;
    expect(ack).toContain("AK5*R*4~");
    expect(ack).toContain("AK9*P*2*2*1~");
    const parsed = parseAcknowledgment(ack);
    expect(parsed.interchange).toMatchObject({ senderId: "CONCORD", receiverId: "HOSPITAL" });
    expect(parsed.interchangeAcks[0]).toMatchObject({
      interchangeControlNumber: "000000011",
      status: "accepted",
      noteCode: "000",
    });
    expect(acknowledgedStatus(parsed, "11", "0001")).toBe("rejected");
    expect(acknowledgedStatus(parsed, "11", "0002")).toBe("accepted");
  });

  it("a mapping error becomes AK3/AK4 with the element, code and bad value (997)", async () => {
    const received = await receiveInterchange(inbound, { ack: { envelope: ackEnvelope } });
    expect(received.sets.map((s) => s.outcome)).toEqual(["mapped", "rejected"]);
    expect(received.ack).toContain("AK3*PO1*3**8~AK4*3**7*XX~AK5*R*5~");
    const set = parseAcknowledgment(received.ack!).functional[0]!.group.sets[1]!;
    expect(set.segmentErrors[0]).toMatchObject({
      segmentId: "PO1",
      position: 3,
      code: "8",
      elements: [{ elementPosition: 3, code: "7", badValue: "XX" }],
    });
  });

  it("the 999 carries IK3/IK4/IK5 and the 005010X231 convention", async () => {
    const received = await receiveInterchange(inbound, { ack: { kind: "999", envelope: ackEnvelope } });
    expect(received.ack).toContain("ST*999*0001*005010X231~AK1*PO*11*004010~");
    expect(received.ack).toContain("IK3*PO1*3**8~IK4*3**7*XX~IK5*R*5~");
    const parsed = parseAcknowledgment(received.ack!);
    expect(parsed.functional[0]!.group).toMatchObject({ status: "partially-accepted", setsAccepted: 1 });
  });

  it("a group trailer mismatch rejects the whole group with AK9 code 4 and maps nothing", async () => {
    const received = await receiveInterchange(inbound.replace("GE*2*11", "GE*2*12"), {
      ack: { envelope: ackEnvelope },
    });
    expect(received.sets.every((s) => s.outcome === "rejected")).toBe(true);
    expect(received.ack).toContain("AK9*R*2*2*0*4~");
  });

  it("refuses a duplicate interchange control number per sender/receiver (409)", async () => {
    const registry = new MemoryInterchangeRegistry();
    await receiveInterchange(inbound, { registry });
    await expect(receiveInterchange(inbound, { registry })).rejects.toMatchObject({
      code: "CONCORD_ERR_EDI_DUPLICATE",
      status: 409,
    });
    const otherReceiver = inbound.replace("ZZ*CONCORD        ", "ZZ*CONCORD2       ");
    await expect(receiveInterchange(otherReceiver, { registry })).resolves.toBeDefined();
  });
});

describe("MemoryInterchangeRegistry", () => {
  it("answers false the first time and true afterwards, per (sender, receiver, number)", async () => {
    const r = new MemoryInterchangeRegistry();
    expect(await r.seen("ZZ:A", "ZZ:B", "000000001")).toBe(false);
    expect(await r.seen("ZZ:A", "ZZ:B", "000000001")).toBe(true);
    expect(await r.seen("ZZ:A", "ZZ:C", "000000001")).toBe(false);
    expect(await r.seen("ZZ:A", "ZZ:B", "000000002")).toBe(false);
  });
});
