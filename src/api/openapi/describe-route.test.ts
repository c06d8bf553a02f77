import type { RouteOptions } from "fastify";
import { describe, expect, it } from "vitest";
import { areaTagsOf } from "./area-tag.js";
import { describeRoute } from "./describe-route.js";
import { operationIdOf } from "./operation-id.js";

const route = (method: string, url: string, config: object): RouteOptions =>
  ({ method, url, config, handler: () => undefined }) as unknown as RouteOptions;

describe("what the document says about one route", () => {
  it("marks a deprecated route and names its sunset and successor", () => {
    const { schema } = describeRoute({
      schema: { description: "Old price lookup." } as object,
      url: "/v1/price",
      route: route("GET", "/v1/price", {
        scope: "prices:read",
        deprecated: { since: "2026-01-01", sunset: "2026-07-01", successor: "/v1/prices" },
      }),
    });
    expect(schema).toMatchObject({ deprecated: true, summary: "Old price lookup" });
    const text = (schema as { description: string }).description;
    expect(text).toContain("Old price lookup.");
    expect(text).toContain("2026-07-01");
    expect(text).toContain("Use /v1/prices instead");
  });

  it("asks for the route's scope under both schemes; a public route asks for nothing", () => {
    const governed = describeRoute({
      schema: {},
      url: "/v1/prices",
      route: route("GET", "/v1/prices", { scope: "prices:read" }),
    });
    expect(governed.schema).toMatchObject({
      security: [{ apiKey: ["prices:read"] }, { oauth2: ["prices:read"] }],
    });
    expect((governed.schema as { deprecated?: boolean }).deprecated).toBeUndefined();
    const open = describeRoute({ schema: {}, url: "/healthz", route: route("GET", "/healthz", { public: true }) });
    expect(open.schema).toMatchObject({ security: [] });
    expect(Object.keys((open.schema as { response: object }).response)).not.toContain("401");
  });

  it("lets a route name and file itself through its schema", () => {
    const { schema } = describeRoute({
      schema: { operationId: "lookUpPrice", tags: ["prices", "buyers"], summary: "Look up a price" } as object,
      url: "/v1/prices",
      route: route("GET", "/v1/prices", { scope: "prices:read" }),
    });
    expect(schema).toMatchObject({
      operationId: "lookUpPrice",
      tags: ["prices", "buyers"],
      summary: "Look up a price",
    });
  });

  it("keeps the docs UI's own assets out of the document but documents the page", () => {
    const asset = describeRoute({ schema: {}, url: "/docs/static/*", route: route("GET", "/docs/static/*", {}) });
    expect(asset.schema).toMatchObject({ hide: true });
    const page = describeRoute({ schema: { hide: true } as object, url: "/docs/", route: route("GET", "/docs/", {}) });
    expect(page).toMatchObject({ url: "/docs", schema: { hide: false, operationId: "getDocs" } });
  });
});

describe("operation ids and areas come from the path", () => {
  it.each([
    ["GET", "/v1/contracts/:id/versions/:version", "getV1ContractsByIdVersionsByVersion"],
    ["GET", "/v1/exports/:kind.fhir.json", "getV1ExportsByKindFhirJson"],
    ["POST", "/v1/inbound/clm/agreement-events", "postV1InboundClmAgreementEvents"],
    ["GET", "/.well-known/jwks.json", "getWellKnownJwksJson"],
  ])("%s %s → %s", (method, url, id) => {
    expect(operationIdOf(method, url)).toBe(id);
  });

  it.each([
    ["/v1/dead-letters/replay", ["operations"]],
    ["/v1/inbound/clm/agreement-events", ["contracts"]],
    ["/v1/inbound/x12", ["partners"]],
    ["/fhir/R4/Organization/:id", ["fhir"]],
    ["/oauth/token", ["auth"]],
    ["/v1/invoices/:id", ["invoices"]],
  ])("%s is filed under %j", (url, tags) => {
    expect(areaTagsOf(url)).toEqual(tags);
  });
});
