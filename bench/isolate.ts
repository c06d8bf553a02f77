import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ScenarioOptions, ScenarioResult } from "./scenarios.js";

/**
 * Runs a scenario in a child process with a deadline (load + drain + a minute for start-up and
 * seeding). SIGKILL because a blocked event loop never runs a SIGTERM handler.
 */
export function runIsolated(
  kind: ScenarioResult["system"],
  o: ScenarioOptions,
  onStall: (system: ScenarioResult["system"], concurrency: number, stalled: boolean) => ScenarioResult,
): Promise<ScenarioResult> {
  const script = fileURLToPath(new URL("./scenario-child.ts", import.meta.url));
  // BENCH_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the scenario process alone.
  const extra = (process.env.BENCH_CHILD_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...extra, "--import", "tsx", script, kind, JSON.stringify(o)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const deadlineMs = o.warmupMs + o.measureMs + o.drainTimeoutMs + 60_000;
  let out = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), deadlineMs);
    child.once("exit", () => {
      clearTimeout(timer);
      const last = out.trim().split("\n").pop();
      try {
        resolve(JSON.parse(last ?? "") as ScenarioResult);
      } catch {
        process.stderr.write(
          `  ${kind} @${o.concurrency} produced no result (killed after ${deadlineMs} ms or crashed)\n`,
        );
        resolve(onStall(kind, o.concurrency, true));
      }
    });
  });
}
