import type { FastifyRequest } from "fastify";
import type { Scope } from "./scopes.js";

/** Who is calling: an authenticated client, resolved once per request by the auth hook. */
export interface Principal {
  readonly clientId: string;
  readonly scopes: ReadonlySet<Scope>;
  /** The systems of record this client may act for ("*" for operators who may act for any). */
  readonly systems: readonly string[] | "*";
  readonly via: "api-key" | "bearer";
}

/** How a route is governed; set in the route's `config`. */
export interface RouteGovernance {
  /** The scope a caller needs. */
  readonly scope?: Scope;
  /** Open to anyone (health, JWKS, token endpoint, docs, cXML which carries its own credentials). */
  readonly public?: boolean;
  /** A route on its way out: answered with Deprecation, Sunset and a successor Link. */
  readonly deprecated?: { readonly since: string; readonly sunset: string; readonly successor: string };
}

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig extends RouteGovernance {}
}

export function hasScope(request: FastifyRequest, scope: Scope): boolean {
  return request.principal?.scopes.has(scope) ?? false;
}

/** Whether the caller may act for `system` (write data that system owns, or send as it). */
export function mayActFor(principal: Principal | undefined, system: string): boolean {
  if (!principal) return false;
  return principal.systems === "*" || principal.systems.includes(system);
}
