import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact-secrets.js";

const line = (o: unknown) => JSON.stringify(o);

describe("redactSecrets (the last step before a log line is written)", () => {
  it("removes sensitive members at any depth, whatever the spelling of the name", () => {
    const out = redactSecrets(
      line({
        headers: { authorization: "Bearer ck_abc.123", "X-Api-Key": "ck_key.456", cookie: "sid=789" },
        body: {
          records: [
            {
              id: "sup-1",
              taxId: "12-3456789",
              tax_id: 123456789,
              bankAccount: { accountNumber: "000123", routingNumber: "021000021" },
            },
          ],
        },
        msg: "request received",
      }),
    );
    for (const secret of ["ck_abc.123", "ck_key.456", "sid=789", "12-3456789", "123456789", "000123", "021000021"]) {
      expect(out).not.toContain(secret);
    }
    const parsed = JSON.parse(out);
    expect(parsed.headers["X-Api-Key"]).toBe(REDACTED);
    expect(parsed.body.records[0].id).toBe("sup-1");
    expect(parsed.msg).toBe("request received");
  });

  it("removes them inside a JSON string holding a raw body", () => {
    const out = redactSecrets(line({ rawBody: JSON.stringify({ name: "Acme", taxId: "98-7654321" }) }));
    expect(out).not.toContain("98-7654321");
    expect(JSON.parse(JSON.parse(out).rawBody)).toEqual({ name: "Acme", taxId: REDACTED });
  });

  it("removes credentials from URLs: user:password@ and secret query parameters", () => {
    const out = redactSecrets(
      line({
        url: "/v1/prices?item=itm-1&access_token=tok-123&api_key=k-456",
        store: "postgres://concord:hunter2@db:5432/concord",
      }),
    );
    expect(out).not.toMatch(/tok-123|k-456|hunter2/);
    const parsed = JSON.parse(out);
    expect(parsed.url).toBe(`/v1/prices?item=itm-1&access_token=${REDACTED}&api_key=${REDACTED}`);
    expect(parsed.store).toBe(`postgres://${REDACTED}@db:5432/concord`);
  });

  it("leaves a line without secrets as it was", () => {
    const clean = line({
      level: "info",
      correlationId: "c-1",
      url: "/v1/contracts/ctr-1?token_type=x",
      taxIdLabel: "n/a",
    });
    expect(redactSecrets(clean)).toBe(clean);
  });
});
