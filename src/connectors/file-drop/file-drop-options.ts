import { Errors } from "../../errors/index.js";
import type { DroppedFile, FileDropEvent } from "./file-drop-types.js";

export interface FileDropOptions {
  /** Partner name, for messages and the .error.txt files. */
  readonly partner: string;
  /** The partner's folder: inbound/, processing/, archive/, error/ and outbound/ are made under it. */
  readonly root: string;
  /** Processes one inbound file; resolving archives it, throwing moves it to error/. */
  readonly handler: (file: DroppedFile) => Promise<void>;
  /** Periodic scan, because fs.watch misses events (network file systems, overflow). Default 5000. */
  readonly scanIntervalMs?: number;
  /** A file is complete once unmodified this long; 0 trusts the rename convention alone. Default 2000. */
  readonly stableMs?: number;
  /**
   * A file in processing/ whose modification time is older than this is taken as abandoned by a
   * crashed watcher and processed again. A live watcher touches its file every leaseMs/3. Default 60000.
   */
  readonly leaseMs?: number;
  /** Use fs.watch for prompt pick-up as well as the periodic scan. Default true. */
  readonly watch?: boolean;
  readonly now?: () => Date;
  /** Picked up, archived, failed, recovered, or a folder error: for logs and metrics. */
  readonly onEvent?: (event: FileDropEvent) => void;
}

export type CompiledFileDropOptions = Required<FileDropOptions>;

export function compileFileDropOptions(o: FileDropOptions): CompiledFileDropOptions {
  const compiled = {
    scanIntervalMs: 5000,
    stableMs: 2000,
    leaseMs: 60_000,
    watch: true,
    now: () => new Date(),
    onEvent: () => {},
    ...o,
  };
  for (const name of ["scanIntervalMs", "stableMs", "leaseMs"] as const) {
    const v = compiled[name];
    if (!Number.isFinite(v) || v < 0) {
      throw Errors.ConfigInvalid(`file drop ${o.partner}: ${name} must be a number of milliseconds ≥ 0 (got ${v})`);
    }
  }
  if (compiled.scanIntervalMs < 10) {
    throw Errors.ConfigInvalid(`file drop ${o.partner}: scanIntervalMs must be at least 10`);
  }
  if (compiled.leaseMs < 30) {
    throw Errors.ConfigInvalid(`file drop ${o.partner}: leaseMs must be at least 30`);
  }
  if (!o.root) throw Errors.ConfigInvalid(`file drop ${o.partner}: root folder is required`);
  return compiled;
}
