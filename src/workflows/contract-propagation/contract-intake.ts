import { ConcordError } from "../../errors/index.js";
import { GroupCommit, type LocalDispatch } from "../../events/index.js";
import type { HubTracing } from "../../observability/index.js";
import type { Store } from "../../store/index.js";
import { acceptContractVersions } from "./accept-contract-versions.js";
import type { ContractIntakeConfig } from "./intake-config.js";
import type { AcceptedVersion, IntakeItem, IntakeOutcome } from "./intake-item.js";

/**
 * The contract intake as the API uses it: messages arriving together are accepted together in one
 * transaction (group commit), each caller getting its own answer. A caller's promise resolves only
 * after the transaction holding its message committed: an acknowledged message is durable.
 */
export class ContractIntake {
  private readonly batcher: GroupCommit<IntakeItem, IntakeOutcome>;

  constructor(
    store: Store,
    config: ContractIntakeConfig,
    /** Called after a batch committed deliveries that `local` did not take (wake the dispatchers). */
    onAccepted: () => void,
    /** The dispatcher of this process: fresh deliveries go to it claimed, without a claim query. */
    local?: LocalDispatch,
    /** When tracing: a span per message (child of its request's), its mapping, and the batch transaction. */
    private readonly tracing?: HubTracing,
  ) {
    // Small batches: the embedded store runs one transaction at a time, and a long intake
    // transaction keeps the dispatcher from claiming and settling (measured: batches of 64 halved
    // delivery at concurrency 50 against 16).
    this.batcher = new GroupCommit(async (items) => {
      const accept = () => acceptContractVersions(store, config, items, local);
      // One transaction serves the whole batch: its span is the first message's child, linked to the others.
      const results = tracing
        ? await tracing.inSpan(
            "intake transaction",
            {
              parent: items[0]!.envelope.traceparent,
              links: items.slice(1).map((i) => i.envelope.traceparent),
              attributes: { "concord.batch_size": items.length },
            },
            accept,
          )
        : await accept();
      // Deliveries this process's dispatcher took on append need no wake-up; waking it (and, through
      // the store, every worker's claim) after every batch made empty claim rounds cost more store
      // time than the claims they were meant to start (bench/profile-sql.ts).
      // Only an accepted, new version writes deliveries, so `pending` alone says whether to wake.
      if (results.pending > 0) onAccepted();
      return results.outcomes;
    }, 16);
  }

  /** Accepts one message; a rejection is thrown as the ConcordError that says why. */
  async submit(item: IntakeItem): Promise<AcceptedVersion> {
    const outcome = this.tracing ? await this.submitTraced(item, this.tracing) : await this.batcher.add(item);
    if (outcome instanceof ConcordError) throw outcome;
    return outcome;
  }

  /** The message's span carries its correlation id and outcome; its traceparent goes into its events. */
  private async submitTraced(item: IntakeItem, tracing: HubTracing): Promise<IntakeOutcome> {
    const { system, messageType, messageId, correlationId } = item.envelope;
    const span = tracing.start(`intake ${messageType}`, {
      parent: "active",
      attributes: {
        "concord.correlation_id": correlationId,
        "concord.system": system,
        "concord.message_id": messageId,
      },
    });
    try {
      const outcome = await this.batcher.add({
        ...item,
        envelope: { ...item.envelope, traceparent: span.traceparent },
        build: (table) => tracing.inSpanSync(`map ${messageType}`, { parent: span }, () => item.build(table)),
      });
      if (outcome instanceof ConcordError) span.span.setAttribute("concord.error_code", outcome.code);
      else span.span.setAttributes({ "concord.outcome": outcome.status, "concord.contract_id": outcome.contractId });
      span.end(outcome instanceof ConcordError && outcome.status >= 500 ? outcome : undefined);
      return outcome;
    } catch (e) {
      span.end(e);
      throw e;
    }
  }

  drain(): Promise<void> {
    return this.batcher.drain();
  }
}
