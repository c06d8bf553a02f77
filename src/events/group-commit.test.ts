import { describe, expect, it } from "vitest";
import { GroupCommit } from "./group-commit.js";

describe("GroupCommit", () => {
  it("writes items added together in one batch, and later ones in the next", async () => {
    const batches: number[][] = [];
    const g = new GroupCommit<number>(async (b) => {
      batches.push([...b]);
      await new Promise((r) => setTimeout(r, 5));
      return undefined;
    });
    const first = [1, 2, 3].map((n) => g.add(n));
    await new Promise((r) => setImmediate(r));
    const late = g.add(4);
    await Promise.all([...first, late]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("rejects every item of a failed batch and keeps going", async () => {
    let calls = 0;
    const g = new GroupCommit<number>(async () => {
      calls++;
      if (calls === 1) throw new Error("disk full");
      return undefined;
    });
    const failed = [g.add(1), g.add(2)].map((p) => p.catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(["disk full", "disk full"]);
    await expect(g.add(3)).resolves.toBeUndefined();
  });

  it("caps a batch at maxBatch items", async () => {
    const sizes: number[] = [];
    const g = new GroupCommit<number>(async (b) => {
      sizes.push(b.length);
      return undefined;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => g.add(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});

describe("GroupCommit with answers", () => {
  it("answers each item with its own result, in order", async () => {
    const g = new GroupCommit<number, string>(async (b) => b.map((n) => `#${n}`));
    expect(await Promise.all([g.add(1), g.add(2), g.add(3)])).toEqual(["#1", "#2", "#3"]);
  });
});
