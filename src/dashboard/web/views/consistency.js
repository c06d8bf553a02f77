import { api } from "../api.js";
import { fill, h, json, num, pct, table, when } from "../dom.js";

/** Consistency: per system and entity type, the share of records that agree with canonical; drill down to fields. */
export function mount(root, params) {
  const body = h("div");
  const drill = h("div", { id: "findings" });
  fill(root, h("div", { class: "toolbar" }, h("h1", {}, "Cross-system consistency")), body, drill);
  const show = async (runId, system, entityType) => {
    const a = await api(
      `/v1/consistency/${runId}/findings?system=${encodeURIComponent(system)}&entityType=${encodeURIComponent(entityType)}&limit=200`,
    );
    fill(
      drill,
      h("h2", {}, `${system} · ${entityType}: findings`),
      table(
        [
          ["Kind", (f) => f.kind],
          ["Record", (f) => `${f.key}${f.canonicalId ? ` (${f.canonicalId})` : ""}`],
          [
            "Differing fields",
            (f) =>
              f.fields
                ? f.fields.map((d) =>
                    h(
                      "div",
                      { class: "diff" },
                      h("code", {}, d.field),
                      `: canonical ${JSON.stringify(d.canonical)} ≠ ${system} ${JSON.stringify(d.system)}`,
                    ),
                  )
                : (f.reason ?? ""),
          ],
          ["Detail", (f) => h("details", {}, h("summary", {}, "all"), json(f))],
        ],
        a.items,
        { empty: "No finding was kept for this pair." },
      ),
    );
  };
  const refresh = async () => {
    let a;
    try {
      a = await api("/v1/consistency");
    } catch (e) {
      if (e.status === 404)
        return fill(body, h("p", { class: "empty" }, "No reconciliation run has completed yet (concord reconcile)."));
      throw e;
    }
    fill(
      body,
      h(
        "p",
        {},
        `Run ${a.run.id}, finished ${when(a.run.finishedAt)}: ${num(a.run.findings)} findings${a.run.heal ? `, ${num(a.run.repairEvents)} repairs sent` : ""}.`,
      ),
      table(
        [
          ["System", (r) => r.system],
          ["Entity", (r) => r.entityType],
          ["Agree", (r) => h("span", { class: r.agreeingShare < 0.99 ? "bad" : "good" }, pct(r.agreeingShare))],
          ["Compared", (r) => num(r.compared)],
          ["Missing", (r) => num(r.missing)],
          ["Extra", (r) => num(r.extra)],
          ["Different", (r) => num(r.different)],
          ["Unreadable", (r) => num(r.unreadable)],
          [
            "",
            (r) =>
              r.compared === r.agreeing
                ? ""
                : h(
                    "button",
                    { type: "button", class: "link", onclick: () => show(a.run.id, r.system, r.entityType) },
                    "findings",
                  ),
          ],
        ],
        a.consistency,
        { class: "grid consistency" },
      ),
    );
    if (params.get("system")) await show(a.run.id, params.get("system"), params.get("entityType"));
  };
  return { refresh };
}
