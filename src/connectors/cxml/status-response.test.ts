import { describe, expect, it } from "vitest";
import { Errors } from "../../errors/index.js";
import { decodeCxml } from "./decode-cxml.js";
import {
  buildStatusResponse,
  classifyCxmlResponse,
  classifyCxmlStatus,
  cxmlStatusForError,
} from "./status-response.js";

describe("buildStatusResponse", () => {
  it("writes a Response with no Header, a DOCTYPE and the status", () => {
    const xml = buildStatusResponse({ code: 200, payloadId: "r1@concord", timestamp: "2026-01-01T00:00:00Z" });
    expect(xml).toContain('<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd">');
    expect(xml).not.toContain("<Header>");
    expect(decodeCxml(xml).body).toEqual({ type: "Response", status: { code: 200, text: "OK" } });
  });

  it("carries a message and a punch-out start page", () => {
    const xml = buildStatusResponse({
      code: 406,
      message: "line 3: <bad>",
      startPageUrl: "https://s.example/start?x=1&y=2",
    });
    expect(decodeCxml(xml).body).toEqual({
      type: "Response",
      status: { code: 406, text: "Not Acceptable", message: "line 3: <bad>" },
      startPageUrl: "https://s.example/start?x=1&y=2",
    });
  });
});

describe("classifying a partner's cXML Status", () => {
  it.each([200, 201, 204, 280, 281])("%i is acknowledged", (code) => {
    expect(classifyCxmlStatus({ code, text: "" }, "p", "ref")).toEqual({ kind: "acknowledged", ref: "ref" });
  });

  it.each([400, 401, 403, 406, 409, 417, 450, 475])("%i is a permanent rejection", (code) => {
    expect(() => classifyCxmlStatus({ code, text: "no" }, "p")).toThrow(
      expect.objectContaining({ code: Errors.ConnectorRejected.code, retryable: false }),
    );
  });

  it.each([500, 550, 551, 560])("%i is transient and retryable", (code) => {
    expect(() => classifyCxmlStatus({ code, text: "later" }, "p")).toThrow(
      expect.objectContaining({ code: Errors.ConnectorTransient.code, retryable: true }),
    );
  });

  it("409 (duplicate payloadID) counts as applied only when the partner is configured so", () => {
    expect(classifyCxmlStatus({ code: 409, text: "dup" }, "p", "r", { duplicateIsAcknowledged: true }).kind).toBe(
      "acknowledged",
    );
  });

  it("reads the answer body; an answer that is not a cXML Response is a rejection", () => {
    const body = buildStatusResponse({ code: 560, text: "Temporary server error" });
    expect(() => classifyCxmlResponse(body, "p")).toThrow(
      expect.objectContaining({ code: Errors.ConnectorTransient.code }),
    );
    expect(() => classifyCxmlResponse("<html>proxy</html>", "p")).toThrow(
      expect.objectContaining({ code: Errors.ConnectorRejected.code }),
    );
  });
});

describe("cxmlStatusForError", () => {
  it("answers credentials 401, unreadable XML 406, unmappable 400, Concord's own trouble 500", () => {
    expect(cxmlStatusForError(Errors.CxmlCredentials("x")).code).toBe(401);
    expect(cxmlStatusForError(Errors.XmlUnsafe("x")).code).toBe(406);
    expect(cxmlStatusForError(Errors.XmlTooLarge("x")).code).toBe(406);
    expect(cxmlStatusForError(Errors.CxmlDocument("x")).code).toBe(400);
    expect(cxmlStatusForError(Errors.StoreUnavailable("x")).code).toBe(500);
    expect(cxmlStatusForError(new Error("secret stack detail"))).toEqual({
      code: 500,
      text: "Internal Server Error",
      message: "Internal error",
    });
  });
});
