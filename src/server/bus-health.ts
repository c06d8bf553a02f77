import type { NatsBus } from "../connectors/nats/index.js";

/**
 * Whether the bus connection is up right now, for readiness: the client reconnects by itself,
 * and while it does the hub answers /healthz with 503 so a load balancer or supervisor knows.
 */
export function trackBusHealth(bus: NatsBus): () => boolean {
  let up = !bus.connection.isClosed();
  void (async () => {
    for await (const s of bus.connection.status()) {
      if (s.type === "disconnect" || s.type === "close") up = false;
      else if (s.type === "reconnect") up = true;
    }
  })().catch(() => {
    up = false;
  });
  return () => up && !bus.connection.isClosed();
}
