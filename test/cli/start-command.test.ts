import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));

/** `concord start --sandbox`, the README's first command, run as a user would and stopped with SIGTERM. */
describe("concord start --sandbox", () => {
  it("starts the hub and the sandbox, prints their URLs, serves /healthz and drains on SIGTERM", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", MAIN, "start", "--sandbox", "--store", "memory:", "--port", "0"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      out += b.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 45_000;
    while (!/Try it/.test(out) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(out).toContain("Concord is running with the sandbox health system");
    const hub = /hub\s+(http:\/\/\S+)/.exec(out)![1]!;
    for (const name of ["CLM", "procurement", "ERP", "analytics", "distributor"])
      expect(out).toMatch(new RegExp(`${name}\\s+http://`));
    expect(out).toMatch(/seeded: 14 facilities, 300 suppliers, 3000 items, 300 contracts/);

    const health = await fetch(`${hub}/healthz`);
    expect(health.status).toBe(200);
    const apiKey = /export CONCORD_API_KEY=(\S+)/.exec(out)![1]!;
    const price = /curl -H "[^"]+" '(http:\/\/[^']+\/v1\/pricing\/effective-price[^']+)'/.exec(out)![1]!;
    expect((await fetch(price)).status).toBe(401);
    expect((await fetch(price, { headers: { "x-api-key": apiKey } })).status).toBe(200);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toContain("SIGTERM: draining deliveries and stopping");
  });

  it("refuses a bad port with a message naming it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "start", "--port", "eighty"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(err).toContain('port "eighty" (from --port) is not a port number');
  });

  it("refuses a configuration file that is not a JSON object, naming the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "concord-config-"));
    const file = join(dir, "hub.json");
    await writeFile(file, "[1, 2]");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", MAIN, "start", "--store", "memory:", "--port", "0", "--config", file],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let err = "";
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    expect(err).toContain(`the configuration ${file} is not usable: it must hold a JSON object`);
  });
});
