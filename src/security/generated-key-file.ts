import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { Errors } from "../errors/index.js";
import type { FieldKey } from "./field-cipher.js";

/**
 * The key an embedded sandbox generates for itself when none is configured, kept in a file beside
 * its data (mode 0600) so the values it encrypted stay readable across restarts. The file has the
 * shape of the `encryption` configuration, so it can be moved into a configuration as it is.
 */
export async function loadOrCreateGeneratedKey(
  path: string,
): Promise<{ readonly key: FieldKey; readonly created: boolean }> {
  const existing = await readKeyFile(path);
  if (existing) return { key: existing, created: false };
  const key: FieldKey = { id: `generated-${randomBytes(4).toString("hex")}`, key: randomBytes(32) };
  const text = `${JSON.stringify({ activeKeyId: key.id, keys: [{ id: key.id, key: `base64:${key.key.toString("base64")}` }] }, null, 2)}\n`;
  await mkdir(dirname(path), { recursive: true });
  try {
    // "wx": two processes starting on one folder must not each write a key; the second reads the first's.
    await writeFile(path, text, { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const raced = await readKeyFile(path);
    if (raced) return { key: raced, created: false };
  }
  return { key, created: true };
}

async function readKeyFile(path: string): Promise<FieldKey | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  const bad = () => Errors.ConfigInvalid(`the generated encryption key file ${path} is not one Concord wrote`);
  let parsed: { activeKeyId?: unknown; keys?: { id?: unknown; key?: unknown }[] };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad();
  }
  const entry = Array.isArray(parsed.keys) ? parsed.keys.find((k) => k?.id === parsed.activeKeyId) : undefined;
  if (typeof entry?.id !== "string" || typeof entry.key !== "string" || !entry.key.startsWith("base64:")) throw bad();
  return { id: entry.id, key: Buffer.from(entry.key.slice("base64:".length), "base64") };
}
