import { Errors } from "../../errors/index.js";
import { createMemoryLedger, type PulledFileLedger } from "./pulled-file-ledger.js";

export interface SftpConfig {
  /** Partner name, for messages. */
  readonly partner: string;
  readonly host: string;
  /** Default 22. */
  readonly port?: number;
  readonly username: string;
  /** OpenSSH or PEM private key text. Passwords are not supported: partners install our public key. */
  readonly privateKey: string | Buffer;
  readonly passphrase?: string;
  /**
   * The server's host key as `ssh-keygen -lf` prints it ("SHA256:…"). Required: without it a man
   * in the middle could collect every file we push.
   */
  readonly hostKeyFingerprint: string;
  /** Remote folder the partner drops files in. */
  readonly inboundDir: string;
  /** Remote folder handled files are moved to (with a timestamp prefix). */
  readonly archiveDir: string;
  /** Remote folder pushed files are written to. */
  readonly outboundDir: string;
  /** Remote folder files whose handler failed are moved to, with an .error.txt; absent = left in inbound. */
  readonly errorDir?: string;
  /** A file must keep its size and time across two listings this far apart to count as complete. Default 2000. */
  readonly settleMs?: number;
  /** Connection (TCP + SSH handshake) timeout. Default 20000. */
  readonly readyTimeoutMs?: number;
  /** Local folder for downloads while they are handled. Default the system temp folder. */
  readonly workDir?: string;
  readonly ledger?: PulledFileLedger;
  readonly now?: () => Date;
}

export interface CompiledSftpConfig extends Required<Omit<SftpConfig, "errorDir" | "passphrase" | "workDir">> {
  readonly errorDir: string | undefined;
  readonly passphrase: string | undefined;
  readonly workDir: string | undefined;
}

const FINGERPRINT_RE = /^SHA256:[A-Za-z0-9+/]{43}=?$/;

export function compileSftpConfig(c: SftpConfig): CompiledSftpConfig {
  const where = `sftp ${c.partner}`;
  if (!c.host) throw Errors.ConfigInvalid(`${where}: host is required`);
  if (!c.username) throw Errors.ConfigInvalid(`${where}: username is required`);
  if (!c.privateKey || c.privateKey.length === 0) throw Errors.ConfigInvalid(`${where}: privateKey is required`);
  if (!FINGERPRINT_RE.test(c.hostKeyFingerprint ?? "")) {
    throw Errors.ConfigInvalid(
      `${where}: hostKeyFingerprint must be "SHA256:<43 base64 characters>" as printed by ssh-keygen -lf (got ${JSON.stringify(c.hostKeyFingerprint)})`,
    );
  }
  for (const name of ["inboundDir", "archiveDir", "outboundDir"] as const) {
    if (!c[name]) throw Errors.ConfigInvalid(`${where}: ${name} is required`);
  }
  const port = c.port ?? 22;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw Errors.ConfigInvalid(`${where}: port ${port} is not a TCP port`);
  const settleMs = c.settleMs ?? 2000;
  if (!Number.isFinite(settleMs) || settleMs < 0) throw Errors.ConfigInvalid(`${where}: settleMs must be ≥ 0`);
  return {
    ...c,
    port,
    settleMs,
    readyTimeoutMs: c.readyTimeoutMs ?? 20_000,
    errorDir: c.errorDir,
    passphrase: c.passphrase,
    workDir: c.workDir,
    ledger: c.ledger ?? createMemoryLedger(),
    now: c.now ?? (() => new Date()),
  };
}
