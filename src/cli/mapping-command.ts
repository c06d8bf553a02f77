import { readFile } from "node:fs/promises";
import { findMapping, MAPPING_CATALOG } from "../connectors/index.js";
import type { XrefResolver } from "../mapping/index.js";
import type { Xref } from "../model/index.js";

export interface MappingTestOptions {
  readonly name: string;
  readonly samplePath: string;
  /** A JSON file holding an array of cross-references ({system, entityType, localId, canonicalId}). */
  readonly xrefsPath?: string;
}

/** `concord mapping list`: every mapping with its version and direction. */
export function listMappings(): string {
  const rows = MAPPING_CATALOG.map(
    (e) => `${`${e.mapping.name}@${e.mapping.version}`.padEnd(34)} ${e.direction.padEnd(8)} ${e.source} → ${e.target}`,
  );
  return `${"mapping".padEnd(34)} ${"way".padEnd(8)} from → to\n${rows.join("\n")}\n`;
}

/**
 * `concord mapping test <name> <sample>`: runs a mapping on a sample document, offline, and
 * reports the result and every issue at once. Ids are translated with the given cross-references
 * (an id they do not cover is an issue, as it would be in the hub). Returns the report and
 * whether the mapping came out clean.
 */
export async function testMapping(o: MappingTestOptions): Promise<{ report: string; clean: boolean }> {
  const entry = findMapping(o.name);
  if (!entry) {
    throw new Error(`no mapping named "${o.name}"; known: ${MAPPING_CATALOG.map((e) => e.mapping.name).join(", ")}`);
  }
  const sample = await readJson(o.samplePath, "sample");
  const xrefs = o.xrefsPath ? await readXrefs(o.xrefsPath) : [];
  const mine = xrefs.filter((x) => x.system === entry.system);
  const table = new Map(
    mine.map((x) =>
      entry.direction === "inbound"
        ? [`${x.entityType}\u0000${x.localId}`, x.canonicalId]
        : [`${x.entityType}\u0000${x.canonicalId}`, x.localId],
    ),
  );
  const resolve: XrefResolver = (type, id) => table.get(`${type}\u0000${id}`);
  const { value, issues } = entry.mapping.map(sample, resolve);
  const report = JSON.stringify(
    { mapping: `${entry.mapping.name}@${entry.mapping.version}`, direction: entry.direction, value, issues },
    null,
    2,
  );
  return { report: `${report}\n`, clean: issues.length === 0 };
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read the ${what} ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`the ${what} ${path} is not JSON: ${(e as Error).message}`);
  }
}

async function readXrefs(path: string): Promise<Xref[]> {
  const xrefs = await readJson(path, "cross-reference file");
  const ok =
    Array.isArray(xrefs) &&
    xrefs.every(
      (x) =>
        x &&
        typeof x === "object" &&
        ["system", "entityType", "localId", "canonicalId"].every(
          (k) => typeof (x as Record<string, unknown>)[k] === "string",
        ),
    );
  if (!ok) {
    throw new Error(`${path} must hold an array of {system, entityType, localId, canonicalId} cross-references`);
  }
  return xrefs as Xref[];
}
