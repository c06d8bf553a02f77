import { randomBytes } from "node:crypto";
import { sha256Hex } from "../server/auth-config.js";

/**
 * `concord auth new-key --client <id>`: a fresh API key (or client secret) for a client, and the
 * form the configuration should hold (`sha256:<hex>`), so the plain key is shown once and stored
 * nowhere by Concord.
 */
export function newKeyCommand(clientId: string, out: NodeJS.WritableStream): void {
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(clientId)) {
    throw new Error(`"${clientId}" is not a client id (lower-case letters, digits, . _ -)`);
  }
  const key = `ck_${clientId}.${randomBytes(24).toString("base64url")}`;
  out.write(
    [
      `key     ${key}`,
      `config  "sha256:${sha256Hex(key)}"   (put this in auth.clients[id=${clientId}].apiKeys or .secret)`,
      "The key is shown once: give it to the client now; Concord keeps only the hash.",
      "",
    ].join("\n"),
  );
}
