import type { FastifyInstance } from "fastify";
import { buildApi } from "../api/index.js";
import { connectNatsBus, ensureStream } from "../connectors/nats/index.js";
import { BacklogGauge, Dispatcher } from "../events/index.js";
import { CONTRACT_VERSION_EVENT, type MasterDataSnapshot } from "../model/index.js";
import { importMasterData, openStore, type Store } from "../store/index.js";
import { ContractIntake, releaseIfAcknowledged } from "../workflows/contract-propagation/index.js";
import type { X12IntakeDeps } from "../workflows/partner-documents/index.js";
import { buildConnectors } from "./build-connectors.js";
import { startBusIntake } from "./bus-intake.js";
import { type HubConfig, USES_LOCAL_IDS } from "./config.js";
import { storeFhirReadPort } from "./fhir-read-port.js";
import { partnerChannels } from "./partner-channels.js";
import { partnerIntake } from "./partner-intake.js";

export interface Hub {
  readonly url: string;
  readonly config: HubConfig;
  readonly store: Store;
  readonly dispatcher: Dispatcher;
  readonly app: FastifyInstance;
  /** Drains in-flight deliveries, then closes the API and the store. */
  close(): Promise<void>;
}

export interface StartHubOptions {
  /** Master data to load before serving (the sandbox's seeded health system). */
  readonly seed?: MasterDataSnapshot;
  /** Start the dispatcher (tests of the intake alone leave it off). */
  readonly dispatch?: boolean;
  /** Jitter source; tests make the backoff schedule exact with a constant. */
  readonly random?: () => number;
}

/** The composition root: config once, store, connectors, dispatcher, API. */
export async function startHub(config: HubConfig, opts: StartHubOptions = {}): Promise<Hub> {
  const store = await openStore(config.storeUrl);
  if (opts.seed) await importMasterData(store, opts.seed);
  // Partner folders exist before the connectors that write to them; they are watched once serving.
  let x12Intake: X12IntakeDeps | undefined;
  const channels = partnerChannels(
    config,
    () => x12Intake!,
    (msg, err) => app.log.warn({ err }, msg),
  );
  const bus = config.bus ? await connectNatsBus(config.bus.connection) : undefined;
  if (bus && config.bus?.stream) await ensureStream(bus, config.bus.stream);
  const ports = buildConnectors(config, { sinks: channels.sinks, ...(bus ? { bus } : {}) });
  const dispatcher = new Dispatcher({
    store,
    ports,
    retryPolicy: config.retry,
    workerId: config.workerId,
    ...config.dispatcher,
    ...(opts.random ? { random: opts.random } : {}),
    onSettled: async (tx, settled) => {
      await releaseIfAcknowledged(tx, settled);
    },
    urgencyOf: (type) => (type === CONTRACT_VERSION_EVENT ? "financial" : "routine"),
  });
  const intake = new ContractIntake(
    store,
    {
      targets: config.targets
        .filter((t) => t.events.includes(CONTRACT_VERSION_EVENT) || t.events.includes("*"))
        .map((t) => ({
          system: t.system,
          required: t.required,
          usesLocalIds: USES_LOCAL_IDS[t.kind],
        })),
      ownership: config.ownership,
    },
    () => dispatcher.wake(),
    dispatcher,
  );
  const partners = partnerIntake(config, store, dispatcher);
  x12Intake = partners.x12;
  const backlog = new BacklogGauge(store, config.intake.backlogCheckMs);
  await backlog.start();
  let ready = false;
  const app = await buildApi(
    {
      store,
      intake,
      onOutboxWrite: () => dispatcher.wake(),
      fhir: storeFhirReadPort(store),
      partners,
      masterData: {
        store,
        ownership: config.ownership,
        subscribers: partners.x12.subscribers,
        onOutboxWrite: () => dispatcher.wake(),
      },
      isReady: () => ready,
      overloaded: () =>
        backlog.current > config.intake.maxBacklog
          ? { retryAfterSeconds: config.intake.retryAfterSeconds, backlog: backlog.current }
          : undefined,
    },
    { bodyLimitBytes: config.bodyLimitBytes, logger: config.logger },
  );
  const url = await app.listen({ host: config.host, port: config.port });
  if (opts.dispatch !== false) dispatcher.start();
  await channels.start();
  const busRun = bus && config.bus?.consume ? await startBusIntake(bus, config.bus.consume, intake, store) : undefined;
  ready = true;
  return {
    url,
    config,
    store,
    dispatcher,
    app,
    async close() {
      ready = false;
      await app.close();
      await channels.stop();
      await busRun?.stop();
      await intake.drain();
      await dispatcher.stop();
      await backlog.stop();
      await Promise.all([...ports.values()].map((p) => p.close?.()));
      await bus?.close();
      await store.close();
    },
  };
}
