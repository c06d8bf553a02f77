import { type JetStreamClient, type JetStreamManager, jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { Errors } from "../../errors/index.js";

export interface NatsBusOptionsInput {
  /** One URL or several (a cluster): nats://host:4222. */
  readonly servers: string | readonly string[];
  /** Shown in the server's connection list (`nats server report connections`). */
  readonly name?: string;
  /** Pause between reconnect attempts. */
  readonly reconnectTimeWaitMs?: number;
  /** -1 = keep trying forever (the default: a bus outage must not stop the hub for good). */
  readonly maxReconnectAttempts?: number;
  /** JetStream API calls (stream/consumer management, PubAck wait unless a publisher overrides it). */
  readonly apiTimeoutMs?: number;
  readonly user?: string;
  readonly pass?: string;
  readonly token?: string;
}

export interface NatsBusOptions {
  readonly servers: readonly string[];
  readonly name: string;
  readonly reconnectTimeWaitMs: number;
  readonly maxReconnectAttempts: number;
  readonly apiTimeoutMs: number;
  readonly auth: { readonly user?: string; readonly pass?: string; readonly token?: string };
}

/** Validates and fills defaults once; the result has no optional fields. */
export function compileNatsBusOptions(input: NatsBusOptionsInput): NatsBusOptions {
  const servers = typeof input.servers === "string" ? [input.servers] : [...input.servers];
  if (servers.length === 0) throw Errors.ConfigInvalid("nats.servers must name at least one server");
  for (const s of servers) {
    if (!/^(nats|tls|ws|wss):\/\/[^\s/]+(:\d+)?\/?$/.test(s) && !/^[^\s/:]+:\d+$/.test(s)) {
      throw Errors.ConfigInvalid(`nats.servers: ${JSON.stringify(s)} is not a NATS URL (nats://host:port)`);
    }
  }
  const positive = (name: string, v: number | undefined, dflt: number) => {
    const value = v ?? dflt;
    if (!Number.isFinite(value) || value <= 0) throw Errors.ConfigInvalid(`nats.${name} must be a positive number`);
    return value;
  };
  const maxReconnectAttempts = input.maxReconnectAttempts ?? -1;
  if (!Number.isInteger(maxReconnectAttempts) || maxReconnectAttempts < -1) {
    throw Errors.ConfigInvalid("nats.maxReconnectAttempts must be -1 (forever) or a whole number ≥ 0");
  }
  return {
    servers,
    name: input.name ?? "concord",
    reconnectTimeWaitMs: positive("reconnectTimeWaitMs", input.reconnectTimeWaitMs, 1_000),
    maxReconnectAttempts,
    apiTimeoutMs: positive("apiTimeoutMs", input.apiTimeoutMs, 5_000),
    auth: {
      ...(input.user === undefined ? {} : { user: input.user }),
      ...(input.pass === undefined ? {} : { pass: input.pass }),
      ...(input.token === undefined ? {} : { token: input.token }),
    },
  };
}

/** One connection to the enterprise bus, shared by the publisher, stream management and consumers. */
export interface NatsBus {
  readonly connection: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly options: NatsBusOptions;
  /** Drains (finishes in-flight publishes and subscriptions) and closes the connection. */
  close(): Promise<void>;
}

/**
 * Connects once, at start-up, from the composition root. The client reconnects by itself when the
 * server closes the connection or restarts (`maxReconnectAttempts` -1 = forever); publishes made
 * while disconnected wait for the PubAck up to their timeout and then fail as
 * CONCORD_ERR_CONNECTOR_TIMEOUT, which the dispatcher retries with the same Nats-Msg-Id.
 */
export async function connectNatsBus(input: NatsBusOptionsInput): Promise<NatsBus> {
  const options = compileNatsBusOptions(input);
  let connection: NatsConnection;
  try {
    connection = await connect({
      servers: [...options.servers],
      name: options.name,
      reconnect: true,
      maxReconnectAttempts: options.maxReconnectAttempts,
      reconnectTimeWait: options.reconnectTimeWaitMs,
      waitOnFirstConnect: false,
      ...options.auth,
    });
  } catch (e) {
    throw Errors.ConnectorTransient(
      `cannot connect to NATS at ${options.servers.join(", ")}: ${e instanceof Error ? e.message : String(e)}`,
      { system: "nats", networkError: e instanceof Error ? e.message : String(e) },
      e,
    );
  }
  const js = jetstream(connection, { timeout: options.apiTimeoutMs });
  const jsm = await jetstreamManager(connection, { timeout: options.apiTimeoutMs, checkAPI: false });
  let closing: Promise<void> | undefined;
  return {
    connection,
    js,
    jsm,
    options,
    close() {
      closing ??= connection.isClosed()
        ? Promise.resolve()
        : connection.drain().catch(async () => {
            await connection.close();
          });
      return closing;
    },
  };
}
