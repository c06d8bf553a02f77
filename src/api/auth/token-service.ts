import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import { Errors } from "../../errors/index.js";
import type { AuthClient, AuthConfig } from "../../server/auth-config.js";
import type { Queryable, Store } from "../../store/index.js";
import type { Principal } from "./principal.js";
import type { Scope } from "./scopes.js";

const ALG = "EdDSA";
// Serialises key rotation between api processes sharing one PostgreSQL.
const ROTATION_LOCK = 4_242_009;

interface SigningKey {
  readonly kid: string;
  readonly publicJwk: JWK;
  readonly privateJwk: JWK;
  readonly createdAt: Date;
  readonly retireAt: Date | null;
}

export interface IssuedToken {
  readonly access_token: string;
  readonly token_type: "Bearer";
  readonly expires_in: number;
  readonly scope: string;
}

/**
 * OAuth2 client-credentials access tokens: short-lived JWTs (EdDSA) that Concord signs for its
 * registered clients and anyone can verify with the published JWKS. Signing keys live in the store
 * so every api process signs and verifies with the same set; the newest key signs, and a key is
 * replaced after `signingKeyDays` but stays published until the last token it signed expired.
 */
export class TokenService {
  private keys: SigningKey[] = [];
  private jwks = createLocalJWKSet({ keys: [] });
  private loadedAt = 0;

  constructor(
    private readonly store: Store,
    private readonly config: AuthConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** Loads the keys, creating or rotating the signing key when it is due. */
  async start(): Promise<void> {
    await this.load();
    if (this.signingKeyDue()) {
      await this.store.transaction(async (tx) => {
        await tx.query("SELECT pg_advisory_xact_lock($1)", [ROTATION_LOCK]);
        this.keys = await readKeys(tx);
        if (this.signingKeyDue()) await this.rotate(tx);
      });
      await this.load();
    }
  }

  async issue(client: AuthClient, requested: readonly string[] | undefined): Promise<IssuedToken> {
    if (this.signingKeyDue()) await this.start();
    const granted = requested?.length ? requested : [...client.scopes];
    const refused = granted.filter((s) => !client.scopes.has(s as Scope));
    if (refused.length > 0) {
      throw Errors.OAuthRequest(`client ${client.id} may not have scope ${refused.join(", ")}`, {
        error: "invalid_scope",
      });
    }
    const signer = this.keys[0]!;
    const key = await importJWK(signer.privateJwk, ALG);
    const ttl = this.config.tokenTtlSeconds;
    const access_token = await new SignJWT({ scope: granted.join(" ") })
      .setProtectedHeader({ alg: ALG, kid: signer.kid, typ: "at+jwt" })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setSubject(client.id)
      .setIssuedAt(Math.floor(this.now() / 1000))
      .setExpirationTime(Math.floor(this.now() / 1000) + ttl)
      .setJti(crypto.randomUUID())
      .sign(key);
    return { access_token, token_type: "Bearer", expires_in: ttl, scope: granted.join(" ") };
  }

  /**
   * The principal a bearer token stands for. The client must still be registered, and its scopes
   * are intersected with the client's current grant: removing a client or a scope takes effect
   * at once, not when its tokens expire.
   */
  async verify(token: string): Promise<Principal> {
    let payload: { sub?: string; scope?: unknown };
    try {
      payload = (await this.verified(token)).payload;
    } catch (e) {
      const expired = (e as { code?: string }).code === "ERR_JWT_EXPIRED";
      throw Errors.AuthInvalid(expired ? "the access token has expired" : "the access token is not valid", {
        reason: expired ? "expired" : "invalid",
      });
    }
    const client = payload.sub ? this.config.clients.get(payload.sub) : undefined;
    if (!client) throw Errors.AuthInvalid("the access token's client is not registered", { reason: "unknown-client" });
    const claimed = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
    const scopes = new Set(claimed.filter((s): s is Scope => client.scopes.has(s as Scope)));
    return { clientId: client.id, scopes, systems: client.systems, via: "bearer" };
  }

  /** The published keys (RFC 7517): every key a valid token may have been signed with. */
  publicKeys(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: ALG, use: "sig" })) };
  }

  private async verified(token: string) {
    const options = { issuer: this.config.issuer, audience: this.config.audience, algorithms: [ALG] };
    try {
      return await jwtVerify(token, this.jwks, options);
    } catch (e) {
      // Another api process may have rotated since this one loaded: reload once (at most every 10 s).
      if ((e as { code?: string }).code !== "ERR_JWKS_NO_MATCHING_KEY" || this.now() - this.loadedAt < 10_000) throw e;
      await this.load();
      return await jwtVerify(token, this.jwks, options);
    }
  }

  private signingKeyDue(): boolean {
    const newest = this.keys[0];
    return !newest || this.now() - newest.createdAt.getTime() > this.config.signingKeyDays * 86_400_000;
  }

  private async rotate(tx: Queryable): Promise<void> {
    const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: "Ed25519", extractable: true });
    const kid = `k${new Date(this.now()).toISOString().slice(0, 10).replaceAll("-", "")}-${crypto.randomUUID().slice(0, 8)}`;
    // The superseded key signs nothing more; its tokens live at most tokenTtlSeconds longer.
    await tx.query(`UPDATE auth_signing_keys SET retire_at = $1 WHERE retire_at IS NULL`, [
      new Date(this.now() + this.config.tokenTtlSeconds * 1000 + 60_000),
    ]);
    await tx.query("INSERT INTO auth_signing_keys (kid, public_jwk, private_jwk, created_at) VALUES ($1, $2, $3, $4)", [
      kid,
      JSON.stringify(await exportJWK(publicKey)),
      JSON.stringify(await exportJWK(privateKey)),
      new Date(this.now()),
    ]);
  }

  private async load(): Promise<void> {
    this.keys = (await readKeys(this.store)).filter((k) => !k.retireAt || k.retireAt.getTime() > this.now());
    this.jwks = createLocalJWKSet(this.publicKeys());
    this.loadedAt = this.now();
  }
}

async function readKeys(q: Queryable): Promise<SigningKey[]> {
  const rows = await q.query<{
    kid: string;
    public_jwk: JWK;
    private_jwk: JWK;
    created_at: Date;
    retire_at: Date | null;
  }>("SELECT kid, public_jwk, private_jwk, created_at, retire_at FROM auth_signing_keys ORDER BY created_at DESC");
  return rows.map((r) => ({
    kid: r.kid,
    publicJwk: typeof r.public_jwk === "string" ? JSON.parse(r.public_jwk) : r.public_jwk,
    privateJwk: typeof r.private_jwk === "string" ? JSON.parse(r.private_jwk) : r.private_jwk,
    createdAt: new Date(r.created_at),
    retireAt: r.retire_at ? new Date(r.retire_at) : null,
  }));
}
