import { readFile } from "node:fs/promises";
import { createFileDrop, type FileDrop } from "../connectors/file-drop/index.js";
import type { DocumentSink } from "../connectors/x12-price-authorization/index.js";
import { ConcordError, Errors } from "../errors/index.js";
import { receiveX12, type X12IntakeDeps } from "../workflows/partner-documents/index.js";
import type { HubConfig } from "./config.js";

export interface PartnerFileDrops {
  /** Outbound documents to each partner with a file drop, by partner system. */
  readonly sinks: ReadonlyMap<string, DocumentSink>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Each partner's watched folder: files it drops in inbound/ are received like an HTTP POST of the
 * same interchange (and its 997/999 is written back to outbound/); Concord's documents for it are
 * written to outbound/ atomically.
 */
export function partnerFileDrops(
  config: HubConfig,
  x12: () => X12IntakeDeps,
  log: (msg: string, err?: unknown) => void,
): PartnerFileDrops {
  const drops = new Map<string, FileDrop>();
  for (const [system, settings] of config.partners.fileDrops) {
    const drop: FileDrop = createFileDrop({
      partner: system,
      root: settings.root,
      ...(settings.scanIntervalMs === undefined ? {} : { scanIntervalMs: settings.scanIntervalMs }),
      ...(settings.stableMs === undefined ? {} : { stableMs: settings.stableMs }),
      handler: async (file) => {
        const raw = await readFile(file.path, "utf8");
        if (
          !raw
            .replace(/^\uFEFF/, "")
            .trimStart()
            .startsWith("ISA")
        ) {
          throw Errors.EdiEnvelope(`${file.name} is not an X12 interchange (it must start with ISA)`);
        }
        const received = await receiveX12(x12(), raw, `file-${system}-${file.name}`.slice(0, 100));
        // The partner's acknowledgment goes back the way the interchange came, named after its ISA13.
        if (received.ack)
          await sinks.get(system)!.put(`ack-${received.outcome.messageId.split(":").pop()}.x12`, received.ack);
      },
      onEvent: (e) => {
        if (e.type === "failed") log(`${system}: ${e.name} moved to error/`, e.error);
        if (e.type === "folder-error") log(`${system}: file drop folder error`, e.error);
      },
    });
    drops.set(system, drop);
  }
  const sinks = new Map<string, DocumentSink>(
    [...drops].map(([system, drop]) => [
      system,
      {
        async put(name, content) {
          try {
            await drop.send(name, content);
            return true;
          } catch (e) {
            if (e instanceof ConcordError && e.code === Errors.TransportFileExists.code) return false;
            throw e;
          }
        },
      },
    ]),
  );
  return {
    sinks,
    start: async () => {
      await Promise.all([...drops.values()].map((d) => d.start()));
    },
    stop: async () => {
      await Promise.all([...drops.values()].map((d) => d.stop()));
    },
  };
}
