import { ConcordError } from "../../errors/index.js";
import { GroupCommit, type LocalDispatch } from "../../events/index.js";
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
    /** Called after a batch that accepted at least one version committed (wake the dispatcher). */
    onAccepted: () => void,
    /** The dispatcher of this process: fresh deliveries go to it claimed, without a claim query. */
    local?: LocalDispatch,
  ) {
    // Small batches: the embedded store runs one transaction at a time, and a long intake
    // transaction keeps the dispatcher from claiming and settling (measured: batches of 64 halved
    // delivery at concurrency 50 against 16).
    this.batcher = new GroupCommit(async (items) => {
      const results = await acceptContractVersions(store, config, items, local);
      if (results.some((r) => !(r instanceof ConcordError) && r.status === "accepted" && !r.duplicate)) onAccepted();
      return results;
    }, 16);
  }

  /** Accepts one message; a rejection is thrown as the ConcordError that says why. */
  async submit(item: IntakeItem): Promise<AcceptedVersion> {
    const outcome = await this.batcher.add(item);
    if (outcome instanceof ConcordError) throw outcome;
    return outcome;
  }

  drain(): Promise<void> {
    return this.batcher.drain();
  }
}
