import { readFile } from "node:fs/promises";
import { createFileDrop, type FileDrop } from "../connectors/file-drop/index.js";
import { createSftpTransport } from "../connectors/sftp/index.js";
import type { DocumentSink } from "../connectors/x12-price-authorization/index.js";
import { ConcordError, Errors } from "../errors/index.js";
import { receiveX12, type X12IntakeDeps } from "../workflows/partner-documents/index.js";
import type { HubConfig } from "./config.js";

export interface PartnerChannels {
  /** Where Concord's documents for each partner go (its file drop's outbound/, or its SFTP outbound folder). */
  readonly sinks: ReadonlyMap<string, DocumentSink>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type Log = (msg: string, err?: unknown) => void;

/** A document sink that treats "a file of that name is already waiting" as already delivered. */
function sinkOf(write: (name: string, content: string) => Promise<unknown>): DocumentSink {
  return {
    async put(name, content) {
      try {
        await write(name, content);
        return true;
      } catch (e) {
        if (e instanceof ConcordError && e.code === Errors.TransportFileExists.code) return false;
        throw e;
      }
    },
  };
}

/**
 * What a partner's file is, whatever brought it: an X12 interchange, received exactly like an HTTP
 * POST of it; its 997/999 goes back the way it came, named after its ISA13. Anything else is an
 * error the transport files away with the reason.
 */
async function receiveFile(x12: X12IntakeDeps, system: string, name: string, raw: string, sink: DocumentSink) {
  if (
    !raw
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("ISA")
  ) {
    throw Errors.EdiEnvelope(`${name} is not an X12 interchange (it must start with ISA)`);
  }
  const received = await receiveX12(x12, raw, `file-${system}-${name}`.slice(0, 100));
  if (received.ack) await sink.put(`ack-${received.outcome.messageId.split(":").pop()}.x12`, received.ack);
}

/**
 * Each partner's file channel: a watched folder (file drop) or its SFTP server (pulled on a
 * schedule, pushed on demand). Inbound files go through receiveFile; outbound documents through
 * the partner's sink. A partner with both uses the file drop.
 */
export function partnerChannels(config: HubConfig, x12: () => X12IntakeDeps, log: Log): PartnerChannels {
  const sinks = new Map<string, DocumentSink>();
  const starters: (() => Promise<void>)[] = [];
  const stoppers: (() => Promise<void>)[] = [];

  for (const [system, settings] of config.partners.fileDrops) {
    const drop: FileDrop = createFileDrop({
      partner: system,
      root: settings.root,
      ...(settings.scanIntervalMs === undefined ? {} : { scanIntervalMs: settings.scanIntervalMs }),
      ...(settings.stableMs === undefined ? {} : { stableMs: settings.stableMs }),
      handler: async (file) =>
        receiveFile(x12(), system, file.name, await readFile(file.path, "utf8"), sinks.get(system)!),
      onEvent: (e) => {
        if (e.type === "failed") log(`${system}: ${e.name} moved to error/`, e.error);
        if (e.type === "folder-error") log(`${system}: file drop folder error`, e.error);
      },
    });
    sinks.set(
      system,
      sinkOf((name, content) => drop.send(name, content)),
    );
    starters.push(() => drop.start());
    stoppers.push(() => drop.stop());
  }

  for (const [system, settings] of config.partners.sftp) {
    if (sinks.has(system)) continue;
    const transport = createSftpTransport(settings);
    sinks.set(
      system,
      sinkOf((name, content) => transport.push(name, content)),
    );
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let stopped = false;
    const pull = () => {
      running = transport
        .pull(async (file) =>
          receiveFile(x12(), system, file.name, await readFile(file.localPath, "utf8"), sinks.get(system)!),
        )
        .then(
          (summary) => {
            for (const f of summary.failed) log(`${system}: ${f.name} pulled over SFTP failed`, f.error);
          },
          (e) => log(`${system}: SFTP pull failed; will try again`, e),
        )
        .finally(() => {
          running = undefined;
          if (!stopped) timer = setTimeout(pull, settings.pollMs);
        });
    };
    starters.push(async () => pull());
    stoppers.push(async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    });
  }

  return {
    sinks,
    start: async () => {
      await Promise.all(starters.map((s) => s()));
    },
    stop: async () => {
      await Promise.all(stoppers.map((s) => s()));
    },
  };
}
