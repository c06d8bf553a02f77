import { describe, expect, it } from "vitest";
import { contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { getJson, hubHeaders, useRecordingHub } from "../support/test-hub.js";

describe.each(STORE_KINDS)("bad input ($name)", (kind) => {
  const env = useRecordingHub(kind, {
    dispatch: false,
  });
  const send = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${env.hub.url}${path}`, {
      method: "POST",
      headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "clm", ...headers },
      body,
    });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      body: (await res.json()) as Record<string, any>,
    };
  };
  const snapshot = async () =>
    env.hub.store.query(
      "SELECT contract_id, version, status, body FROM contract_versions ORDER BY contract_id, version",
    );

  const cases: [string, string, string, Record<string, string>, number, string][] = [
    ["malformed JSON", "/v1/inbound/clm/agreement-events", '{"eventId": "x", ', {}, 400, "CONCORD_ERR_INPUT_MALFORMED"],
    ["an empty body", "/v1/inbound/clm/agreement-events", "", {}, 400, "CONCORD_ERR_INPUT_MALFORMED"],
    ["a JSON array", "/v1/inbound/clm/agreement-events", "[]", {}, 400, "CONCORD_ERR_INPUT_SCHEMA"],
    [
      "wrong types",
      "/v1/contracts/ctr-1/versions",
      JSON.stringify({ ...contractV1(), version: "two" }),
      {},
      400,
      "CONCORD_ERR_INPUT_SCHEMA",
    ],
    [
      "a missing field",
      "/v1/contracts/ctr-1/versions",
      JSON.stringify({ ...contractV1(), supplierId: undefined, version: 2 }),
      {},
      400,
      "CONCORD_ERR_INPUT_SCHEMA",
    ],
    [
      "a float price",
      "/v1/contracts/ctr-1/versions",
      JSON.stringify({
        ...contractV1(),
        version: 2,
        priceLines: [{ lineNo: 1, itemId: "itm-1", uom: "box", unitPrice: 12.5, tierPrices: [] }],
      }),
      {},
      400,
      "CONCORD_ERR_INPUT_SCHEMA",
    ],
    [
      "an unknown property",
      "/v1/contracts/ctr-1/versions",
      JSON.stringify({ ...contractV1(), version: 2, discount: "5%" }),
      {},
      400,
      "CONCORD_ERR_INPUT_SCHEMA",
    ],
    [
      "the wrong content type",
      "/v1/contracts/ctr-1/versions",
      "<contract/>",
      { "content-type": "application/xml" },
      415,
      "CONCORD_ERR_INPUT_MEDIA_TYPE",
    ],
    [
      "a body over the limit",
      "/v1/inbound/clm/agreement-events",
      JSON.stringify({ pad: "x".repeat(9 * 1024 * 1024) }),
      {},
      413,
      "CONCORD_ERR_INPUT_TOO_LARGE",
    ],
    [
      "a prototype-pollution key",
      "/v1/inbound/clm/agreement-events",
      '{"__proto__": {"admin": true}, "eventId": "p"}',
      {},
      400,
      "CONCORD_ERR_INPUT_MALFORMED",
    ],
  ];

  it.each(cases)(
    "answers %s with a problem+json %i naming the error",
    async (_name, path, body, headers, status, code) => {
      const before = await snapshot();
      const res = await send(path, body, headers);
      expect(res.status).toBe(status);
      expect(res.type).toContain("application/problem+json");
      expect(res.body).toMatchObject({ status, code, type: `https://concord.dev/errors/${code}` });
      expect(typeof res.body.detail).toBe("string");
      expect(await snapshot()).toEqual(before);
    },
  );

  it("says where a schema error is", async () => {
    const res = await send("/v1/contracts/ctr-1/versions", JSON.stringify({ ...contractV1(), version: "two" }));
    expect(res.body.issues).toContainEqual(expect.objectContaining({ path: "/version" }));
    expect(res.body.detail).toContain("/version");
  });

  it("rejects a contract that breaks a business rule with 422 and names the rule", async () => {
    const res = await send(
      "/v1/contracts/ctr-1/versions",
      JSON.stringify({ ...contractV1(), version: 2, effectiveFrom: "2029-01-01", expiresOn: "2028-12-31" }),
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("CONCORD_ERR_CONTRACT_RULES");
    expect(res.body.detail).toContain("/expiresOn");
  });

  it("unknown routes and bad query parameters are problem+json too", async () => {
    const missing = await getJson(`${env.hub.url}/v1/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("CONCORD_ERR_ROUTE_NOT_FOUND");
    const bad = await getJson(`${env.hub.url}/v1/prices?item=itm-1&facility=fac-1&on=2026-13-45`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("CONCORD_ERR_INPUT_QUERY");
    expect(bad.body.detail).toContain("/on");
  });
});
