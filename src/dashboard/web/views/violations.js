import { api } from "../api.js";
import { lineChart } from "../charts.js";
import { fill, h, num, table, when } from "../dom.js";

/** Policy violations: ownership (a system changing what it does not own) and refused API calls, over time. */
export function mount(root) {
  const body = h("div");
  fill(root, h("div", { class: "toolbar" }, h("h1", {}, "Policy violations (7 days)")), body);
  const refresh = async () => {
    const a = await api("/v1/dashboard/violations?window=7d&bucket=6h");
    fill(
      body,
      h(
        "dl",
        { class: "figures" },
        h(
          "div",
          { class: "figure" },
          h("dt", {}, "Ownership"),
          h("dd", { id: "ownership-total" }, num(a.totals.ownership)),
        ),
        h("div", { class: "figure" }, h("dt", {}, "Refused API calls"), h("dd", {}, num(a.totals.refused))),
      ),
      h(
        "div",
        { class: "charts" },
        lineChart(
          "Trend",
          a.series.map((s) => s.at),
          [
            { label: "ownership", values: a.series.map((s) => s.ownership) },
            { label: "refused calls", values: a.series.map((s) => s.refused), color: "#d97706" },
          ],
          { format: num },
        ),
      ),
      h("h2", {}, "By rule and system"),
      table(
        [
          ["Rule", (r) => r.rule],
          ["System", (r) => r.system],
          ["Count", (r) => num(r.count)],
        ],
        a.byRule,
        { empty: "No ownership violation." },
      ),
      h("h2", {}, "Refused API calls"),
      table(
        [
          ["Caller", (r) => r.actor],
          ["Route", (r) => r.route],
          ["Status", (r) => r.status],
          ["Count", (r) => num(r.count)],
        ],
        a.refusedCalls,
        { empty: "No refused call." },
      ),
      h("h2", {}, "Latest"),
      table(
        [
          ["When", (v) => when(v.createdAt)],
          ["Rule", (v) => v.rule],
          ["System", (v) => v.system],
          ["Entity", (v) => `${v.entityType}:${v.entityId}`],
          ["Message", (v) => v.message],
          [
            "Trace",
            (v) =>
              v.correlationId ? h("a", { href: `#/trace?id=${encodeURIComponent(v.correlationId)}` }, "open") : "",
          ],
        ],
        a.recent,
        { class: "grid violations", empty: "No violation in the window." },
      ),
    );
  };
  return { refresh };
}
