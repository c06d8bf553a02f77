import { DiscardPolicy, RetentionPolicy, StorageType, type StreamConfig } from "@nats-io/jetstream";
import { Errors } from "../../errors/index.js";
import type { NatsBus } from "./nats-bus.js";
import { isValidSubjectPrefix } from "./subject-token.js";

export interface EventStreamConfigInput {
  /** Stream name: letters, digits, `-` and `_` (JetStream forbids `.`, `*`, `>`, spaces). */
  readonly name: string;
  /** Subjects the stream captures, e.g. ["concord.events.>"]. */
  readonly subjects: readonly string[];
  /** Window in which a repeated Nats-Msg-Id is dropped. Must cover the dispatcher's retry span. */
  readonly duplicateWindowMs?: number;
  /** Oldest message kept (0 = no age limit). */
  readonly maxAgeMs?: number;
  /** Most messages kept (-1 = unlimited). */
  readonly maxMessages?: number;
  /** Most bytes kept (-1 = unlimited). */
  readonly maxBytes?: number;
  /** Largest single message accepted (-1 = server default). */
  readonly maxMessageBytes?: number;
  readonly storage?: "file" | "memory";
  readonly replicas?: number;
}

export type EventStreamConfig = Required<EventStreamConfigInput>;

const NS_PER_MS = 1_000_000;

/** Validates and fills defaults: a day's duplicate window, a week's retention, file storage. */
export function compileEventStreamConfig(input: EventStreamConfigInput): EventStreamConfig {
  const fail = (msg: string) => {
    throw Errors.ConfigInvalid(`nats stream ${JSON.stringify(input.name)}: ${msg}`);
  };
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(input.name)) fail("name must be 1-64 letters, digits, '-' or '_'");
  if (input.subjects.length === 0) fail("subjects must not be empty");
  for (const s of input.subjects) {
    const base = s.replace(/\.>$/, "").replace(/\.\*/g, ".x");
    if (!isValidSubjectPrefix(base)) fail(`subject ${JSON.stringify(s)} is not a valid subject or wildcard`);
  }
  const c: EventStreamConfig = {
    name: input.name,
    subjects: [...input.subjects],
    duplicateWindowMs: input.duplicateWindowMs ?? 24 * 60 * 60_000,
    maxAgeMs: input.maxAgeMs ?? 7 * 24 * 60 * 60_000,
    maxMessages: input.maxMessages ?? -1,
    maxBytes: input.maxBytes ?? -1,
    maxMessageBytes: input.maxMessageBytes ?? -1,
    storage: input.storage ?? "file",
    replicas: input.replicas ?? 1,
  };
  if (!Number.isInteger(c.duplicateWindowMs) || c.duplicateWindowMs <= 0) fail("duplicateWindowMs must be > 0");
  if (!Number.isInteger(c.maxAgeMs) || c.maxAgeMs < 0) fail("maxAgeMs must be ≥ 0");
  // JetStream refuses a duplicate window longer than the retention it de-duplicates against.
  if (c.maxAgeMs > 0 && c.duplicateWindowMs > c.maxAgeMs) fail("duplicateWindowMs must not exceed maxAgeMs");
  for (const [k, v] of [
    ["maxMessages", c.maxMessages],
    ["maxBytes", c.maxBytes],
    ["maxMessageBytes", c.maxMessageBytes],
  ] as const) {
    if (!Number.isInteger(v) || v < -1 || v === 0) fail(`${k} must be -1 (unlimited) or a positive whole number`);
  }
  if (!Number.isInteger(c.replicas) || c.replicas < 1 || c.replicas > 5) fail("replicas must be 1-5");
  return c;
}

/** The JetStream fields Concord manages; everything else keeps the server's value. */
function toStreamConfig(c: EventStreamConfig): Partial<StreamConfig> & { name: string } {
  return {
    name: c.name,
    subjects: [...c.subjects],
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    storage: c.storage === "memory" ? StorageType.Memory : StorageType.File,
    num_replicas: c.replicas,
    duplicate_window: c.duplicateWindowMs * NS_PER_MS,
    max_age: c.maxAgeMs * NS_PER_MS,
    max_msgs: c.maxMessages,
    max_bytes: c.maxBytes,
    max_msg_size: c.maxMessageBytes,
  };
}

export type EnsureStreamOutcome = "created" | "updated" | "unchanged";

/**
 * Creates the stream, or brings an existing one to the configuration (subjects, duplicate
 * window, limits), and does nothing when it already matches: safe to call at every start-up and
 * from several processes at once (a concurrent create that lost the race is read back and compared).
 * Storage type cannot change on a live stream; asking for it is CONCORD_ERR_CONFIG_INVALID.
 */
export async function ensureStream(bus: NatsBus, input: EventStreamConfigInput): Promise<EnsureStreamOutcome> {
  const wanted = toStreamConfig(compileEventStreamConfig(input));
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await streamInfo(bus, wanted.name);
    if (!existing) {
      try {
        await bus.jsm.streams.add(wanted);
        return "created";
      } catch (e) {
        // Another process created it between our lookup and add: compare with what it made.
        if (attempt === 0 && /already in use/i.test(errorText(e))) continue;
        throw streamError(wanted.name, "create", e);
      }
    }
    const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).filter(
      (k) => JSON.stringify(existing[k]) !== JSON.stringify(wanted[k]),
    );
    if (differs.length === 0) return "unchanged";
    if (differs.includes("storage")) {
      throw Errors.ConfigInvalid(
        `nats stream ${wanted.name} exists with ${existing.storage} storage; JetStream cannot change storage in place`,
      );
    }
    try {
      await bus.jsm.streams.update(wanted.name, { ...existing, ...wanted });
      return "updated";
    } catch (e) {
      throw streamError(wanted.name, `update (${differs.join(", ")})`, e);
    }
  }
  throw Errors.ConnectorTransient(`nats stream ${wanted.name}: created and deleted concurrently; try again`);
}

async function streamInfo(bus: NatsBus, name: string): Promise<StreamConfig | undefined> {
  try {
    return (await bus.jsm.streams.info(name)).config;
  } catch (e) {
    if ((e as { name?: string }).name === "StreamNotFoundError" || /stream not found/i.test(errorText(e))) {
      return undefined;
    }
    throw streamError(name, "look up", e);
  }
}

function streamError(name: string, action: string, e: unknown) {
  const text = errorText(e);
  const status = (e as { status?: number }).status;
  const details = { system: "nats", stream: name, response: text };
  // 4xx from the JetStream API is a configuration the server refuses; anything else may pass.
  return status !== undefined && status >= 400 && status < 500
    ? Errors.ConfigInvalid(`nats stream ${name}: cannot ${action}: ${text}`, details)
    : Errors.ConnectorTransient(`nats stream ${name}: cannot ${action}: ${text}`, details, e);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
