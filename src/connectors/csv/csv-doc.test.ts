import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "./csv-columns.js";
import { CSV_KINDS, type CsvKind } from "./csv-kind.js";
import { readCsv } from "./read-csv.js";

const doc = readFileSync(fileURLToPath(new URL("../../../docs/formats/csv.md", import.meta.url)), "utf8");

/** `| \`name\` | yes |` rows of the doc's column tables. */
const documented = new Map(
  [...doc.matchAll(/^\| `([a-z0-9_]+)` \| (yes|no) \|/gm)].map((m) => [m[1]!, m[2] === "yes"]),
);

function example(kind: CsvKind): string {
  const m = new RegExp(`<!-- example: ${kind} -->\\n\`\`\`csv\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/formats/csv.md has no example for ${kind}`);
  return m[1]!;
}

describe("docs/formats/csv.md", () => {
  it.each(CSV_KINDS.map((k) => [k]))("lists every %s column with whether it is required", (kind) => {
    for (const c of CSV_COLUMNS[kind]) expect(documented.get(c.name), c.name).toBe(c.required);
  });

  it.each(CSV_KINDS.map((k) => [k]))("has a %s example that imports without a problem", async (kind) => {
    const results = [];
    for await (const r of readCsv(kind, [example(kind)])) results.push(r);
    expect(results.filter((r) => "issues" in r)).toEqual([]);
    expect(results.length).toBeGreaterThan(0);
  });
});
