import { createHash } from "node:crypto";
import SftpClient from "ssh2-sftp-client";
import { type ConcordError, Errors } from "../../errors/index.js";
import type { CompiledSftpConfig } from "./sftp-config.js";

/** "SHA256:…" of a raw SSH host key blob, the form `ssh-keygen -lf` prints (base64 without padding). */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

/** An open connection and the error mapping every operation on it shares. */
export interface SftpSession {
  readonly client: SftpClient;
  /** Runs one remote operation, turning its failure into CONCORD_ERR_TRANSPORT_SFTP with op and path. */
  run<T>(op: string, path: string, fn: () => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/** Opens a session, verifying the host key against the configured fingerprint before authenticating. */
export async function openSftpSession(c: CompiledSftpConfig): Promise<SftpSession> {
  const client = new SftpClient(`concord-${c.partner}`);
  let seen: string | undefined;
  const expected = c.hostKeyFingerprint.replace(/=$/, "");
  try {
    await client.connect({
      host: c.host,
      port: c.port,
      username: c.username,
      privateKey: c.privateKey,
      ...(c.passphrase === undefined ? {} : { passphrase: c.passphrase }),
      readyTimeout: c.readyTimeoutMs,
      // Retries belong to the caller's schedule (the next pull), not to a hidden loop in the client.
      retries: 0,
      hostVerifier: (key: Buffer) => {
        seen = hostKeyFingerprint(key);
        return seen === expected;
      },
    });
  } catch (e) {
    await client.end().catch(() => {});
    throw connectError(c, e, seen, expected);
  }
  const base = { host: c.host, port: c.port, partner: c.partner };
  return {
    client,
    async run(op, path, fn) {
      try {
        return await fn();
      } catch (e) {
        if (Errors.TransportFileExists.is(e)) throw e;
        const reason = e instanceof Error ? e.message : String(e);
        throw Errors.TransportSftp(`sftp ${c.partner}: ${op} ${path} failed: ${reason}`, { ...base, op, path }, e);
      }
    },
    async end() {
      await client.end().catch(() => {});
    },
  };
}

function connectError(c: CompiledSftpConfig, e: unknown, seen: string | undefined, expected: string): ConcordError {
  const base = { host: c.host, port: c.port, partner: c.partner };
  if (seen !== undefined && seen !== expected) {
    return Errors.TransportSftpAuth(
      `sftp ${c.partner}: ${c.host}:${c.port} presented host key ${seen}, not the configured ${expected}; not connecting`,
      { ...base, expectedFingerprint: expected, fingerprint: seen },
      e,
    );
  }
  const reason = e instanceof Error ? e.message : String(e);
  const level = (e as { level?: string }).level;
  if (level === "client-authentication" || /authentication methods failed/i.test(reason)) {
    return Errors.TransportSftpAuth(
      `sftp ${c.partner}: ${c.host}:${c.port} refused user ${c.username} with our key`,
      base,
      e,
    );
  }
  return Errors.TransportSftp(
    `sftp ${c.partner}: cannot connect to ${c.host}:${c.port}: ${reason}`,
    { ...base, op: "connect" },
    e,
  );
}
