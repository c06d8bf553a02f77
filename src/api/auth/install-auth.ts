import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify";
import { Errors } from "../../errors/index.js";
import { type AuthConfig, sha256Hex } from "../../server/auth-config.js";
import { mayActFor, type Principal } from "./principal.js";
import { readCredentials } from "./read-credentials.js";
import type { TokenService } from "./token-service.js";

/** Routes a plugin registers without our config (the docs UI's and the dashboard's assets) that are public by nature. */
const PUBLIC_PREFIXES = ["/docs", "/dashboard"];

/**
 * Authentication and authorization for every route, in one place:
 * - at registration, a route that declares neither `config.scope` nor `config.public` stops the
 *   start-up (nothing is ever open by accident);
 * - per request, the credentials become `request.principal`, the route's scope is required, and a
 *   call that names a system (X-Concord-System) must come from a client registered for it.
 * Refusals are thrown as registry errors, so they are problem+json (OperationOutcome under /fhir)
 * and land in the audit log with their status like every call.
 */
export function installAuth(app: FastifyInstance, auth: AuthConfig, tokens: TokenService): void {
  app.decorateRequest("principal", undefined);
  app.addHook("onRoute", (route: RouteOptions) => {
    const config = (route.config ?? {}) as { scope?: string; public?: boolean };
    if (config.public || config.scope) return;
    if (PUBLIC_PREFIXES.some((p) => route.url === p || route.url.startsWith(`${p}/`))) {
      route.config = { ...config, public: true } as never;
      return;
    }
    throw Errors.ConfigInvalid(`route ${String(route.method)} ${route.url} declares neither a scope nor public`);
  });
  app.addHook("onRequest", async (request) => {
    if (request.is404) return;
    const governance = request.routeOptions.config;
    if (governance.public) return;
    const principal = await authenticate(request, auth, tokens);
    request.principal = principal;
    const scope = governance.scope!;
    if (!principal.scopes.has(scope)) {
      throw Errors.AuthScope(`client ${principal.clientId} lacks scope ${scope}`, {
        requiredScope: scope,
        clientId: principal.clientId,
      });
    }
    const system = request.headers["x-concord-system"];
    if (typeof system === "string") requireActingFor(principal, system);
  });
}

/** 403 unless the principal may act for `system`. */
export function requireActingFor(principal: Principal | undefined, system: string): void {
  if (mayActFor(principal, system)) return;
  throw Errors.AuthSystem(`client ${principal?.clientId ?? "(none)"} may not act for system ${system}`, {
    system,
    clientId: principal?.clientId,
    allowed: principal?.systems,
  });
}

/**
 * The system a write acts for: the X-Concord-System header (checked in the hook), else the client's
 * only system. A client registered for several systems must say which.
 */
export function actingSystem(request: FastifyRequest): string {
  const header = request.headers["x-concord-system"];
  if (typeof header === "string") return header;
  const systems = request.principal?.systems;
  if (Array.isArray(systems) && systems.length === 1) return systems[0]!;
  throw Errors.InputQuery("X-Concord-System is required: name the system this call acts for", {
    header: "x-concord-system",
  });
}

async function authenticate(request: FastifyRequest, auth: AuthConfig, tokens: TokenService): Promise<Principal> {
  const credentials = readCredentials(request);
  if (!credentials) {
    throw Errors.AuthRequired("send an API key (X-API-Key) or a bearer token (Authorization: Bearer …)");
  }
  if (credentials.kind === "bearer") return tokens.verify(credentials.token);
  const client = auth.apiKeys.get(sha256Hex(credentials.key));
  if (!client) throw Errors.AuthInvalid("the API key is not registered", { reason: "unknown-key" });
  return { clientId: client.id, scopes: client.scopes, systems: client.systems, via: "api-key" };
}
