import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Errors } from "../../errors/index.js";
import { type AuthClient, type AuthConfig, sha256Hex } from "../../server/auth-config.js";
import type { TokenService } from "./token-service.js";

/**
 * The OAuth2 token endpoint (client-credentials grant only, RFC 6749 §4.4) and the JWKS that
 * verifies what it issues. Both public: the token endpoint authenticates the client itself.
 */
export async function tokenRoutes(app: FastifyInstance, auth: AuthConfig, tokens: TokenService): Promise<void> {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.get("/.well-known/jwks.json", { config: { public: true } }, async (_request, reply) => {
    void reply.header("cache-control", "public, max-age=300");
    return tokens.publicKeys();
  });

  app.post<{ Body: Record<string, string> | undefined }>(
    "/oauth/token",
    { config: { public: true } },
    async (request, reply) => {
      const form = request.body ?? {};
      if (typeof form !== "object" || form.grant_type !== "client_credentials") {
        throw Errors.OAuthRequest("grant_type must be client_credentials (form-encoded)", {
          error: "unsupported_grant_type",
        });
      }
      const client = authenticateClient(request, form, auth);
      const scopes = typeof form.scope === "string" && form.scope.trim() ? form.scope.trim().split(/\s+/) : undefined;
      // RFC 6749 §5.1: token responses are never cached.
      void reply.header("cache-control", "no-store").header("pragma", "no-cache");
      return tokens.issue(client, scopes);
    },
  );
}

/** HTTP Basic (preferred by RFC 6749 §2.3.1) or client_id/client_secret form fields. */
function authenticateClient(request: FastifyRequest, form: Record<string, string>, auth: AuthConfig): AuthClient {
  let id = form.client_id;
  let secret = form.client_secret;
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  if (basic) {
    const decoded = Buffer.from(basic[1]!, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    id = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (!id || !secret) {
    throw Errors.OAuthRequest("client_id and client_secret are required (HTTP Basic or form fields)", {
      error: "invalid_request",
    });
  }
  const client = auth.clients.get(id);
  const presented = Buffer.from(sha256Hex(secret), "hex");
  // Compare even for an unknown client, so timing does not tell which client ids exist.
  const expected = Buffer.from(client?.secretHash ?? "0".repeat(64), "hex");
  if (!timingSafeEqual(presented, expected) || !client?.secretHash) {
    throw Errors.AuthInvalid("the client id or secret is wrong", { reason: "invalid", error: "invalid_client" });
  }
  return client;
}
