import { api, qs } from "../api.js";
import { badge, fill, h, json, table, when } from "../dom.js";

const RESOLUTIONS = ["accept-variance", "corrected-invoice", "receipt-recorded", "rejected"];

/** Failures: dead letters and exceptions, filtered; one in detail with its payloads; replay and resolve. */
export function mount(root, params) {
  const filter = Object.fromEntries(
    ["kind", "system", "type", "urgency", "olderThanHours", "status"].map((k) => [k, params.get(k) ?? ""]),
  );
  const form = h("form", { class: "filters", id: "failure-filters" });
  const list = h("div", { id: "failure-list" });
  const detail = h("aside", { class: "detail", id: "failure-detail" });
  fill(root, h("div", { class: "toolbar" }, h("h1", {}, "Failures")), form, h("div", { class: "split" }, list, detail));
  let facets = { systems: [], types: [], urgencies: [] };
  let selected = params.get("open");

  const apply = (e) => {
    e?.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    location.hash = `#/failures${qs(data)}`;
  };
  const select = (name, values, label) =>
    h(
      "label",
      {},
      label,
      " ",
      h(
        "select",
        { name, onchange: apply },
        h("option", { value: "" }, "any"),
        values.map((v) => h("option", { value: v, selected: filter[name] === v }, v)),
      ),
    );
  const drawForm = () =>
    fill(
      form,
      select("kind", ["dead-letter", "exception"], "Kind"),
      select("system", facets.systems, "System"),
      select("type", facets.types, "Type"),
      select("urgency", ["clinical", "financial", "compliance", "routine"], "Urgency"),
      h(
        "label",
        {},
        "Older than (h) ",
        h("input", {
          name: "olderThanHours",
          type: "number",
          min: 0,
          step: "any",
          value: filter.olderThanHours,
          size: 5,
          onchange: apply,
        }),
      ),
      select("status", ["open", "resolved"], "Exceptions"),
    );

  const open = async (kind, id) => {
    selected = `${kind}:${id}`;
    fill(detail, h("p", {}, "Loading…"));
    const d = await api(`/v1/dashboard/failures/${kind}/${id}`);
    fill(detail, kind === "dead-letter" ? deadLetter(d, refresh) : exception(d, refresh));
  };

  async function refresh() {
    const a = await api(`/v1/dashboard/failures${qs(filter)}`);
    // Keep the filters' choices when the list is filtered down to a few.
    if (facets.systems.length === 0 || !Object.values(filter).some(Boolean)) facets = a.facets;
    if (!form.contains(document.activeElement)) drawForm();
    fill(
      list,
      table(
        [
          ["Kind", (f) => badge(f.kind)],
          ["System", (f) => f.system],
          ["Type", (f) => f.type],
          ["Urgency", (f) => badge(f.urgency)],
          ["Age (h)", (f) => f.ageHours],
          ["Message", (f) => h("span", { class: "clip", title: f.message }, f.message)],
        ],
        a.items,
        {
          empty: "No failure matches.",
          rowAttrs: (f) => ({
            class: `clickable${selected === `${f.kind}:${f.id}` ? " selected" : ""}`,
            dataset: { kind: f.kind, id: f.id },
            onclick: () => void open(f.kind, f.id),
          }),
        },
      ),
    );
  }
  drawForm();
  if (selected) {
    const [kind, id] = selected.split(":");
    void open(kind, id);
  }
  return { refresh };
}

function deadLetter(d, refresh) {
  const result = h("p", { class: "result", role: "status" });
  const replay = async (dryRun) => {
    try {
      const a = await api("/v1/dead-letters/replay", { method: "POST", body: { ids: [d.id], dryRun } });
      fill(
        result,
        dryRun
          ? `A replay would send ${a.wouldReplay} delivery again.`
          : `Replayed ${a.replayed} delivery; it is queued again.`,
      );
      if (!dryRun) await refresh();
    } catch (e) {
      fill(result, h("span", { class: "error" }, e.message));
    }
  };
  return [
    h("h2", {}, `Dead letter ${d.id} → ${d.target}`, " ", badge(d.status)),
    h("p", {}, `${d.eventType} · ${d.businessKey} v${d.keyVersion} · ${d.attempts} attempts · ${d.replays} replays`),
    h("p", {}, h("a", { href: `#/trace?id=${encodeURIComponent(d.correlationId)}` }, `Trace ${d.correlationId}`)),
    h("p", { class: "error" }, d.lastError ?? ""),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", id: "replay-dry", onclick: () => replay(true) }, "Dry run"),
      h(
        "button",
        { type: "button", id: "replay", class: "primary", disabled: d.status !== "dead", onclick: () => replay(false) },
        "Replay",
      ),
    ),
    result,
    h("h3", {}, "Original payload (canonical)"),
    json(d.payload),
    h("h3", {}, "Mapped payload (what the target receives)"),
    d.mappedPayload
      ? [h("p", { class: "note" }, d.mappedPayload.mapping), json(d.mappedPayload.body)]
      : h(
          "p",
          { class: "note" },
          "No outbound mapping for this event and target: the target receives the canonical payload.",
        ),
    h("h3", {}, "Attempts"),
    table(
      [
        ["#", (a) => a.attempt],
        ["Outcome", (a) => a.outcome],
        ["When", (a) => when(a.finishedAt)],
        ["Error", (a) => a.error ?? ""],
      ],
      d.history ?? [],
    ),
  ];
}

function exception(x, refresh) {
  const result = h("p", { class: "result", role: "status" });
  const isInvoice = String(x.rule).startsWith("invoice-match.");
  const form = h(
    "form",
    {
      id: "resolve-form",
      class: "resolve",
      onsubmit: async (e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.target));
        try {
          await api(`/v1/invoice-exceptions/${x.id}/resolve`, { method: "POST", body: data });
          fill(result, "Resolved.");
          await refresh();
        } catch (err) {
          fill(result, h("span", { class: "error" }, err.message));
        }
      },
    },
    h(
      "label",
      {},
      "Resolution ",
      h(
        "select",
        { name: "resolution" },
        RESOLUTIONS.map((r) => h("option", { value: r }, r)),
      ),
    ),
    h(
      "label",
      {},
      "Reason ",
      h("textarea", {
        name: "reason",
        required: true,
        minlength: 10,
        rows: 2,
        placeholder: "Why, in words an auditor can read",
      }),
    ),
    h("button", { type: "submit", class: "primary" }, "Resolve"),
  );
  return [
    h("h2", {}, `Exception ${x.id}`, " ", badge(x.status), " ", badge(x.urgency)),
    h("p", {}, `${x.rule} · ${x.code} · ${x.system ?? "concord"} · ${x.subjectType}:${x.subjectId}`),
    h("p", {}, x.message),
    x.correlationId
      ? h("p", {}, h("a", { href: `#/trace?id=${encodeURIComponent(x.correlationId)}` }, `Trace ${x.correlationId}`))
      : null,
    x.status === "open" && isInvoice ? form : null,
    x.status === "resolved"
      ? h("p", {}, `Resolved by ${x.resolvedBy ?? "?"} (${x.resolutionCode ?? ""}): ${x.resolution ?? ""}`)
      : null,
    result,
    h("h3", {}, "Details"),
    json(x.details),
    h("h3", {}, "Original message"),
    x.original
      ? [
          h("p", { class: "note" }, `${x.original.system} · ${x.original.messageType} · ${x.original.contentType}`),
          json(x.original.body),
        ]
      : h("p", { class: "note" }, "No inbound message carries this transaction's correlation id."),
  ];
}
