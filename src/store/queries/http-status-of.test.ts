import { describe, expect, it } from "vitest";
import { httpStatusOf } from "./http-status-of.js";

describe("the HTTP status of a delivery attempt", () => {
  it("is read from the connector's own wording of a refusal", () => {
    expect(httpStatusOf("procurement answered 503")).toBe(503);
    expect(httpStatusOf("erp answered 429 (Retry-After 30 s)")).toBe(429);
    expect(httpStatusOf("erp answered 409: it holds a newer version")).toBe(409);
    expect(httpStatusOf('procurement rejected the message with 422: {"error":"unknown_item"}')).toBe(422);
  });

  it("is null when the attempt succeeded or never got an answer", () => {
    expect(httpStatusOf(null)).toBeNull();
    expect(httpStatusOf("erp did not answer in time")).toBeNull();
    expect(httpStatusOf("connect ECONNREFUSED 127.0.0.1:8183")).toBeNull();
    // A number inside the target's own text is not a status.
    expect(httpStatusOf('rejected the message with 422: {"items":["PRC-2"],"code":999}')).toBe(422);
  });
});
