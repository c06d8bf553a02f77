/**
 * h("a", { href: "#/x", class: "c" }, "text", child) builds an element; text is always a text node,
 * so nothing the API answers is ever parsed as HTML.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const pct = (x) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);
export const num = (x) => (x === null || x === undefined ? "—" : Number(x).toLocaleString("en-US"));

/** 950 → "950 ms", 61,000 → "1.0 min", 7,200,000 → "2.0 h". */
export function duration(ms) {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

export const when = (iso) => (iso ? new Date(iso).toLocaleString("en-US", { hour12: false }) : "—");

/** A table: columns are [header, (row) => cell]. */
export function table(columns, rows, opts = {}) {
  if (rows.length === 0) return h("p", { class: "empty" }, opts.empty ?? "Nothing here.");
  return h(
    "table",
    { class: opts.class ?? "grid" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        columns.map(([title]) => h("th", {}, title)),
      ),
    ),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          opts.rowAttrs ? opts.rowAttrs(r) : {},
          columns.map(([, cell]) => h("td", {}, cell(r))),
        ),
      ),
    ),
  );
}

/** JSON for reading: indented, in a scrollable block. */
export const json = (value) =>
  h("pre", { class: "json" }, typeof value === "string" ? value : JSON.stringify(value, null, 2));

export const badge = (text, kind = text) => h("span", { class: `badge badge-${kind}` }, text);
