import { describe, expect, it } from "vitest";
import { routineSlots } from "./priority-lanes.js";

describe("routine share of claims", () => {
  it("gives every fifth slot to routine work with share 0.2, whatever the claim sizes", () => {
    let claimed = 0;
    const routine: number[] = [];
    for (let i = 0; i < 20; i++) {
      routine.push(routineSlots(claimed, 1, 0.2));
      claimed += 1;
    }
    expect(routine.join("")).toBe("00001000010000100001");
    expect(routineSlots(0, 32, 0.2)).toBe(6);
    expect(routineSlots(3, 10, 0.2)).toBe(2);
  });

  it("never more than the limit, none with share 0", () => {
    expect(routineSlots(0, 1, 1)).toBe(1);
    expect(routineSlots(7, 5, 0)).toBe(0);
    expect(routineSlots(7, 0, 0.5)).toBe(0);
  });
});
