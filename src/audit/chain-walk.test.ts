import { describe, expect, it } from "vitest";
import { type AuditRecord, GENESIS_HASH, hashAuditRecord } from "./audit-record.js";
import { ChainWalk } from "./chain-walk.js";

const AT = "2026-05-01T12:00:00.000Z";

function chain(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      at: AT,
      actor: "clm",
      action: "test",
      subjectType: "t",
      subjectId: `s${seq}`,
      detail: { seq },
      prevHash,
    };
    out.push({ ...content, hash: hashAuditRecord(content) });
    prevHash = out.at(-1)!.hash;
  }
  return out;
}

function walk(records: readonly AuditRecord[], anchors = new Map<number, string>()) {
  const w = new ChainWalk({ seq: 0, hash: GENESIS_HASH }, anchors, 100);
  for (const r of records) w.visit(r);
  return w.problems.map((p) => [p.seq, p.kind]);
}

describe("hashAuditRecord", () => {
  it("is SHA-256 over the canonical form, so key order and the stored json text do not matter", () => {
    const [r] = chain(1);
    const { hash, ...content } = r!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuditRecord({ ...content, detail: JSON.parse(JSON.stringify(content.detail)) })).toBe(hash);
    expect(hashAuditRecord({ ...content, seq: 2 })).not.toBe(hash);
    expect(hashAuditRecord({ ...content, prevHash: "1".repeat(64) })).not.toBe(hash);
  });
});

describe("ChainWalk", () => {
  it("finds nothing in an intact chain", () => {
    expect(walk(chain(20))).toEqual([]);
  });

  it("names an edited record", () => {
    const c = chain(10);
    c[4] = { ...c[4]!, detail: { seq: 999 } };
    expect(walk(c)).toEqual([[5, "edited"]]);
  });

  it("names the first of several missing records", () => {
    const c = chain(10);
    expect(walk([...c.slice(0, 3), ...c.slice(6)])).toEqual([[4, "removed"]]);
  });

  it("names both records of a swap, and not the one after them", () => {
    const c = chain(10);
    const swapped = c.map((r) => (r.seq === 3 ? { ...c[3]!, seq: 3 } : r.seq === 4 ? { ...c[2]!, seq: 4 } : r));
    expect(walk(swapped)).toEqual([
      [3, "reordered"],
      [4, "reordered"],
    ]);
  });

  it("names a record rewritten with a recomputed hash by its successor's broken link", () => {
    const c = chain(10);
    const { hash: _, ...content } = { ...c[6]!, detail: { seq: "forged" } };
    c[6] = { ...content, hash: hashAuditRecord(content) };
    expect(walk(c)).toEqual([[7, "broken-link"]]);
  });

  it("names a record whose hash differs from an external anchor", () => {
    const c = chain(5);
    expect(walk(c, new Map([[3, "f".repeat(64)]]))).toEqual([[3, "broken-link"]]);
    expect(walk(c, new Map([[3, c[2]!.hash]]))).toEqual([]);
  });
});
