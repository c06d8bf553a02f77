import { runBaselineScenario, runFloorScenario, runHubScenario, type ScenarioOptions } from "./scenarios.js";

/**
 * One scenario in its own process (spawned by run.ts): a hub whose event loop stalls (see
 * docs/benchmarks.md, "dispatcher livelock") cannot be timed out from inside its own process.
 * argv: baseline|floor|floor-min|hub '<ScenarioOptions JSON>'; prints the result as JSON on stdout.
 */
const [kind, json] = process.argv.slice(2);
const o = JSON.parse(json!) as ScenarioOptions;
const run = {
  hub: runHubScenario,
  floor: (x: ScenarioOptions) => runFloorScenario(x, "spine"),
  "floor-min": (x: ScenarioOptions) => runFloorScenario(x, "minimal"),
  baseline: runBaselineScenario,
}[kind ?? ""];
if (!run) throw new Error(`unknown scenario "${kind}": baseline, floor, floor-min or hub`);
const result = await run(o);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
