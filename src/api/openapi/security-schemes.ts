import type { RouteGovernance } from "../auth/principal.js";
import { SCOPES } from "../auth/scopes.js";

/** The two ways a client authenticates; both carry the same scopes. */
export const SECURITY_SCHEMES = {
  apiKey: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "A client's API key, issued by an operator. Its scopes are fixed when it is issued.",
  },
  oauth2: {
    type: "oauth2",
    description:
      "OAuth 2.0 client credentials: POST /oauth/token (form-encoded) for a JWT, then send it as " +
      "`Authorization: Bearer <token>`. Signing keys are published at /.well-known/jwks.json.",
    flows: { clientCredentials: { tokenUrl: "/oauth/token", scopes: { ...SCOPES } } },
  },
} as const;

export type SecurityRequirement = Readonly<Record<keyof typeof SECURITY_SCHEMES, readonly string[]>>;

/**
 * An operation's `security`, read from the route's governance config: a public route needs
 * nothing (`[]`); a governed one accepts either scheme with its scope. A route that declares
 * neither (refused at start-up once governance is enforced) is documented as needing any
 * authenticated client, never as open.
 */
export function securityOf(config: RouteGovernance | undefined): Partial<SecurityRequirement>[] {
  if (config?.public) return [];
  const scopes = config?.scope ? [config.scope] : [];
  return [{ apiKey: scopes }, { oauth2: scopes }];
}
