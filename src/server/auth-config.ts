import { createHash } from "node:crypto";
import { ALL_SCOPES, isScope, type Scope } from "../api/auth/scopes.js";
import { Errors } from "../errors/index.js";

/**
 * A registered API client: an application or system that calls Concord. Its credentials are API
 * keys and (for OAuth2 client credentials) a secret, each given as "sha256:<hex>" (what a config
 * file should hold), "env:NAME" (read from the environment at start) or the plain value (tests and
 * the sandbox). Keys and secrets are high-entropy random strings (`concord auth new-key`), so a
 * plain SHA-256 is the right hash: nothing to brute-force, and a lookup costs one digest.
 */
export interface AuthClientInput {
  readonly id: string;
  readonly name?: string;
  /** Scopes granted (src/api/auth/scopes.ts), or "*" for every scope. */
  readonly scopes: readonly string[];
  /** Systems of record the client may act for (X-Concord-System, ownership); "*" for any. */
  readonly systems?: readonly string[];
  readonly apiKeys?: readonly string[];
  readonly secret?: string;
  /** Requests per minute for this client (default auth.rateLimit.perMinute). */
  readonly perMinute?: number;
}

export interface AuthConfigInput {
  readonly clients?: readonly AuthClientInput[];
  /** Lifetime of issued access tokens (default 900 s). */
  readonly tokenTtlSeconds?: number;
  /** Signing keys are replaced after this many days; old ones stay published until their tokens expire. */
  readonly signingKeyDays?: number;
  readonly issuer?: string;
  readonly rateLimit?: {
    readonly perMinute?: number;
    /**
     * On PostgreSQL, how often each api process adds its counts to the shared ones (default 250 ms);
     * 0 keeps counters per process. The embedded store has one process: nothing to share.
     */
    readonly shareMs?: number;
  };
}

export interface AuthClient {
  readonly id: string;
  readonly name: string;
  readonly scopes: ReadonlySet<Scope>;
  readonly systems: readonly string[] | "*";
  readonly secretHash: string | undefined;
  readonly perMinute: number;
}

export interface AuthConfig {
  readonly clients: ReadonlyMap<string, AuthClient>;
  /** sha256(hex) of every API key → its client. */
  readonly apiKeys: ReadonlyMap<string, AuthClient>;
  readonly tokenTtlSeconds: number;
  readonly signingKeyDays: number;
  readonly issuer: string;
  readonly audience: string;
  readonly perMinute: number;
  /** 0: each api process counts alone. */
  readonly rateLimitShareMs: number;
}

const CLIENT_ID = /^[a-z0-9][a-z0-9._-]{1,62}$/;
/** Plain keys and secrets must carry enough entropy for an unsalted hash to be safe. */
const MIN_SECRET_LENGTH = 24;

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

export function compileAuthConfig(
  input: AuthConfigInput | undefined,
  env: NodeJS.ProcessEnv = process.env,
): AuthConfig {
  const perMinute = positive(input?.rateLimit?.perMinute ?? 1_200, "auth.rateLimit.perMinute");
  const clients = new Map<string, AuthClient>();
  const apiKeys = new Map<string, AuthClient>();
  for (const c of input?.clients ?? []) {
    const where = `auth.clients[${c.id}]`;
    if (!CLIENT_ID.test(c.id ?? "")) {
      throw Errors.ConfigInvalid(`auth.clients: "${c.id}" is not a client id (lower-case letters, digits, . _ -)`);
    }
    if (clients.has(c.id)) throw Errors.ConfigInvalid(`${where} is configured twice`);
    const scopes = new Set<Scope>();
    for (const s of c.scopes ?? []) {
      if (s === "*") for (const all of ALL_SCOPES) scopes.add(all);
      else if (isScope(s)) scopes.add(s);
      else throw Errors.ConfigInvalid(`${where}: "${s}" is not a scope (see docs/api.md)`);
    }
    const systems = c.systems?.includes("*") ? "*" : [...(c.systems ?? [])];
    const client: AuthClient = {
      id: c.id,
      name: c.name ?? c.id,
      scopes,
      systems,
      secretHash: c.secret === undefined ? undefined : credentialHash(c.secret, `${where}.secret`, env),
      perMinute: positive(c.perMinute ?? perMinute, `${where}.perMinute`),
    };
    if (!c.apiKeys?.length && !client.secretHash) {
      throw Errors.ConfigInvalid(`${where} has neither apiKeys nor a secret: it could never authenticate`);
    }
    clients.set(c.id, client);
    for (const [i, key] of (c.apiKeys ?? []).entries()) {
      const hash = credentialHash(key, `${where}.apiKeys[${i}]`, env);
      if (apiKeys.has(hash)) throw Errors.ConfigInvalid(`${where}.apiKeys[${i}] is also another client's key`);
      apiKeys.set(hash, client);
    }
  }
  return {
    clients,
    apiKeys,
    tokenTtlSeconds: positive(input?.tokenTtlSeconds ?? 900, "auth.tokenTtlSeconds"),
    signingKeyDays: positive(input?.signingKeyDays ?? 30, "auth.signingKeyDays"),
    issuer: input?.issuer ?? "concord",
    audience: "concord-api",
    perMinute,
    rateLimitShareMs: wholeMs(input?.rateLimit?.shareMs ?? 250, "auth.rateLimit.shareMs"),
  };
}

function wholeMs(value: number, where: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 60_000) {
    throw Errors.ConfigInvalid(
      `${where} must be a whole number of milliseconds from 0 to 60000 (got ${String(value)})`,
    );
  }
  return value;
}

function credentialHash(value: string, where: string, env: NodeJS.ProcessEnv): string {
  if (/^sha256:[0-9a-f]{64}$/.test(value)) return value.slice(7);
  let plain = value;
  if (value.startsWith("env:")) {
    const name = value.slice(4);
    plain = env[name] ?? "";
    if (!plain) throw Errors.ConfigInvalid(`${where}: environment variable ${name} is not set`);
  }
  if (plain.length < MIN_SECRET_LENGTH) {
    throw Errors.ConfigInvalid(`${where} is shorter than ${MIN_SECRET_LENGTH} characters; use concord auth new-key`);
  }
  return sha256Hex(plain);
}

function positive(n: number, where: string): number {
  if (!Number.isInteger(n) || n < 1) throw Errors.ConfigInvalid(`${where} must be a whole number of at least 1`);
  return n;
}
