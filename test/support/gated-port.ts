import type { DeliveryOutcome, DeliveryPort, OutboundMessage } from "../../src/events/index.js";

/** A target whose deliveries finish only when the test says so: order is counted, never timed. */
export class GatedPort implements DeliveryPort {
  readonly started: OutboundMessage[] = [];
  private readonly waiting: (() => void)[] = [];
  constructor(readonly system = "gated") {}
  async deliver(message: OutboundMessage): Promise<DeliveryOutcome> {
    this.started.push(message);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return { kind: "acknowledged", ref: `G-${message.deliveryId}` };
  }
  release(n: number): void {
    for (const r of this.waiting.splice(0, n)) r();
  }
}
