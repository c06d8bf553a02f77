import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { readCsv } from "../connectors/csv/index.js";
import { decodeCxml } from "../connectors/cxml/index.js";
import { receiveInterchange } from "../connectors/x12/index.js";
import { ConcordError } from "../errors/index.js";
import type { Uom } from "../model/index.js";
import { detectFormat } from "./import-command.js";

export interface DecodeOptions {
  readonly file: string;
  /** A partner's own unit codes (code → canonical unit), as its configuration would give them. */
  readonly uomCodes?: Readonly<Record<string, Uom>>;
}

/**
 * `concord decode <file>`: a partner's document through Concord's codec and mapping, offline — the
 * canonical documents it becomes, every warning, and every error with its position. No hub, no
 * store: for trying a partner's sample before it goes live. Returns the report and whether it was clean.
 */
export async function decodeCommand(o: DecodeOptions): Promise<{ report: string; clean: boolean }> {
  const detected = await detectFormat(o.file);
  let out: unknown;
  let clean = true;
  try {
    if (detected.format === "x12") {
      const received = await receiveInterchange(await readFile(o.file), { partner: { uomCodes: o.uomCodes ?? {} } });
      const sets = received.sets.map((s) =>
        s.outcome === "mapped"
          ? { set: s.set.setId, control: s.set.controlNumber, document: s.result.document, warnings: s.result.warnings }
          : s.outcome === "rejected"
            ? {
                set: s.set.setId,
                control: s.set.controlNumber,
                rejected: s.error?.message ?? s.problems.map((p) => p.message),
              }
            : { set: s.set.setId, control: s.set.controlNumber, notMapped: true },
      );
      clean = received.sets.every((s) => s.outcome !== "rejected");
      out = { format: "x12", interchange: received.interchange.header, sets };
    } else if (detected.format === "cxml") {
      const decoded = decodeCxml(await readFile(o.file), o.uomCodes ? { uomOverrides: o.uomCodes } : {});
      out = {
        format: "cxml",
        envelope: decoded.envelope,
        body: decoded.body,
        warnings: decoded.warnings,
        quirks: decoded.quirks,
      };
    } else {
      if (!detected.kind) throw new Error(`${o.file}: not X12 (ISA), not cXML (<) and not a CSV layout Concord knows`);
      const rows: unknown[] = [];
      for await (const r of readCsv(detected.kind, createReadStream(o.file))) {
        if ("issues" in r) clean = false;
        rows.push(r);
      }
      out = { format: "csv", kind: detected.kind, rows };
    }
  } catch (e) {
    if (!(e instanceof ConcordError)) throw e;
    clean = false;
    out = { error: { code: e.code, detail: e.message, ...e.extras } };
  }
  return { report: `${JSON.stringify(out, null, 2)}\n`, clean };
}
