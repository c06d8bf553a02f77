import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { ConcordError, Errors } from "../../errors/index.js";
import { claimName, isInProgressName, isPlainFileName } from "../file-drop/drop-names.js";
import { pulledFileKey } from "./pulled-file-ledger.js";
import { type CompiledSftpConfig, compileSftpConfig, type SftpConfig } from "./sftp-config.js";
import { openSftpSession, type SftpSession } from "./sftp-session.js";

/** A remote file, downloaded, handed to the pull handler. */
export interface PulledFile {
  readonly partner: string;
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
  /** name|size|mtime: the same for every download of this upload, so a handler can deduplicate. */
  readonly idempotencyKey: string;
  /** The local copy; deleted after the handler returns. */
  readonly localPath: string;
}

export interface PullSummary {
  /** Handled and archived. */
  readonly handled: readonly string[];
  /** Handled by an earlier pull whose archive step did not happen: archived now, not handled again. */
  readonly archivedOnly: readonly string[];
  /** Still changing between the two listings: left for the next pull. */
  readonly waiting: readonly string[];
  readonly failed: readonly { readonly name: string; readonly error: unknown }[];
}

export type PushData = string | Uint8Array | NodeJS.ReadableStream;

export interface SftpTransport {
  /** Downloads each complete file of the inbound folder, hands it to `handler`, then archives it remotely. */
  pull(handler: (file: PulledFile) => Promise<void>): Promise<PullSummary>;
  /** Uploads to a temporary dot-name, then renames it to `name` in the outbound folder. */
  push(name: string, data: PushData): Promise<string>;
}

interface Listed {
  readonly name: string;
  readonly size: number;
  readonly modifyTime: number;
}

/**
 * The SFTP transport. Each pull or push opens its own connection and closes it: partners' servers
 * drop idle sessions, and a scheduled pull every few minutes gains nothing from keeping one.
 * Delivery is at least once: a file is archived only after its handler succeeded.
 */
export function createSftpTransport(config: SftpConfig): SftpTransport {
  const c = compileSftpConfig(config);
  return {
    async pull(handler) {
      const session = await openSftpSession(c);
      try {
        return await pull(c, session, handler);
      } finally {
        await session.end();
      }
    },
    async push(name, data) {
      if (!isPlainFileName(name)) {
        throw Errors.TransportSftp(`sftp ${c.partner}: "${name}" is not a plain file name`, {
          host: c.host,
          port: c.port,
          op: "push",
          path: name,
        });
      }
      const session = await openSftpSession(c);
      try {
        return await push(c, session, name, data);
      } finally {
        await session.end();
      }
    },
  };
}

async function listComplete(c: CompiledSftpConfig, s: SftpSession): Promise<{ ready: Listed[]; waiting: string[] }> {
  const listOnce = async () =>
    (await s.run("list", c.inboundDir, () => s.client.list(c.inboundDir)))
      .filter((f) => f.type === "-" && !isInProgressName(f.name))
      .map((f) => ({ name: f.name, size: f.size, modifyTime: f.modifyTime }));
  const first = await listOnce();
  if (c.settleMs === 0 || first.length === 0) return { ready: sortByName(first), waiting: [] };
  // A partner uploading in place (no temp name) is caught by a second look: a file still being
  // written has grown or been touched since the first.
  await new Promise((r) => setTimeout(r, c.settleMs));
  const second = new Map((await listOnce()).map((f) => [f.name, f]));
  const ready: Listed[] = [];
  const waiting: string[] = [];
  for (const f of first) {
    const again = second.get(f.name);
    if (again === undefined) continue; // taken by someone else, or withdrawn
    if (again.size === f.size && again.modifyTime === f.modifyTime) ready.push(f);
    else waiting.push(f.name);
  }
  return { ready: sortByName(ready), waiting };
}

function sortByName(files: Listed[]): Listed[] {
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function pull(
  c: CompiledSftpConfig,
  s: SftpSession,
  handler: (file: PulledFile) => Promise<void>,
): Promise<PullSummary> {
  const { ready, waiting } = await listComplete(c, s);
  const handled: string[] = [];
  const archivedOnly: string[] = [];
  const failed: { name: string; error: unknown }[] = [];
  const work = await mkdtemp(join(c.workDir ?? tmpdir(), "concord-sftp-"));
  try {
    for (const f of ready) {
      const remote = posix.join(c.inboundDir, f.name);
      const key = pulledFileKey(f.name, f.size, f.modifyTime);
      if (await c.ledger.has(key)) {
        await archive(c, s, remote, f.name);
        archivedOnly.push(f.name);
        continue;
      }
      const localPath = join(work, f.name);
      await s.run("download", remote, () => s.client.fastGet(remote, localPath));
      const local = await stat(localPath);
      if (local.size !== f.size) {
        // Changed while we read it: not the file we listed. The next pull sees it settled.
        waiting.push(f.name);
        await rm(localPath, { force: true });
        continue;
      }
      const file: PulledFile = {
        partner: c.partner,
        name: f.name,
        size: f.size,
        modifiedAt: new Date(f.modifyTime),
        idempotencyKey: key,
        localPath,
      };
      try {
        await handler(file);
      } catch (error) {
        failed.push({ name: f.name, error });
        if (c.errorDir !== undefined) await moveToError(c, s, remote, f.name, error);
        continue;
      } finally {
        await rm(localPath, { force: true });
      }
      // Recorded before the archive step, so a failure between the two archives without re-handling.
      await c.ledger.add(key);
      await archive(c, s, remote, f.name);
      handled.push(f.name);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { handled, archivedOnly, waiting, failed };
}

async function archive(c: CompiledSftpConfig, s: SftpSession, remote: string, name: string): Promise<void> {
  const to = posix.join(c.archiveDir, claimName(name, c.now()));
  await s.run("archive", remote, () => s.client.rename(remote, to));
}

async function moveToError(c: CompiledSftpConfig, s: SftpSession, remote: string, name: string, error: unknown) {
  const moved = claimName(name, c.now());
  const why = [
    `file: ${name}`,
    `partner: ${c.partner}`,
    `failed: ${c.now().toISOString()}`,
    error instanceof ConcordError
      ? `error: ${error.code}: ${error.message}`
      : `error: ${error instanceof Error ? error.message : String(error)}`,
  ].join("\n");
  await upload(s, posix.join(c.errorDir!, `${moved}.error.txt`), `${why}\n`);
  await s.run("fail", remote, () => s.client.rename(remote, posix.join(c.errorDir!, moved)));
}

async function push(c: CompiledSftpConfig, s: SftpSession, name: string, data: PushData): Promise<string> {
  const target = posix.join(c.outboundDir, name);
  if (await s.run("exists", target, () => s.client.exists(target))) {
    throw Errors.TransportFileExists(`sftp ${c.partner}: ${target} is still waiting to be collected; not replaced`, {
      host: c.host,
      path: target,
    });
  }
  await upload(s, target, data);
  return target;
}

/**
 * Upload under a dot-name the partner's pickup ignores, then rename. SFTP v3 rename refuses an
 * existing target, so a file that appeared meanwhile is never replaced.
 */
async function upload(s: SftpSession, target: string, data: PushData): Promise<void> {
  const temp = posix.join(posix.dirname(target), `.${posix.basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
  // Strings and bytes go up as one Buffer; a stream is piped, so a large export is never held whole.
  const body = typeof data === "string" || data instanceof Uint8Array ? Buffer.from(data) : data;
  try {
    await s.run("upload", temp, () => s.client.put(body, temp));
    await s.run("rename", target, () => s.client.rename(temp, target));
  } catch (e) {
    await s.client.delete(temp, true).catch(() => {});
    throw e;
  }
}
