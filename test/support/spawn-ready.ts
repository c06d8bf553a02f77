import { type ChildProcess, spawn } from "node:child_process";

/**
 * Starts a TypeScript script (run through tsx) with one JSON argument, and resolves once it prints
 * its ready line, a JSON object with the URL it serves. The hub, api and worker process scripts of
 * the crash, scale-out tests and benchmarks all speak this way. Rejects with the end of the
 * process's stderr if it exits first.
 */
export function spawnReady(
  script: string,
  config: object,
  /** Sees the child at once, before it is ready (to track it for clean-up). */
  onSpawn?: (child: ChildProcess) => void,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify(config)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  onSpawn?.(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.stderr!.on("data", (b: Buffer) => {
      err += b.toString();
      if (err.length > 20_000) err = err.slice(-10_000);
    });
    child.once("exit", (code) =>
      reject(new Error(`process exited (${code}) before it was ready: ${err.slice(-2000)}`)),
    );
  });
}
