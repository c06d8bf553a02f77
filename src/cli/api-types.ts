import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { compileHubConfig, startHub } from "../server/index.js";

/** The checked-in types of the hub's API that the CLI's client is typed with. */
export const API_TYPES_FILE = fileURLToPath(new URL("./hub-api.d.ts", import.meta.url));

const HEADER = `/**
 * The hub's API as TypeScript types, generated from its OpenAPI document (GET /openapi.json).
 * Do not edit: run \`npm run api:types\` after changing a route; a test fails while this file
 * differs from what the routes say.
 */
`;

/**
 * The document a hub serves, from the real composition root on an in-memory store: the same
 * routes, schemas and governance as production, nothing configured that would add or drop one.
 */
export async function loadApiDocument(): Promise<OpenAPI3> {
  const hub = await startHub(compileHubConfig({ storeUrl: "memory:", host: "127.0.0.1", port: 0, targets: [] }), {
    dispatch: false,
  });
  try {
    const res = await hub.app.inject({ method: "GET", url: "/openapi.json" });
    if (res.statusCode !== 200) throw new Error(`GET /openapi.json answered ${res.statusCode}: ${res.body}`);
    return res.json() as OpenAPI3;
  } finally {
    await hub.close();
  }
}

/** The text of hub-api.d.ts for a document, formatted as the repository's biome formats it. */
export async function renderApiTypes(document: OpenAPI3): Promise<string> {
  const text = HEADER + astToString(await openapiTS(document, { immutable: true }));
  return biomeFormat(text, API_TYPES_FILE);
}

function biomeFormat(text: string, path: string): Promise<string> {
  const biome = fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(biome, ["format", `--stdin-file-path=${path}`], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`biome format failed (${code}): ${err.trim()}`)),
    );
    child.stdin.end(text);
  });
}
