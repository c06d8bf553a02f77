import { randomBytes } from "node:crypto";

/** The folders of one partner's drop, all under one root and on one file system (renames must be atomic). */
export const DROP_FOLDERS = ["inbound", "processing", "archive", "error", "outbound"] as const;
export type DropFolder = (typeof DROP_FOLDERS)[number];

/**
 * Names a writer uses while a file is incomplete: dot-files (rsync, our own outbound temp files)
 * and the suffixes of common tools (`.tmp`, `.part` of curl/browsers, `.filepart` of WinSCP).
 */
export function isInProgressName(name: string): boolean {
  return name.startsWith(".") || /\.(tmp|part|partial|filepart|crdownload)$/i.test(name);
}

/** A file name we accept from a caller: no folders, nothing that would look in-progress. */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 200 &&
    !/[/\\\0]/.test(name) &&
    name !== "." &&
    name !== ".." &&
    !isInProgressName(name)
  );
}

const CLAIM_RE = /^(\d{8}T\d{9}Z)-([0-9a-f]{6})--(.+)$/;

/**
 * A claimed file is renamed `<UTC timestamp>-<6 hex>--<original name>`: the timestamp orders the
 * archive, the random part keeps two drops of the same name apart, and the original name
 * survives every later move. The same name is kept in archive/ and error/.
 */
export function claimName(original: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, "").replace(".", ""); // 20250301T101500123Z
  return `${stamp}-${randomBytes(3).toString("hex")}--${original}`;
}

/** The original name of a claimed file, or undefined for anything else found in processing/. */
export function originalName(claimed: string): string | undefined {
  return CLAIM_RE.exec(claimed)?.[3];
}
