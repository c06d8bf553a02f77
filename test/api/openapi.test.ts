import { Validator } from "@seriousme/openapi-schema-validator";
import { FormatRegistry } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_SCOPES, SCOPES, type Scope } from "../../src/api/auth/scopes.js";
import { ProblemSchema } from "../../src/api/openapi/index.js";
import type { Hub } from "../../src/server/index.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, startTestHub } from "../support/test-hub.js";

interface Operation {
  operationId: string;
  summary?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, any> };

const METHODS = ["get", "put", "post", "delete", "patch"];

/** A client granted every scope but one: a call it makes to a route needing that scope is refused. */
const keyLacking = (scope: Scope) => `ck_test-lacks-${scope.replace(":", "-")}.0123456789abcdef0123456789`;
const CLIENTS = ALL_SCOPES.map((scope) => ({
  id: `lacks-${scope.replace(":", "-")}`,
  scopes: ALL_SCOPES.filter((s) => s !== scope),
  systems: ["*"],
  apiKeys: [keyLacking(scope)],
  perMinute: 100_000,
}));

/**
 * Every (method, path) the app registered, read back from fastify's own route tree, so a route the
 * document missed cannot hide: `printRoutes({ commonPrefix: false })` prints one node per line,
 * indented four characters per level, each with the rest of its path and its methods.
 */
function registeredRoutes(app: FastifyInstance): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*) \(([^)]*)\)$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    stack.push(m[2]!);
    for (const method of m[3]!.split(", ")) if (method !== "-") found.push({ method, path: stack.join("") });
  }
  return found;
}

function operations(doc: Doc): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

/** A concrete URL for a documented path; every parameter gets "1" (auth answers before validation). */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "1");

/** The registry code of an answer, problem+json or (under /fhir) OperationOutcome. */
function codeOf(body: string): string | undefined {
  try {
    const json = JSON.parse(body);
    return json.code ?? json.issue?.[0]?.details?.coding?.[0]?.code;
  } catch {
    return undefined;
  }
}

describe.each(STORE_KINDS)("the OpenAPI document says what the hub does ($name)", (kind) => {
  let hub: Hub;
  let dispose: () => Promise<void>;
  let doc: Doc;
  beforeAll(async () => {
    ({ hub, dispose } = await startTestHub(kind, { targets: [], clients: CLIENTS, dispatch: false }));
    const res = await fetch(`${hub.url}/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  }, 180_000);
  afterAll(() => dispose?.());

  it("is a valid OpenAPI 3.1 document, served without credentials", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every route the app registered, with its method", () => {
    const routes = registeredRoutes(hub.app).filter(
      // The docs UI's assets and the dashboard's static pages are not operations of the API.
      (r) =>
        r.method !== "HEAD" &&
        r.method !== "OPTIONS" &&
        !r.path.startsWith("/docs/") &&
        !r.path.startsWith("/dashboard"),
    );
    // The parser read the tree: a format change in printRoutes must not make this test vacuous.
    expect(routes).toContainEqual({ method: "GET", path: "/v1/prices" });
    expect(routes).toContainEqual({ method: "POST", path: "/oauth/token" });
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => !doc.paths[r.path.replace(/:(\w+)/g, "{$1}")]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
    // …and nothing more: each operation is a route.
    expect(operations(doc).length).toBe(routes.length);
  });

  it("names every operation once, summarises it and files it under an area", () => {
    const ops = operations(doc);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of ops) {
      expect(op.operationId).toMatch(/^[a-z]+[A-Za-z0-9]*$/);
      expect(op.summary).toBeTruthy();
      expect(op.tags?.length).toBeGreaterThan(0);
    }
    expect(doc.paths["/v1/contracts/{id}"]!.get!.operationId).toBe("getV1ContractsById");
    expect(doc.paths["/fhir/R4/Device/{id}"]!.get!.tags).toEqual(["fhir"]);
    expect(doc.paths["/oauth/token"]!.post!.tags).toEqual(["auth"]);
  });

  it("declares both ways to authenticate, with every scope and its description", () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.apiKey).toEqual(expect.objectContaining({ type: "apiKey", in: "header", name: "X-API-Key" }));
    expect(schemes.oauth2.flows.clientCredentials).toEqual({ tokenUrl: "/oauth/token", scopes: SCOPES });
  });

  it("gives each governed operation its scope, and that is the scope the hub enforces", async () => {
    for (const { method, path, op } of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const url = `${hub.url}${concrete(path)}`;
      const anonymous = await fetch(url, { method });
      const anonymousCode = codeOf(await anonymous.text());
      if (op.security?.length === 0) {
        expect(anonymousCode, `${where} is documented public`).not.toBe("CONCORD_ERR_AUTH_REQUIRED");
        continue;
      }
      expect(anonymousCode, `${where} is documented as needing credentials`).toBe("CONCORD_ERR_AUTH_REQUIRED");
      const [apiKey, oauth2] = [op.security?.[0]?.apiKey, op.security?.[1]?.oauth2];
      expect(apiKey, `${where} names one scope`).toHaveLength(1);
      expect(oauth2, `${where} names the same scope for both schemes`).toEqual(apiKey);
      const scope = apiKey![0] as Scope;
      expect(ALL_SCOPES).toContain(scope);
      const lacking = await fetch(url, { method, headers: { "x-api-key": keyLacking(scope) } });
      expect(codeOf(await lacking.text()), `${where} refuses a client without ${scope}`).toBe("CONCORD_ERR_AUTH_SCOPE");
      // A deprecated route says so on every answer; the document must say so too.
      expect(op.deprecated === true, `${where} deprecation`).toBe(lacking.headers.has("deprecation"));
    }
  });

  it("documents error answers with the shared Problem schema, which real problems match", async () => {
    expect(doc.components.schemas.Problem).toBeDefined();
    for (const { method, path, op } of operations(doc)) {
      if (path.startsWith("/fhir/") || path === "/v1/inbound/cxml" || path === "/docs") continue;
      const where = `${method.toUpperCase()} ${path}`;
      const expected = ["429", "500"];
      if (op.security?.length) expected.push("401", "403");
      if (path.includes("{")) expected.push("400", "404");
      for (const status of expected) {
        expect(op.responses[status]?.content?.["application/problem+json"]?.schema, `${where} ${status}`).toEqual({
          $ref: "#/components/schemas/Problem",
        });
      }
    }
    const fhir = doc.paths["/fhir/R4/Device/{id}"]!.get!.responses["404"]!;
    expect(fhir.content?.["application/fhir+json"]?.schema).toEqual({ $ref: "#/components/schemas/OperationOutcome" });

    const answers = [
      await fetch(`${hub.url}/v1/contracts/no-such-contract`, { headers: hubHeaders() }),
      await fetch(`${hub.url}/v1/prices?item=itm-1`, { headers: hubHeaders() }),
      await fetch(`${hub.url}/v1/prices?item=itm-1&facility=fac-1`),
    ];
    expect(answers.map((a) => a.status)).toEqual([404, 400, 401]);
    // TypeBox checks formats only once told what they mean.
    if (!FormatRegistry.Has("uri")) FormatRegistry.Set("uri", (v) => URL.canParse(v));
    for (const a of answers) {
      expect(a.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const body = await a.json();
      expect([...Value.Errors(ProblemSchema, body)]).toEqual([]);
    }
  });

  it("describes request bodies from the schemas that validate them", () => {
    const post = doc.paths["/v1/contracts/{id}/versions"]!.post! as Operation & { requestBody: any };
    const body = post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["id", "version", "priceLines"]));
    const token = doc.paths["/oauth/token"]!.post! as Operation & { requestBody: any };
    expect(Object.keys(token.requestBody.content)).toEqual(["application/x-www-form-urlencoded"]);
  });

  it("serves a browsable page at /docs whose assets all come from the hub itself", async () => {
    const page = await fetch(`${hub.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    expect(assets.filter((a) => /^(https?:)?\/\//.test(a))).toEqual([]);
    for (const asset of assets) {
      const res = await fetch(new URL(asset, `${hub.url}/docs`));
      expect(res.status, asset).toBe(200);
      await res.arrayBuffer();
    }
    // The page loads the same document from beside itself.
    const initializer = await (await fetch(`${hub.url}/docs/static/swagger-initializer.js`)).text();
    expect(initializer).toContain("resolveUrl('./json')");
    const copy = await fetch(`${hub.url}/docs/json`);
    expect(await copy.json()).toEqual(doc);
  });
});
