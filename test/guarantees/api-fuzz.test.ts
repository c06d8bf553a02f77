import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, useRecordingHub } from "../support/test-hub.js";

/** Strings an attacker tries: SQL and JSON injection, path tricks, control characters, big text. */
const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "1; DROP TABLE contracts; --",
  '"; DELETE FROM canonical_records; --',
  '{"$where": "1 == 1"}',
  "../../../etc/passwd",
  "\u0000\u0001\u001f",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the log4shell probe string, literally
  "${jndi:ldap://x/a}",
  "%00%27%22",
  "\ud800",
  "A".repeat(100_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const pollutionKey = fc.constantFrom("__proto__", "constructor", "prototype");

/** JSON values shaped to hurt: pollution keys, deep nesting, wrong types where objects are expected. */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, pollutionKey), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const deepNesting = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth);

/** Raw bodies JSON.parse chokes on or that exhaust naive recursive code. */
const RAW_BODIES = [
  deepNesting(20_000, "[", "]"),
  deepNesting(20_000, '{"a":', "}"),
  '{"__proto__": {"polluted": true}, "id": "ctr-1"}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  "{",
  "",
  "null",
  "[]",
  '"just a string"',
  "\u0000",
  `{"records": [${Array(5000).fill('{"__proto__":{"x":1}}').join(",")}]}`,
];

/** Every POST route that takes a JSON body (path ids may be hostile too). */
const JSON_ROUTES = [
  "/v1/contracts/ctr-1/versions",
  "/v1/contracts/ctr-1/versions/1/release",
  "/v1/imports/suppliers",
  "/v1/imports/items",
  "/v1/inbound/clm/agreement-events",
  "/v1/dead-letters/replay",
];

/** Percent-encodes, sending a lone surrogate as its (invalid) UTF-8 bytes: hostile on purpose. */
const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "")) + "%ED%A0%80";
  }
};

const GET_ROUTES = [
  (s: string) => `/v1/pricing/effective-price?item=${enc(s)}&facility=${enc(s)}`,
  (s: string) => `/v1/pricing/changes?since=${enc(s)}`,
  (s: string) => `/v1/contracts/${enc(s)}`,
  (s: string) => `/v1/suppliers/${enc(s)}`,
  (s: string) => `/v1/exceptions?subjectId=${enc(s)}&limit=${enc(s)}`,
  (s: string) => `/v1/audit?after=${enc(s)}`,
  (s: string) => `/fhir/R4/Organization?name=${enc(s)}`,
];

/** What the store holds that a refused request must not have changed. */
const COUNTED = ["contract_versions", "canonical_records", "events", "deliveries", "trade_documents", "xrefs"];

/**
 * Malformed and hostile input never breaks the API: every answer is a 4xx with a problem body
 * (never a 5xx), nothing is stored, and the process's prototypes stay clean.
 */
describe.each(STORE_KINDS)("API fuzzing ($name)", (kind) => {
  const env = useRecordingHub(kind, { clients: [] });
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        COUNTED.map(async (t) => [
          t,
          (await env.hub.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`))[0]!.n,
        ]),
      ),
    );
  const post = async (path: string, body: string, type = "application/json") => {
    const res = await fetch(`${env.hub.url}${path}`, {
      method: "POST",
      headers: hubHeaders({ "content-type": type, "x-concord-system": "clm" }),
      body,
    });
    return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
  };
  const expectRefused = (r: { status: number; type: string }, what: string) => {
    expect(r.status, what).toBeGreaterThanOrEqual(400);
    expect(r.status, what).toBeLessThan(500);
  };

  it("answers hostile raw bodies on every JSON route with a 4xx problem and stores nothing", async () => {
    const before = await counts();
    for (const path of JSON_ROUTES) {
      for (const body of RAW_BODIES) {
        const r = await post(path, body);
        expectRefused(r, `${path} ${body.slice(0, 40)}`);
        expect(r.type).toContain("application/problem+json");
      }
    }
    expect(await counts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("answers generated hostile JSON on every JSON route with a 4xx (or a per-record rejection) and stores nothing", async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...JSON_ROUTES), hostileJson, async (path, value) => {
        const body = path.startsWith("/v1/imports/") && fc.sample(fc.boolean(), 1)[0] ? { records: [value] } : value;
        const r = await post(path, JSON.stringify(body));
        if (r.status === 200) {
          // A batch import answers 200 with each record's own outcome: a hostile record is rejected.
          expect(path.startsWith("/v1/imports/")).toBe(true);
          expect(JSON.parse(r.text)).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
        } else expectRefused(r, `${path} ${r.text.slice(0, 200)}`);
      }),
      { numRuns: 150, seed: 20261125 },
    );
    expect(await counts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("answers hostile path and query parameters with a 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GET_ROUTES), hostileString, async (route, s) => {
        const res = await fetch(`${env.hub.url}${route(s)}`, { headers: hubHeaders() });
        await res.arrayBuffer();
        expect(res.status, route(s).slice(0, 200)).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 20261125 },
    );
  });

  it("refuses hostile X12, cXML and token requests with a 4xx and stores nothing", async () => {
    const before = await counts();
    const cases: [string, string, string][] = [
      ["/v1/inbound/x12", `ISA*00*${"*".repeat(200_000)}`, "application/edi-x12"],
      ["/v1/inbound/x12", "\u0000\u0000\u0000", "application/edi-x12"],
      ["/v1/inbound/x12", HOSTILE_STRINGS[1]!, "text/plain"],
      [
        "/v1/inbound/cxml",
        '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><cXML>&x;</cXML>',
        "text/xml",
      ],
      ["/v1/inbound/cxml", deepNesting(5_000, "<a>", "</a>"), "text/xml"],
      [
        "/oauth/token",
        "grant_type=client_credentials&client_id=' OR 1=1 --&client_secret=x",
        "application/x-www-form-urlencoded",
      ],
      ["/oauth/token", deepNesting(3_000, "[", "]"), "application/json"],
    ];
    for (const [path, body, type] of cases) {
      const r = await post(path, body, type);
      expectRefused(r, `${path} ${body.slice(0, 40)}`);
    }
    expect(await counts()).toEqual(before);
  });
});
