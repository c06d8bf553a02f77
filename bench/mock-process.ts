import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface MockTarget {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts bench/mock-target.ts in a child node process (tsx loader) and waits for its URL. */
export async function startMockTarget(): Promise<MockTarget> {
  const script = fileURLToPath(new URL("./mock-target.ts", import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      const line = buf.split("\n")[0];
      if (buf.includes("\n") && line) resolve(line.trim());
    });
    child.once("exit", (code) => reject(new Error(`mock target exited early (code ${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
