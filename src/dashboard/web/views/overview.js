import { api } from "../api.js";
import { lineChart } from "../charts.js";
import { badge, duration, fill, h, num, pct } from "../dom.js";

const WINDOWS = { "1h": "5m", "24h": "1h", "7d": "6h", "30d": "1d" };

/** Overview: per business process, throughput, success rate, latency and SLA compliance over time. */
export function mount(root, params) {
  const window = WINDOWS[params.get("window")] ? params.get("window") : "24h";
  const body = h("div", { class: "processes" });
  fill(
    root,
    h(
      "div",
      { class: "toolbar" },
      h("h1", {}, "Business processes"),
      h(
        "label",
        {},
        "Window ",
        h(
          "select",
          { id: "window", onchange: (e) => (location.hash = `#/overview?window=${e.target.value}`) },
          Object.keys(WINDOWS).map((w) => h("option", { value: w, selected: w === window }, w)),
        ),
      ),
    ),
    body,
  );
  const refresh = async () => {
    const answer = await api(`/v1/dashboard/processes?window=${window}&bucket=${WINDOWS[window]}`);
    fill(body, answer.processes.map(processCard));
  };
  return { refresh };
}

function processCard(p) {
  const card = h("section", { class: "card process", dataset: { process: p.process } });
  if (p.status === "no-data-yet") {
    return fill(
      card,
      h("h2", {}, p.title, " ", badge("no data yet", "muted")),
      h("p", { class: "empty" }, `Measures ${p.definition}. Nothing to show yet.`),
    );
  }
  const t = p.totals;
  const at = p.series.map((s) => s.at);
  return fill(
    card,
    h("h2", {}, p.title),
    h(
      "dl",
      { class: "figures" },
      figure("Throughput", `${num(t.started)} × ${p.unit}`),
      figure("Success rate", pct(t.successRate)),
      figure("p50 / p95", `${duration(t.p50Ms)} / ${duration(t.p95Ms)}`),
      figure(
        `SLA (${duration(p.slaMs)})`,
        pct(t.slaCompliance),
        t.slaCompliance !== null && t.slaCompliance < 0.95 ? "bad" : "",
      ),
      figure("Running / failed", `${num(t.running)} / ${num(t.failed)}`),
    ),
    h(
      "div",
      { class: "charts" },
      lineChart(
        "Throughput",
        at,
        [
          { label: "started", values: p.series.map((s) => s.started) },
          { label: "failed", values: p.series.map((s) => s.failed), color: "#dc2626" },
        ],
        { format: (v) => num(v) },
      ),
      lineChart(
        "Sync latency",
        at,
        [
          { label: "p50", values: p.series.map((s) => s.p50Ms) },
          { label: "p95", values: p.series.map((s) => s.p95Ms), color: "#d97706" },
        ],
        { format: duration },
      ),
      lineChart(
        "Success and SLA",
        at,
        [
          { label: "success", values: p.series.map((s) => s.successRate), color: "#16a34a" },
          { label: "within SLA", values: p.series.map((s) => s.slaCompliance), color: "#7c3aed" },
        ],
        { format: pct, range: [0, 1] },
      ),
    ),
    h("p", { class: "note" }, `Success (per ${p.unit}): ${p.definition}.`),
  );
}

const figure = (label, value, cls = "") => h("div", { class: `figure ${cls}` }, h("dt", {}, label), h("dd", {}, value));
