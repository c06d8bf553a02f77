import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type FileData = string | Uint8Array | NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>;

export class TargetExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = "TargetExistsError";
  }
}

/**
 * Writes `data` to `target` so that a reader of the folder sees either nothing or the whole file:
 * written to a dot-name `.tmp` beside it (which readers ignore), flushed to disk, then moved into
 * place. Never replaces an existing file: that one may not have been collected yet.
 */
export async function writeAtomically(target: string, data: FileData): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    if (typeof data === "string" || data instanceof Uint8Array) {
      const handle = await open(temp, "wx");
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } else {
      const source =
        typeof (data as NodeJS.ReadableStream).pipe === "function"
          ? data
          : Readable.from(data as AsyncIterable<string | Uint8Array>);
      await pipeline(source as NodeJS.ReadableStream, createWriteStream(temp, { flags: "wx", flush: true }));
    }
    await moveWithoutReplacing(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => {});
    throw e;
  }
}

/**
 * rename() silently replaces its target; link() refuses with EEXIST, atomically. File systems
 * without hard links (some SMB mounts) fall back to a check then rename, which has a small race.
 */
async function moveWithoutReplacing(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
    await unlink(from);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new TargetExistsError(to);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV") throw e;
  }
  const exists = await stat(to).then(
    () => true,
    () => false,
  );
  if (exists) throw new TargetExistsError(to);
  await rename(from, to);
}
