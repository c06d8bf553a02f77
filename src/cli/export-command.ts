import { createWriteStream } from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { HubClient, type HubConnection } from "./hub-client.js";

export type ExportKind = "suppliers" | "items" | "contract-prices";
export type ExportFormat = "csv" | "fhir" | "x12";

export interface ExportOptions extends HubConnection {
  readonly kind: ExportKind;
  readonly format: ExportFormat;
  /** X12: the trading partner whose ids and interchange id the 845s use. */
  readonly partner?: string;
  /** A file, or standard output when absent. */
  readonly outPath?: string;
  readonly stdout: Writable;
  readonly log: { write(s: string): unknown };
}

/** `concord export <kind> [--format csv|fhir|x12]`: streams one of the hub's bulk exports to a file or stdout. */
export async function exportCommand(o: ExportOptions): Promise<void> {
  const hub = new HubClient(o);
  // Each export streams: the body is piped to its destination as it arrives, never held whole.
  const answer =
    o.format === "csv"
      ? await hub.api.GET("/v1/exports/{kind}.csv", { params: { path: { kind: o.kind } }, parseAs: "stream" })
      : o.format === "fhir"
        ? o.kind === "contract-prices"
          ? fail(
              "contract prices have no FHIR form Concord exports (FHIR Contract cannot carry GPO tiers); use csv or x12",
            )
          : await hub.api.GET("/v1/exports/{kind}.fhir.json", {
              params: { path: { kind: o.kind } },
              parseAs: "stream",
            })
        : o.kind !== "contract-prices"
          ? fail(`${o.kind} have no X12 export here; contract prices go out as 845s (--format x12 --partner <system>)`)
          : o.partner
            ? await hub.api.GET("/v1/exports/contract-prices.x12", {
                params: { query: { partner: o.partner } },
                parseAs: "stream",
              })
            : fail("an X12 export needs --partner <system>: the trading partner whose ids it uses");
  const body = hub.ok(answer);
  if (!body) throw new Error(`the hub answered HTTP ${answer.response.status} without a body`);
  let bytes = 0;
  const source = Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
  source.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const sink = o.outPath ? createWriteStream(o.outPath) : o.stdout;
  await pipeline(source, sink, { end: o.outPath !== undefined });
  o.log.write(`exported ${o.kind} as ${o.format}: ${bytes} bytes${o.outPath ? ` to ${o.outPath}` : ""}\n`);
}

function fail(message: string): never {
  throw new Error(message);
}
