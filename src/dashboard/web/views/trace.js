import { api } from "../api.js";
import { badge, duration, fill, h, json, table, when } from "../dom.js";

/** One business transaction across systems, by correlation id: a swimlane per system, steps in time order. */
export function mount(root, params) {
  const id = params.get("id") ?? "";
  const body = h("div", { id: "trace-body" });
  const form = h(
    "form",
    {
      class: "filters",
      onsubmit: (e) => {
        e.preventDefault();
        location.hash = `#/trace?id=${encodeURIComponent(new FormData(e.target).get("id"))}`;
      },
    },
    h("label", {}, "Correlation id ", h("input", { name: "id", value: id, size: 40, required: true })),
    h("button", { type: "submit" }, "Show"),
  );
  fill(root, h("div", { class: "toolbar" }, h("h1", {}, "Trace")), form, body);
  const refresh = async () => {
    if (!id)
      return fill(
        body,
        h(
          "p",
          { class: "empty" },
          "Enter a correlation id (from a failure, a violation or a caller's X-Correlation-Id).",
        ),
      );
    let t;
    try {
      t = await api(`/v1/traces/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e.status === 404) return fill(body, h("p", { class: "empty" }, `Nothing Concord holds carries ${id}.`));
      throw e;
    }
    const s = t.summary;
    const systems = [...new Set(t.steps.map((x) => x.system))];
    fill(
      body,
      h(
        "p",
        {},
        badge(s.outcome),
        ` ${s.steps} steps across ${s.systems.join(", ") || "—"} in ${duration(s.durationMs)} · actors: ${s.actors.join(", ") || "—"} · ${s.openExceptions} open exceptions`,
      ),
      h(
        "div",
        { class: "lanes", style: `grid-template-columns: repeat(${systems.length}, minmax(10rem, 1fr))` },
        systems.map((sys) => h("div", { class: "lane-head" }, sys)),
        t.steps.map((step) =>
          h(
            "div",
            { class: `step step-${step.kind}`, style: `grid-column: ${systems.indexOf(step.system) + 1}` },
            h("strong", {}, step.kind),
            h("br"),
            when(step.at),
            h("br"),
            summarize(step),
          ),
        ),
      ),
      h("h2", {}, "Deliveries"),
      table(
        [
          ["Id", (d) => d.id],
          ["Target", (d) => d.target],
          ["Status", (d) => badge(d.status)],
          ["Attempts", (d) => d.attempts],
        ],
        t.deliveries,
      ),
      h("details", {}, h("summary", {}, "Every step as recorded"), json(t.steps)),
    );
  };
  return { refresh };
}

function summarize(step) {
  const parts = [
    step.type,
    step.messageType,
    step.entity,
    step.status,
    step.outcome,
    step.action,
    step.rule,
    step.error,
  ];
  return parts.filter(Boolean).join(" · ");
}
