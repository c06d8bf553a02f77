import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Errors } from "../../../errors/index.js";
import type { Store } from "../../../store/index.js";
import type { ExclusionSource } from "./exclusion-entry.js";
import { loadExclusionList } from "./load-exclusion-list.js";
import { parseExclusionList } from "./parse-exclusion-list.js";

export interface ListLoadOutcome {
  readonly source: ExclusionSource;
  readonly file: string;
  readonly entries: number;
  /** False when the same file (by SHA-256) is already the loaded list. */
  readonly loaded: boolean;
}

/**
 * Loads an exclusion list file into the store, unless the same file is already the loaded list
 * (start-up runs this for the configured paths every time; an unchanged file costs one hash).
 */
export async function loadExclusionListFile(
  store: Store,
  source: ExclusionSource,
  path: string,
  today: string,
  opts: { readonly force?: boolean } = {},
): Promise<ListLoadOutcome> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw Errors.ScreeningList(`cannot read the ${source.toUpperCase()} file ${path}: ${(e as Error).message}`, {
      source,
      missing: [],
      file: path,
    });
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (!opts.force) {
    const [last] = await store.query<{ sha256: string; entries: number }>(
      "SELECT sha256, entries FROM exclusion_list_loads WHERE source = $1 ORDER BY id DESC LIMIT 1",
      [source],
    );
    if (last?.sha256 === sha256) return { source, file: path, entries: last.entries, loaded: false };
  }
  const entries = await loadExclusionList(
    store,
    source,
    parseExclusionList(source, createReadStream(path), today, basename(path)),
    { name: basename(path), sha256 },
  );
  return { source, file: path, entries, loaded: true };
}
