import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Errors } from "./registry.js";

const DOC_PATH = fileURLToPath(new URL("../../docs/errors.md", import.meta.url));
const CODE_PATTERN = /^CONCORD_ERR_[A-Z]+(_[A-Z]+)*$/;

interface DocumentedCode {
  readonly code: string;
  readonly status: number | undefined;
  readonly retryable: boolean | undefined;
}

/** Each `### CONCORD_ERR_…` heading starts a section that runs to the next heading of level 1–3. */
function documentedCodes(markdown: string): DocumentedCode[] {
  const sections: DocumentedCode[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heading = /^###\s+`?(CONCORD_ERR_[A-Z0-9_]+)`?\s*$/.exec(lines[i]!);
    if (!heading) continue;
    let end = i + 1;
    while (end < lines.length && !/^#{1,3}\s/.test(lines[end]!)) end++;
    const body = lines.slice(i + 1, end).join("\n");
    const status = /Status:\**\s*(\d{3})\b/.exec(body)?.[1];
    const retryable = /Retryable:\**\s*(yes|no)\b/i.exec(body)?.[1]?.toLowerCase();
    sections.push({
      code: heading[1]!,
      status: status === undefined ? undefined : Number(status),
      retryable: retryable === undefined ? undefined : retryable === "yes",
    });
  }
  return sections;
}

const registry = Object.values(Errors);
const documented = documentedCodes(readFileSync(DOC_PATH, "utf8"));
const documentedByCode = new Map(documented.map((d) => [d.code, d]));

describe("error registry", () => {
  it.each(registry.map((e) => [e.code]))("%s is named CONCORD_ERR_<AREA>_<WHAT>", (code) => {
    expect(code).toMatch(CODE_PATTERN);
  });

  it("has no code twice", () => {
    const codes = registry.map((e) => e.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it.each(registry.map((e) => [e.code, e.status]))("%s maps to an HTTP error status (%i)", (_code, status) => {
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThanOrEqual(599);
  });

  it("has a title for every code", () => {
    expect(registry.filter((e) => e.title.trim() === "").map((e) => e.code)).toEqual([]);
  });
});

describe("docs/errors.md", () => {
  it("documents every code in the registry as a `### CODE` heading", () => {
    const missing = registry.map((e) => e.code).filter((c) => !documentedByCode.has(c));
    expect(missing, "codes in src/errors/registry.ts without a section in docs/errors.md").toEqual([]);
  });

  it("documents no code that the registry does not have", () => {
    const known = new Set<string>(registry.map((e) => e.code));
    const unknown = documented.map((d) => d.code).filter((c) => !known.has(c));
    expect(unknown, "sections in docs/errors.md for codes not in src/errors/registry.ts").toEqual([]);
  });

  it("documents each code once", () => {
    const codes = documented.map((d) => d.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
  });

  it.each(registry.map((e) => [e.code, e.status, e.retryable]))(
    "%s: the documented status and retryability match the registry",
    (code, status, retryable) => {
      const doc = documentedByCode.get(code);
      if (!doc) return; // reported by the "documents every code" case
      expect(doc.status, `${code}: no "Status: NNN" line in its section`).toBeDefined();
      expect(doc.status, `${code}: documented status`).toBe(status);
      expect(doc.retryable, `${code}: no "Retryable: yes|no" line in its section`).toBeDefined();
      expect(doc.retryable, `${code}: documented retryability`).toBe(retryable);
    },
  );
});
