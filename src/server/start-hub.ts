import type { FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import { buildApi, buildHealthApp, THROTTLE_WINDOW_MS, ThrottleCounters, TokenService } from "../api/index.js";
import { connectNatsBus, ensureStream } from "../connectors/nats/index.js";
import { serveDashboard } from "../dashboard/serve-dashboard.js";
import { BacklogGauge, Dispatcher } from "../events/index.js";
import { CONTRACT_VERSION_EVENT, type MasterDataSnapshot } from "../model/index.js";
import { createHubTelemetry, type HubTelemetry } from "../observability/index.js";
import {
  ensureReconcileSchedule,
  RECONCILE_WORKFLOW,
  reconcileTimerHandler,
  runRequestedReconciliation,
} from "../reconcile/index.js";
import { importMasterData, openStore, type Store, type WakeTopic } from "../store/index.js";
import { ContractIntake, releaseIfAcknowledged } from "../workflows/contract-propagation/index.js";
import {
  INVOICE_EXCEPTION_WORKFLOW,
  type InvoiceExceptionDeps,
  InvoiceMatchRunner,
  invoiceExceptionTimerHandler,
} from "../workflows/invoice-match/index.js";
import type { X12IntakeDeps } from "../workflows/partner-documents/index.js";
import {
  ACTIVATION_ACTOR,
  activateReleased,
  activationTimerHandler,
  PRICE_ACTIVATION_WORKFLOW,
  type PriceActivationDeps,
  planActivations,
} from "../workflows/price-activation/index.js";
import {
  REQUISITION_WORKFLOW,
  type RequisitionDeps,
  requisitionTimerHandler,
} from "../workflows/requisition-to-po/index.js";
import { RoundRunner } from "../workflows/round-runner.js";
import {
  ONBOARDING_WORKFLOW,
  type OnboardingDeps,
  onboardingTimerHandler,
  prepareOnboardingWorkflow,
} from "../workflows/supplier-onboarding/index.js";
import { type Clock, systemClock, TimerRunner } from "../workflows/timers/index.js";
import type { AuthConfig } from "./auth-config.js";
import { buildConnectors } from "./build-connectors.js";
import { trackBusHealth } from "./bus-health.js";
import { startBusIntake } from "./bus-intake.js";
import { type HubConfig, USES_LOCAL_IDS } from "./config.js";
import { openFieldCipher } from "./encryption-config.js";
import { storeFhirReadPort } from "./fhir-read-port.js";
import { partnerChannels } from "./partner-channels.js";
import { partnerIntake, targetSubscribers } from "./partner-intake.js";

export interface Hub {
  /** The API's URL (an api process) or the readiness endpoint's (a worker-only process). */
  readonly url: string;
  readonly config: HubConfig;
  readonly store: Store;
  readonly dispatcher: Dispatcher;
  readonly app: FastifyInstance;
  /** This process's logger, Prometheus registry and tracer (docs/observability.md). */
  readonly telemetry: HubTelemetry;
  /** An api process's request counters (throttling); shared through PostgreSQL with the other api processes. */
  readonly throttle: ThrottleCounters;
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
  /** Where JSON log lines go instead of stdout (tests read them). */
  readonly logDestination?: DestinationStream;
  /** Business time for workflows and their timers (tests move it forward). */
  readonly clock?: Clock;
}

/**
 * The composition root: config once, then the parts this process's roles need. An `api` takes
 * work (HTTP API, intake, back-pressure); a `worker` delivers it (dispatcher, partner folders and
 * SFTP, the bus). Both in one process is the embedded hub; apart, they share a PostgreSQL and wake
 * each other through it (LISTEN/NOTIFY).
 */
export async function startHub(config: HubConfig, opts: StartHubOptions = {}): Promise<Hub> {
  const { api: isApi, worker: isWorker } = config.roles;
  const store = await openStore(config.storeUrl);
  const telemetry = createHubTelemetry({
    config,
    role: isApi && isWorker ? "hub" : isApi ? "api" : "worker",
    workerId: config.workerId,
    store,
    targets: config.targets.map((t) => t.system),
    ...(opts.logDestination ? { logDestination: opts.logDestination } : {}),
  });
  if (opts.seed) await importMasterData(store, opts.seed);
  const cipher = await openFieldCipher(config.encryption, store, (m) => process.emitWarning(m, "ConcordWarning"));
  // Partner folders exist before the connectors that write to them; they are watched once serving.
  let x12Intake: X12IntakeDeps | undefined;
  const channels = partnerChannels(
    config,
    () => x12Intake!,
    (msg, err) => app.log.warn({ err }, msg),
  );
  const bus = isWorker && config.bus ? await connectNatsBus(config.bus.connection) : undefined;
  if (bus && config.bus?.stream) await ensureStream(bus, config.bus.stream);
  const ports = isWorker ? buildConnectors(config, { sinks: channels.sinks, ...(bus ? { bus } : {}) }) : new Map();
  // Built in every process: an api process uses it to settle partners' 997s (never to deliver).
  const dispatcher = new Dispatcher({
    store,
    ports,
    retryPolicy: config.retry,
    workerId: config.workerId,
    ...config.dispatcher,
    ...(opts.random ? { random: opts.random } : {}),
    onSettled: async (tx, settled) => {
      const released = await releaseIfAcknowledged(tx, settled);
      // A release activates the facilities whose instant already came (price activation).
      await activateReleased(tx, released, priceActivation.clock.now(), ACTIVATION_ACTOR);
    },
    urgencyOf: (type) => (type === CONTRACT_VERSION_EVENT ? "financial" : "routine"),
    log: telemetry.logger.child({ component: "dispatcher" }),
    observer: telemetry.deliveries,
  });
  const delivering = isWorker && opts.dispatch !== false;
  // New outbox work wakes this process's dispatcher at once, and every other worker through the store.
  const wakeOn = (topic: WakeTopic) => () => {
    if (delivering) dispatcher.wake();
    void store.notify(topic);
  };
  const onOutboxWrite = wakeOn("outbox");
  // The contract intake writes deliveries and nothing the timer or invoice runners claim.
  const onDeliveriesWritten = wakeOn("deliveries");
  // Supplier onboarding's steps are durable timers; one due now wakes the timer runners (here and,
  // through the outbox wake-up, in other workers).
  let timers: TimerRunner | undefined;
  // Reconciliation runs are requested (API, schedule) as rows and run by one worker each. A
  // request wakes this process's runner; other processes' workers find it at their next poll
  // (every heartbeatMs): a run takes minutes, so the outbox's wake-ups (every write) are not used.
  let reconcileRuns: RoundRunner | undefined;
  const reconcile = config.reconcile && {
    config: config.reconcile,
    onRequested: () => reconcileRuns?.wake(),
  };
  const supplierOnboarding: OnboardingDeps = {
    store,
    cipher,
    clock: opts.clock ?? systemClock,
    options: config.supplierOnboarding,
    subscribers: targetSubscribers(config),
    onOutboxWrite,
    onTimerDue: () => {
      timers?.wake();
      void store.notify("outbox");
    },
  };
  // Contract price activation: planned in the intake's transaction, fired by durable timers.
  // Requisition to PO: checked in the API's transaction, ordered and confirmed by durable timers.
  const requisitions: RequisitionDeps = {
    store,
    clock: supplierOnboarding.clock,
    options: config.requisitionToPo,
    subscribers: targetSubscribers(config),
    partnerSystems: new Set(config.partners.systems),
    onOutboxWrite,
    onTimerDue: () => {
      timers?.wake();
      void store.notify("outbox");
    },
  };
  const priceActivation: PriceActivationDeps = {
    store,
    clock: supplierOnboarding.clock,
    options: config.priceActivation,
  };
  // Invoice exceptions: owned and escalated by durable timers, decisions written back to the ERP.
  const invoiceExceptions: InvoiceExceptionDeps & { receiptSystems: readonly string[] } = {
    store,
    clock: supplierOnboarding.clock,
    escalation: config.invoiceExceptions.escalation,
    erpSystem: config.invoiceExceptions.erpSystem,
    receiptSystems: config.invoiceExceptions.receiptSystems,
    subscribers: targetSubscribers(config),
    partnerSystems: new Set(config.partners.systems),
    onOutboxWrite,
  };
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
      afterAccept: (tx, accepted) => planActivations(priceActivation, tx, accepted),
    },
    onDeliveriesWritten,
    delivering ? dispatcher : undefined,
    telemetry.tracing,
  );
  const partners = partnerIntake(config, store, dispatcher, onOutboxWrite);
  x12Intake = partners.x12;
  if (delivering) {
    telemetry.metrics.reportCircuits(() =>
      config.targets.map((t) => ({ target: t.system, state: dispatcher.circuitStatus(t.system).state })),
    );
  }
  const backlog = new BacklogGauge(store, config.intake.backlogCheckMs, () =>
    delivering ? config.targets.map((t) => t.system).filter((t) => dispatcher.circuitStatus(t).state === "open") : [],
  );
  if (isApi) await backlog.start();
  let ready = false;
  const brokerUp = bus ? trackBusHealth(bus) : undefined;
  const health = { store, isReady: () => ready, ...(brokerUp ? { brokerUp } : {}) };
  // One process on the embedded store: its counts are everyone's. On PostgreSQL api processes share them.
  const throttle = new ThrottleCounters({
    windowMs: THROTTLE_WINDOW_MS,
    ...(store.dialect === "postgres" && config.auth.rateLimitShareMs > 0
      ? { share: { store, everyMs: config.auth.rateLimitShareMs } }
      : {}),
    onShareFailed: (err) => app.log.warn({ err }, "sharing throttle counters failed; will retry"),
  });
  const app = isApi
    ? await buildApi(
        {
          ...health,
          telemetry,
          auth: config.auth,
          cipher,
          tokens: await startTokens(store, config.auth),
          throttle,
          intake,
          onOutboxWrite,
          fhir: storeFhirReadPort(store),
          partners,
          supplierOnboarding,
          invoiceExceptions,
          requisitions,
          priceActivation,
          ...(reconcile ? { reconcile } : {}),
          masterData: {
            store,
            ownership: config.ownership,
            cipher,
            subscribers: partners.x12.subscribers,
            onOutboxWrite,
          },
          targets: () =>
            config.targets.map((t) => ({
              target: t.system,
              circuit: delivering ? dispatcher.circuitStatus(t.system) : undefined,
            })),
          processSlaMs: config.dashboard.slaMs,
          overloaded: () =>
            backlog.current > config.intake.maxBacklog
              ? { retryAfterSeconds: config.intake.retryAfterSeconds, backlog: backlog.current }
              : undefined,
        },
        { bodyLimitBytes: config.bodyLimitBytes, logger: config.logger },
      )
    : await buildHealthApp({ ...health, auth: config.auth, tokens: await startTokens(store, config.auth) }, telemetry);
  // The dashboard's pages (public, no data) beside the API they read.
  if (isApi) await serveDashboard(app);
  const url = await app.listen({ host: config.host, port: config.port });
  // Workflows run in workers: the invoice match claims each kept invoice once, cluster-wide.
  const invoiceMatches = new InvoiceMatchRunner(
    {
      store,
      workerId: config.workerId,
      leaseMs: config.dispatcher.leaseMs,
      // Exceptions are raised and due in business time, the clock their SLA timers fire by.
      now: () => invoiceExceptions.clock.now(),
      escalation: invoiceExceptions.escalation,
      writeBack: invoiceExceptions,
    },
    config.dispatcher.pollIntervalMs,
    (err) => app.log.error({ err }, "invoice match round failed; will retry"),
  );
  // Durable timers fire in workers, each once cluster-wide (workflows/timers).
  timers = new TimerRunner(
    {
      store,
      workerId: config.workerId,
      leaseMs: config.dispatcher.leaseMs,
      clock: supplierOnboarding.clock,
      handlers: new Map([
        [ONBOARDING_WORKFLOW, onboardingTimerHandler(supplierOnboarding)],
        [PRICE_ACTIVATION_WORKFLOW, activationTimerHandler(priceActivation)],
        [REQUISITION_WORKFLOW, requisitionTimerHandler(requisitions)],
        [INVOICE_EXCEPTION_WORKFLOW, invoiceExceptionTimerHandler(invoiceExceptions)],
        ...(reconcile
          ? [[RECONCILE_WORKFLOW, reconcileTimerHandler(reconcile.config, reconcile.onRequested)] as const]
          : []),
      ]),
      onError: (err, timer) => app.log.error({ err, timer: timer.key }, "timer failed; will retry"),
    },
    config.supplierOnboarding.timerPollMs,
    (err) => app.log.error({ err }, "timer round failed; will retry"),
  );
  const stopListening = delivering
    ? await store.listen("outbox", () => {
        dispatcher.wake();
        invoiceMatches.wake();
        timers?.wake();
      })
    : undefined;
  const stopListeningDeliveries = delivering ? await store.listen("deliveries", () => dispatcher.wake()) : undefined;
  if (delivering) dispatcher.start();
  if (delivering) invoiceMatches.start();
  if (delivering) await prepareOnboardingWorkflow(supplierOnboarding);
  if (delivering) timers.start();
  if (delivering && reconcile) {
    const runDeps = { store, workerId: config.workerId, config: reconcile.config, onOutboxWrite };
    reconcileRuns = new RoundRunner(
      () =>
        runRequestedReconciliation({
          ...runDeps,
          onError: (err, runId) => app.log.error({ err, runId }, "reconciliation run failed"),
        }),
      reconcile.config.heartbeatMs,
      (err) => app.log.error({ err }, "reconciliation round failed; will retry"),
    );
    await store.transaction((tx) => ensureReconcileSchedule(tx, reconcile.config, supplierOnboarding.clock));
    reconcileRuns.start();
  }
  if (isApi) throttle.start();
  if (isWorker) await channels.start();
  const busRun = bus && config.bus?.consume ? await startBusIntake(bus, config.bus.consume, intake, store) : undefined;
  ready = true;
  return {
    url,
    config,
    store,
    dispatcher,
    app,
    telemetry,
    throttle,
    async close() {
      ready = false;
      await app.close();
      await throttle.stop();
      if (isWorker) await channels.stop();
      await busRun?.stop();
      await intake.drain();
      await stopListening?.();
      await stopListeningDeliveries?.();
      await invoiceMatches.stop();
      await timers?.stop();
      await reconcileRuns?.stop();
      await dispatcher.stop();
      await telemetry.close();
      await backlog.stop();
      await Promise.all([...ports.values()].map((p) => p.close?.()));
      await bus?.close();
      await store.close();
    },
  };
}

/** Token signing keys are loaded (or created, or rotated when due) before the API takes a call. */
async function startTokens(store: Store, auth: AuthConfig): Promise<TokenService> {
  const tokens = new TokenService(store, auth);
  await tokens.start();
  return tokens;
}
