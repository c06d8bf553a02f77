import { type FSWatcher, watch } from "node:fs";
import { mkdir, readdir, rename, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { ConcordError, Errors } from "../../errors/index.js";
import {
  claimName,
  DROP_FOLDERS,
  type DropFolder,
  isInProgressName,
  isPlainFileName,
  originalName,
} from "./drop-names.js";
import { type CompiledFileDropOptions, compileFileDropOptions, type FileDropOptions } from "./file-drop-options.js";
import type { DroppedFile } from "./file-drop-types.js";
import { type FileData, TargetExistsError, writeAtomically } from "./write-atomically.js";

export interface FileDrop {
  readonly folders: Readonly<Record<DropFolder, string>>;
  /** Creates the folders, takes over abandoned files, then watches and scans until stop(). */
  start(): Promise<void>;
  /** Stops watching and waits for the file being handled, if any. */
  stop(): Promise<void>;
  /** One pass now (what the timer and the watcher trigger): returns how many files were handled. */
  scan(): Promise<number>;
  /** Writes outbound/<name> atomically; CONCORD_ERR_TRANSPORT_FILE_EXISTS if one is still waiting. */
  send(name: string, data: FileData): Promise<string>;
}

/**
 * A partner's watched folders. Inbound files are claimed by an atomic rename into processing/,
 * so two watchers on one folder never both take a file, handed to the handler one at a time in
 * name order, then archived or moved to error/ with an explanation beside them.
 */
export function createFileDrop(input: FileDropOptions): FileDrop {
  const o = compileFileDropOptions(input);
  const folders = Object.fromEntries(DROP_FOLDERS.map((f) => [f, join(o.root, f)])) as Record<DropFolder, string>;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;

  const scan = (): Promise<number> => {
    if (running) {
      again = true; // something changed during this pass: look once more when it ends
      return running;
    }
    running = (async () => {
      let handled = 0;
      do {
        again = false;
        handled += await pass(o, folders, schedule, () => stopped);
      } while (again && !stopped);
      return handled;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  /** Runs a scan soon (debounced: a burst of watch events makes one pass). */
  function schedule(delayMs = 50): void {
    if (stopped) return;
    if (wake) clearTimeout(wake);
    wake = setTimeout(() => {
      wake = undefined;
      scan().catch((error) => o.onEvent({ type: "folder-error", partner: o.partner, error }));
    }, delayMs);
    wake.unref?.();
  }

  return {
    folders,
    async start() {
      for (const dir of Object.values(folders)) {
        await mkdir(dir, { recursive: true }).catch((e) => {
          throw fileError(o, "mkdir", dir, e);
        });
      }
      stopped = false;
      if (o.watch) {
        try {
          watcher = watch(folders.inbound, () => schedule());
          watcher.on("error", (error) => o.onEvent({ type: "folder-error", partner: o.partner, error }));
        } catch (error) {
          // Some file systems cannot be watched; the periodic scan still finds every file.
          o.onEvent({ type: "folder-error", partner: o.partner, error });
        }
      }
      timer = setInterval(() => schedule(0), o.scanIntervalMs);
      await scan();
    },
    async stop() {
      stopped = true;
      watcher?.close();
      if (timer) clearInterval(timer);
      if (wake) clearTimeout(wake);
      await running?.catch(() => {});
    },
    scan,
    async send(name, data) {
      if (!isPlainFileName(name)) {
        throw Errors.TransportFile(
          `file drop ${o.partner}: "${name}" is not a plain file name (no folders, no leading dot, no .tmp/.part suffix)`,
          { partner: o.partner, op: "send", path: name, errno: "EINVAL" },
        );
      }
      const target = join(folders.outbound, name);
      try {
        await writeAtomically(target, data);
        return target;
      } catch (e) {
        if (e instanceof TargetExistsError) {
          throw Errors.TransportFileExists(
            `file drop ${o.partner}: outbound/${name} is still waiting to be collected; not replaced`,
            { partner: o.partner, path: target },
          );
        }
        throw fileError(o, "send", target, e);
      }
    },
  };
}

/** One pass: abandoned claims first (they are older), then complete inbound files in name order. */
async function pass(
  o: CompiledFileDropOptions,
  folders: Readonly<Record<DropFolder, string>>,
  schedule: (delayMs: number) => void,
  stopping: () => boolean,
): Promise<number> {
  let handled = 0;
  const now = o.now().getTime();
  for (const entry of await list(o, folders.processing)) {
    if (stopping()) return handled;
    const original = originalName(entry);
    if (original === undefined) continue; // not ours: leave it for a person
    const path = join(folders.processing, entry);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs < o.leaseMs) continue; // a live watcher still holds it
    const claimed = await claim(o, path, folders.processing, original);
    if (!claimed) continue;
    o.onEvent({ type: "recovered", partner: o.partner, name: original, path: claimed.path });
    await handle(o, folders, { ...claimed, recovered: true });
    handled++;
  }
  let soonest = Number.POSITIVE_INFINITY;
  for (const name of (await list(o, folders.inbound)).sort()) {
    if (stopping()) return handled;
    if (isInProgressName(name)) continue;
    const path = join(folders.inbound, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    // Every write moves the modification time, so a file unmodified for stableMs is no longer growing.
    const quietFor = o.now().getTime() - info.mtimeMs;
    if (quietFor < o.stableMs) {
      soonest = Math.min(soonest, o.stableMs - quietFor);
      continue;
    }
    const claimed = await claim(o, path, folders.processing, name);
    if (!claimed) continue;
    o.onEvent({ type: "claimed", partner: o.partner, name, path: claimed.path });
    await handle(o, folders, { ...claimed, recovered: false });
    handled++;
  }
  // A file still settling is looked at again as soon as it may be complete, not at the next tick.
  if (Number.isFinite(soonest)) schedule(Math.ceil(soonest) + 10);
  return handled;
}

async function list(o: CompiledFileDropOptions, dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    throw fileError(o, "list", dir, e);
  }
}

/** rename() is the lock: of two watchers renaming the same file, one gets ENOENT and moves on. */
async function claim(
  o: CompiledFileDropOptions,
  from: string,
  processing: string,
  name: string,
): Promise<Omit<DroppedFile, "recovered"> | undefined> {
  const claimedAt = o.now();
  const path = join(processing, claimName(name, claimedAt));
  try {
    await rename(from, path);
    // Renaming keeps the old mtime; the lease counts from the claim.
    await utimes(path, claimedAt, claimedAt);
    const info = await stat(path);
    return { partner: o.partner, name, path, size: info.size, claimedAt };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fileError(o, "claim", from, e);
  }
}

async function handle(
  o: CompiledFileDropOptions,
  folders: Readonly<Record<DropFolder, string>>,
  file: DroppedFile,
): Promise<void> {
  const claimed = file.path.slice(folders.processing.length + 1);
  // The heartbeat keeps the lease fresh while the handler runs, however long it takes.
  const heartbeat = setInterval(
    () => {
      const t = o.now();
      utimes(file.path, t, t).catch(() => {});
    },
    Math.max(10, Math.floor(o.leaseMs / 3)),
  );
  let failure: unknown;
  let failed = false;
  try {
    await o.handler(file);
  } catch (e) {
    failed = true;
    failure = e;
  } finally {
    clearInterval(heartbeat);
  }
  if (!failed) {
    const to = join(folders.archive, claimed);
    await rename(file.path, to).catch((e) => {
      throw fileError(o, "archive", file.path, e);
    });
    o.onEvent({ type: "archived", partner: o.partner, name: file.name, path: to });
    return;
  }
  const to = join(folders.error, claimed);
  // The explanation first: a crash between the two steps leaves the file in processing/ (retried), never in error/ unexplained.
  await writeAtomically(`${to}.error.txt`, explain(o, file, failure)).catch((e) => {
    if (!(e instanceof TargetExistsError)) throw fileError(o, "explain", to, e);
  });
  await rename(file.path, to).catch((e) => {
    throw fileError(o, "fail", file.path, e);
  });
  o.onEvent({ type: "failed", partner: o.partner, name: file.name, path: to, error: failure });
}

function explain(o: CompiledFileDropOptions, file: DroppedFile, e: unknown): string {
  const lines = [
    `file: ${file.name}`,
    `partner: ${o.partner}`,
    `claimed: ${file.claimedAt.toISOString()}`,
    `failed: ${o.now().toISOString()}`,
  ];
  if (e instanceof ConcordError) {
    lines.push(`error: ${e.code} (${e.title})`, `detail: ${e.message}`, `retryable: ${e.retryable ? "yes" : "no"}`);
    if (Object.keys(e.extras).length > 0) lines.push(`facts: ${JSON.stringify(e.extras)}`);
  } else {
    lines.push(`error: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  lines.push(
    "",
    `To process it again, fix the cause and move ${file.path.split(/[\\/]/).pop()} back to inbound/ (any name without a leading dot or .tmp suffix).`,
  );
  return `${lines.join("\n")}\n`;
}

function fileError(o: CompiledFileDropOptions, op: string, path: string, e: unknown): ConcordError {
  if (e instanceof ConcordError) return e;
  const errno = (e as NodeJS.ErrnoException).code ?? "UNKNOWN";
  const hint = errno === "EXDEV" ? " (the drop folders must be on one file system)" : "";
  return Errors.TransportFile(
    `file drop ${o.partner}: ${op} ${path} failed: ${errno}${hint}`,
    { partner: o.partner, op, path, errno },
    e,
  );
}
