import Fastify from "fastify";
import { createLocalJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { installAuth } from "../../src/api/auth/install-auth.js";
import { TokenService } from "../../src/api/auth/token-service.js";
import { buildHealthApp } from "../../src/api/build-app.js";
import { installProblemHandlers } from "../../src/api/problem.js";
import { createHubTelemetry } from "../../src/observability/index.js";
import { compileAuthConfig } from "../../src/server/auth-config.js";
import { compileHubConfig } from "../../src/server/config.js";
import { amendment, contractV1 } from "../support/small-health-system.js";
import { STORE_KINDS } from "../support/stores.js";
import { TEST_API_KEY, testAuth, useRecordingHub, waitFor } from "../support/test-hub.js";
import { clearOfWindowEdge } from "../support/throttle-window.js";

const PRICING_KEY = "ck_pricing-app.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const PRICING_SECRET = "pricing-app-secret-bbbbbbbbbbbbbbbbbbbb";
const CLM_KEY = "ck_clm-app.cccccccccccccccccccccccccccccccc";
const TINY_KEY = "ck_tiny.dddddddddddddddddddddddddddddddd";
const TINY_LIMIT = 3;
const ERP_KEY = "ck_erp-app.ffffffffffffffffffffffffffffffff";

const CLIENTS = [
  {
    id: "pricing-app",
    scopes: ["prices:read", "contracts:read"],
    apiKeys: [PRICING_KEY],
    secret: PRICING_SECRET,
    perMinute: 10_000,
  },
  {
    id: "clm-app",
    scopes: ["contracts:write", "contracts:read", "items:write"],
    systems: ["clm"],
    apiKeys: [CLM_KEY],
    perMinute: 10_000,
  },
  { id: "tiny", scopes: ["contracts:read"], apiKeys: [TINY_KEY], perMinute: TINY_LIMIT },
  { id: "erp-app", scopes: ["items:read", "items:write"], systems: ["erp"], apiKeys: [ERP_KEY], perMinute: 10_000 },
];

/**
 * The governance rules of the API, each through real HTTP against a real hub: authentication
 * (API keys, OAuth2 client-credentials JWTs and their JWKS), scopes, acting-for-a-system,
 * throttling, Idempotency-Key, and the audit of refused calls.
 */
describe.each(STORE_KINDS)("governed API ($name)", (kind) => {
  const env = useRecordingHub(kind, { clients: CLIENTS, auth: { tokenTtlSeconds: 600 } });
  const call = (path: string, init: RequestInit & { key?: string; bearer?: string } = {}) => {
    const { key, bearer, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (key) headers.set("x-api-key", key);
    if (bearer) headers.set("authorization", `Bearer ${bearer}`);
    return fetch(`${env.hub.url}${path}`, { ...rest, headers });
  };
  const problem = async (res: Response) => {
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return (await res.json()) as { code: string; status: number; detail: string } & Record<string, unknown>;
  };
  const token = (form: Record<string, string>, basic?: string) =>
    call("/oauth/token", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(basic ? { authorization: `Basic ${Buffer.from(basic).toString("base64")}` } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
  const auditedCalls = (actor: string, status: number) =>
    env.hub.store.query<{ detail: { route: string; status: number } }>(
      `SELECT detail FROM audit_log WHERE action = 'api.call' AND actor = $1 AND (detail->>'status')::int = $2`,
      [actor, status],
    );

  it("refuses a call without credentials (401, WWW-Authenticate) and one with an unknown key", async () => {
    const none = await call("/v1/contracts/ctr-1");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="concord"');
    expect((await problem(none)).code).toBe("CONCORD_ERR_AUTH_REQUIRED");

    const unknown = await call("/v1/contracts/ctr-1", { key: "ck_nobody.eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await problem(unknown)).toMatchObject({ code: "CONCORD_ERR_AUTH_INVALID", reason: "unknown-key" });

    // Public routes stay open: probes, the JWKS.
    expect((await call("/healthz")).status).toBe(200);
    expect((await call("/.well-known/jwks.json")).status).toBe(200);
  });

  it("refuses a call outside the client's scopes (403) and audits the refusal under the client's name", async () => {
    const ok = await call("/v1/contracts/ctr-1", { key: PRICING_KEY });
    expect(ok.status).toBe(200);
    const denied = await call("/v1/dead-letters", { key: PRICING_KEY });
    expect(denied.status).toBe(403);
    expect(await problem(denied)).toMatchObject({
      code: "CONCORD_ERR_AUTH_SCOPE",
      requiredScope: "operations:read",
      clientId: "pricing-app",
    });
    const audited = await waitFor(async () => {
      const rows = await auditedCalls("pricing-app", 403);
      return rows.length > 0 ? rows : undefined;
    }, 10_000);
    expect(audited![0]!.detail.route).toBe("/v1/dead-letters");
  });

  it("lets a client act only for its own systems: the CLM's client may not write as the ERP", async () => {
    const asErp = await call("/v1/imports/items", {
      method: "POST",
      key: CLM_KEY,
      headers: { "content-type": "application/json", "x-concord-system": "erp" },
      body: JSON.stringify({ records: [{ kind: "item" }] }),
    });
    expect(asErp.status).toBe(403);
    expect(await problem(asErp)).toMatchObject({ code: "CONCORD_ERR_AUTH_SYSTEM", system: "erp", allowed: ["clm"] });

    // Acting for the CLM (its only system, no header needed), ERP-owned item data is still refused
    // by the ownership policy: the client's identity is the system the policy judges.
    const asClm = await call("/v1/imports/items", {
      method: "POST",
      key: CLM_KEY,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        records: [
          (await env.hub.store.query("SELECT body FROM canonical_records WHERE entity_type = 'item' LIMIT 1"))[0]!.body,
        ],
      }),
    });
    expect(asClm.status).toBe(200);
    const result = (await asClm.json()) as { rejected: number; results: { problem?: { code: string } }[] };
    expect(result.rejected).toBe(1);
    expect(result.results[0]!.problem!.code).toBe("CONCORD_ERR_POLICY_OWNERSHIP");

    // And the CLM's native webhook is refused to anyone not registered for the CLM.
    const webhook = await call("/v1/inbound/clm/agreement-events", {
      method: "POST",
      key: PRICING_KEY,
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(webhook.status).toBe(403);
  });

  it("issues OAuth2 client-credentials tokens that verify against the JWKS and carry only granted scopes", async () => {
    const res = await token({ grant_type: "client_credentials" }, `pricing-app:${PRICING_SECRET}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const issued = (await res.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
      scope: string;
    };
    expect(issued).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: "prices:read contracts:read" });

    const jwks = (await (await call("/.well-known/jwks.json")).json()) as { keys: { kid: string; alg: string }[] };
    const { payload, protectedHeader } = await jwtVerify(issued.access_token, createLocalJWKSet(jwks as never), {
      issuer: "concord",
      audience: "concord-api",
    });
    expect(payload.sub).toBe("pricing-app");
    expect(jwks.keys.map((k) => k.kid)).toContain(protectedHeader.kid);
    expect((await call("/v1/contracts/ctr-1", { bearer: issued.access_token })).status).toBe(200);

    // Narrower token, form-field client authentication.
    const narrow = (await (
      await token({
        grant_type: "client_credentials",
        client_id: "pricing-app",
        client_secret: PRICING_SECRET,
        scope: "prices:read",
      })
    ).json()) as { access_token: string };
    const outOfScope = await call("/v1/contracts/ctr-1", { bearer: narrow.access_token });
    expect(outOfScope.status).toBe(403);

    // A tampered token (payload changed, signature kept) is refused.
    const [h, p, s] = issued.access_token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...payload, sub: "clm-app" })).toString("base64url");
    const tampered = await call("/v1/contracts/ctr-1", { bearer: `${h}.${forged}.${s}` });
    expect(tampered.status).toBe(401);
    expect(await problem(tampered)).toMatchObject({ code: "CONCORD_ERR_AUTH_INVALID" });
    expect(p).toBeTruthy();

    // An expired token: signed with the hub's own key by an issuer whose clock is an hour behind,
    // so it expired 50 minutes ago (no waiting on the wall clock).
    const lateIssuer = new TokenService(env.hub.store, env.hub.config.auth, () => Date.now() - 3_600_000);
    await lateIssuer.start();
    const old = await lateIssuer.issue(env.hub.config.auth.clients.get("pricing-app")!, undefined);
    const expired = await call("/v1/contracts/ctr-1", { bearer: old.access_token });
    expect(expired.status).toBe(401);
    expect(await problem(expired)).toMatchObject({ code: "CONCORD_ERR_AUTH_INVALID", reason: "expired" });
  });

  it("answers bad token requests as RFC 6749 errors inside problem+json", async () => {
    const wrongSecret = await token({ grant_type: "client_credentials" }, "pricing-app:not-the-secret-at-all-xxxxxxxx");
    expect(wrongSecret.status).toBe(401);
    expect(await problem(wrongSecret)).toMatchObject({ error: "invalid_client" });
    const unknownClient = await token({ grant_type: "client_credentials" }, `nobody:${PRICING_SECRET}`);
    expect(unknownClient.status).toBe(401);
    const badScope = await token(
      { grant_type: "client_credentials", scope: "operations:write" },
      `pricing-app:${PRICING_SECRET}`,
    );
    expect(badScope.status).toBe(400);
    expect(await problem(badScope)).toMatchObject({ code: "CONCORD_ERR_OAUTH_REQUEST", error: "invalid_scope" });
    const badGrant = await token({ grant_type: "password" }, `pricing-app:${PRICING_SECRET}`);
    expect(await problem(badGrant)).toMatchObject({ error: "unsupported_grant_type" });
    // A client with only API keys has no secret to authenticate with.
    const keyOnly = await token({ grant_type: "client_credentials" }, `clm-app:${CLM_KEY}`);
    expect(keyOnly.status).toBe(401);
  });

  it("throttles per client with RateLimit headers and 429 + Retry-After, leaving other clients alone", async () => {
    await clearOfWindowEdge();
    const answers: Response[] = [];
    for (let i = 0; i < TINY_LIMIT + 1; i++) answers.push(await call("/v1/contracts/ctr-1", { key: TINY_KEY }));
    expect(answers.slice(0, TINY_LIMIT).map((r) => r.status)).toEqual(Array(TINY_LIMIT).fill(200));
    expect(answers[0]!.headers.get("ratelimit-limit")).toBe(String(TINY_LIMIT));
    expect(answers[0]!.headers.get("ratelimit-remaining")).toBe(String(TINY_LIMIT - 1));
    const refused = answers[TINY_LIMIT]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(await problem(refused)).toMatchObject({ code: "CONCORD_ERR_RATE_LIMITED", limit: TINY_LIMIT });
    expect((await call("/v1/contracts/ctr-1", { key: PRICING_KEY })).status).toBe(200);
  });

  it("replays an Idempotency-Key's first answer, and refuses the key for a different request", async () => {
    const send = (body: unknown, key: string, apiKey = CLM_KEY) =>
      call("/v1/contracts/ctr-1/versions", {
        method: "POST",
        key: apiKey,
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(body),
      });
    const v2 = amendment(contractV1(), 2, "2026-03-01");
    const first = await send(v2, "amend-ctr-1-v2");
    expect(first.status).toBe(202);
    const firstBody = await first.text();
    const again = await send(v2, "amend-ctr-1-v2");
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(firstBody);

    const different = await send(amendment(contractV1(), 3, "2026-04-01"), "amend-ctr-1-v2");
    expect(different.status).toBe(422);
    expect(await problem(different)).toMatchObject({ code: "CONCORD_ERR_IDEMPOTENCY_MISMATCH" });
    // Nothing was done for the refused request: version 3 was never taken in.
    const versions = await env.hub.store.query("SELECT version FROM contract_versions WHERE contract_id = 'ctr-1'");
    expect(versions.map((r) => r.version).sort()).toEqual([1, 2]);

    // Keys belong to a client: the operator's same key is a new request of its own.
    const other = await send(amendment(contractV1(), 3, "2026-04-01"), "amend-ctr-1-v2", TEST_API_KEY);
    expect(other.status).toBe(400); // the operator acts for every system, so it must name one
  });

  it("updates an item only with the ETag of what the caller read: 428 without, 412 when stale", async () => {
    const read = await call("/v1/items/itm-1", { key: ERP_KEY });
    expect(read.status).toBe(200);
    const etag = read.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await call("/v1/items/itm-1", { key: ERP_KEY, headers: { "if-none-match": etag } })).status).toBe(304);
    const item = (await read.json()) as Record<string, unknown>;
    const put = (body: unknown, headers: Record<string, string>, key = ERP_KEY) =>
      call("/v1/items/itm-1", {
        method: "PUT",
        key,
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      });

    const blind = await put({ ...item, description: "Blind write" }, {});
    expect(blind.status).toBe(428);
    expect((await problem(blind)).code).toBe("CONCORD_ERR_PRECONDITION_REQUIRED");

    const first = await put({ ...item, description: "Exam glove nitrile, size 1, powder-free" }, { "if-match": etag });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ id: "itm-1", status: "updated" });
    const newEtag = first.headers.get("etag");
    expect(newEtag).not.toBe(etag);

    // A second writer still holding the first ETag loses, and nothing of its change is kept.
    const stale = await put({ ...item, description: "Lost update" }, { "if-match": etag });
    expect(stale.status).toBe(412);
    expect(await problem(stale)).toMatchObject({ code: "CONCORD_ERR_PRECONDITION_FAILED", currentEtag: newEtag });
    const now = (await (await call("/v1/items/itm-1", { key: ERP_KEY })).json()) as { description: string };
    expect(now.description).toBe("Exam glove nitrile, size 1, powder-free");

    // Only the owning system may update: the CLM's client is refused by the ownership policy.
    const asClm = await put({ ...item, description: "From the CLM" }, { "if-match": newEtag! }, CLM_KEY);
    expect(asClm.status).toBe(403);
    expect((await problem(asClm)).code).toBe("CONCORD_ERR_POLICY_OWNERSHIP");
  });

  it("never writes an API key or a client secret into the audit log", async () => {
    const rows = await env.hub.store.query<{ t: string }>("SELECT detail::text || actor AS t FROM audit_log");
    expect(rows.length).toBeGreaterThan(0);
    for (const secret of [PRICING_KEY, PRICING_SECRET, CLM_KEY, TINY_KEY, ERP_KEY, TEST_API_KEY]) {
      expect(rows.some((r) => r.t.includes(secret))).toBe(false);
    }
  });
});

describe("route governance at start-up", () => {
  it("refuses to register a route that declares neither a scope nor public", async () => {
    const auth = compileAuthConfig({});
    const app = Fastify();
    installProblemHandlers(app);
    // The token service is never asked anything here: no store needed.
    installAuth(app, auth, new TokenService({} as never, auth));
    expect(() => app.get("/v1/forgotten", async () => ({}))).toThrow(/declares neither a scope nor public/);
    app.get("/v1/declared", { config: { scope: "prices:read" } }, async () => ({}));
    await app.close();
  });

  it("guards a worker's /metrics like the API's, and leaves its /healthz open", async () => {
    const config = compileHubConfig({ auth: testAuth([]) });
    const telemetry = createHubTelemetry({ config, role: "worker", workerId: "w1", store: {} as never, targets: [] });
    const app = await buildHealthApp(
      {
        store: { query: async () => [], dialect: "pglite" } as never,
        isReady: () => true,
        auth: config.auth,
        tokens: new TokenService({} as never, config.auth),
      },
      telemetry,
    );
    try {
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
      expect((await app.inject({ url: "/metrics" })).statusCode).toBe(401);
      const scraped = await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TEST_API_KEY}` } });
      expect(scraped.statusCode).toBe(200);
      expect(scraped.body).toContain("concord_");
    } finally {
      await app.close();
    }
  });
});
