/**
 * `npm run api:types`: writes src/cli/hub-api.d.ts from the OpenAPI document the hub serves.
 * The logic lives in src/cli/api-types.ts, where it is type-checked and shared with the drift test.
 */
import { writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { API_TYPES_FILE, loadApiDocument, renderApiTypes } from "../src/cli/api-types.js";

const text = await renderApiTypes(await loadApiDocument());
await writeFile(API_TYPES_FILE, text);
process.stdout.write(`wrote ${relative(process.cwd(), API_TYPES_FILE)} (${text.split("\n").length} lines)\n`);
