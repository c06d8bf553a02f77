import { api } from "../api.js";
import { badge, duration, fill, h, num, pct, table, when } from "../dom.js";

/** Targets: each connected system's latency, error rate, circuit, Retry-After waits and backlog; the bottleneck. */
export function mount(root) {
  const body = h("div");
  fill(root, h("div", { class: "toolbar" }, h("h1", {}, "Connected systems")), body);
  const refresh = async () => {
    const a = await api("/v1/dashboard/targets?window=1h");
    fill(
      body,
      a.bottleneck
        ? h(
            "p",
            { class: "callout bad", id: "bottleneck" },
            h("strong", {}, `Bottleneck: ${a.bottleneck.target}. `),
            a.bottleneck.reason,
            ` — oldest waiting ${duration(a.bottleneck.oldestWaitingMs)}.`,
          )
        : h("p", { class: "callout good", id: "bottleneck" }, "No bottleneck: nothing is waiting for a system."),
      h(
        "div",
        { class: "tiles" },
        a.items.map((t) => tile(t, a.bottleneck?.target === t.target)),
      ),
      table(
        [
          ["System", (t) => t.target],
          ["Status", (t) => badge(t.status)],
          ["Attempts (1h)", (t) => num(t.attempts)],
          ["Error rate", (t) => pct(t.errorRate)],
          ["p50 / p95", (t) => `${duration(t.p50Ms)} / ${duration(t.p95Ms)}`],
          [
            "Circuit",
            (t) =>
              t.circuit
                ? `${t.circuit.state}${t.circuit.consecutiveFailures ? ` (${t.circuit.consecutiveFailures} failures)` : ""}`
                : "not delivering here",
          ],
          ["Maintenance / Retry-After until", (t) => when(t.waitingUntil)],
          ["Backlog", (t) => `${num(t.backlog.pending)} pending, ${num(t.backlog.inFlight)} in flight`],
          ["Oldest waiting since", (t) => when(t.backlog.oldestWaitingSince)],
          ["Dead letters", (t) => num(t.deadLetters)],
        ],
        a.items,
        { empty: "No target is configured." },
      ),
    );
  };
  return { refresh };
}

function tile(t, isBottleneck) {
  return h(
    "section",
    { class: `card tile status-${t.status}${isBottleneck ? " bottleneck" : ""}`, dataset: { target: t.target } },
    h("h2", {}, t.target, " ", badge(t.status)),
    h("p", {}, `${pct(t.errorRate)} errors · p95 ${duration(t.p95Ms)}`),
    h("p", {}, `${num(t.backlog.pending + t.backlog.inFlight)} waiting · ${num(t.deadLetters)} dead`),
  );
}
