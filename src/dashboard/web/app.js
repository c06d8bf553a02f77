import { ApiError, apiKey, forgetApiKey, setApiKey, takeKeyFromUrl } from "./api.js";
import { fill, h } from "./dom.js";
import { startLive } from "./live.js";
import * as consistency from "./views/consistency.js";
import * as failures from "./views/failures.js";
import * as outcomes from "./views/outcomes.js";
import * as overview from "./views/overview.js";
import * as targets from "./views/targets.js";
import * as trace from "./views/trace.js";
import * as violations from "./views/violations.js";

const VIEWS = {
  overview: ["Overview", overview],
  targets: ["Targets", targets],
  failures: ["Failures", failures],
  violations: ["Violations", violations],
  trace: ["Trace", trace],
  consistency: ["Consistency", consistency],
  outcomes: ["Outcomes", outcomes],
};

const root = document.getElementById("view");
const live = document.getElementById("live");
let current;
let lastPulse = "";

/** #/failures?system=erp → ["failures", URLSearchParams]. */
function route() {
  const [path, query = ""] = location.hash.replace(/^#\/?/, "").split("?");
  return [VIEWS[path] ? path : "overview", new URLSearchParams(query)];
}

async function show() {
  const [name, params] = route();
  const [title, view] = VIEWS[name];
  document.title = `Concord — ${title}`;
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === name);
  current = view.mount(root, params);
  await refresh();
}

/** Re-reads what the current view shows; an error is shown in place, never as a blank page. */
async function refresh() {
  const view = current;
  try {
    await view.refresh();
    root.querySelector(":scope > .error.load")?.remove();
    root.dataset.loaded = String(Date.now());
  } catch (e) {
    if (view !== current) return;
    root.querySelector(":scope > .error.load")?.remove();
    root.prepend(
      h("p", { class: "error load", role: "alert" }, e instanceof ApiError ? `${e.status}: ${e.message}` : String(e)),
    );
  }
}

function askForKey(message = "") {
  const dialog = document.getElementById("key-dialog");
  fill(document.getElementById("key-error"), message);
  if (!dialog.open) dialog.showModal();
}

let stopLive;
function start() {
  fill(
    document.getElementById("nav"),
    Object.entries(VIEWS).map(([name, [title]]) => h("a", { href: `#/${name}`, dataset: { view: name } }, title)),
  );
  stopLive?.();
  stopLive = startLive(
    (pulse) => {
      const now = JSON.stringify(pulse);
      // The first pulse only says the stream is up; later ones say something changed.
      if (lastPulse && now !== lastPulse) void refresh();
      lastPulse = now;
    },
    (state) => {
      live.textContent = state === "live" ? "● live" : state === "connecting" ? "○ connecting" : "○ offline";
      live.dataset.state = state;
    },
  );
  void show();
}

document.getElementById("key-form").addEventListener("submit", (e) => {
  const key = new FormData(e.target).get("key").trim();
  if (!key) return e.preventDefault();
  setApiKey(key);
  start();
});
document.getElementById("forget-key").addEventListener("click", () => {
  forgetApiKey();
  stopLive?.();
  askForKey();
});
window.addEventListener("concord:unauthorized", () => askForKey("The hub did not accept this key."));
window.addEventListener("hashchange", () => void show());

takeKeyFromUrl();
if (apiKey()) start();
else askForKey();
