import type { FastifyRequest } from "fastify";

export type Credentials =
  | { readonly kind: "api-key"; readonly key: string }
  | { readonly kind: "bearer"; readonly token: string };

/** API keys are recognisable by their prefix, so one can also be sent as a Bearer token (Prometheus, curl). */
export const API_KEY_PREFIX = "ck_";

/** X-API-Key, or Authorization: Bearer (a JWT or an API key). Anything else counts as none. */
export function readCredentials(request: FastifyRequest): Credentials | undefined {
  const key = request.headers["x-api-key"];
  if (typeof key === "string" && key.length > 0) return { kind: "api-key", key };
  const auth = request.headers.authorization;
  if (typeof auth !== "string") return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  if (!m) return undefined;
  return m[1]!.startsWith(API_KEY_PREFIX) ? { kind: "api-key", key: m[1]! } : { kind: "bearer", token: m[1]! };
}
