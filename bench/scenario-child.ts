import { runBaselineScenario, runHubScenario, type ScenarioOptions } from "./scenarios.js";

/**
 * One scenario in its own process (spawned by run.ts): a hub whose event loop stalls (see
 * docs/benchmarks.md, "dispatcher livelock") cannot be timed out from inside its own process.
 * argv: baseline|hub '<ScenarioOptions JSON>'; prints the result as JSON on stdout.
 */
const [kind, json] = process.argv.slice(2);
const o = JSON.parse(json!) as ScenarioOptions;
const result = kind === "hub" ? await runHubScenario(o) : await runBaselineScenario(o);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
