import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

const SSHD = "/usr/sbin/sshd";

/** A real OpenSSH server on loopback, for the SFTP transport's integration test. */
export interface Sshd {
  readonly host: "127.0.0.1";
  readonly port: number;
  readonly username: string;
  /** The client key sshd accepts (OpenSSH format, no passphrase). */
  readonly privateKey: string;
  /** The host key's "SHA256:…" fingerprint, as the transport's configuration wants it. */
  readonly hostKeyFingerprint: string;
  /** A temp folder the test may use for the remote folders (same machine, so also local paths). */
  readonly dir: string;
  stop(): Promise<void>;
}

function keygen(path: string): void {
  const r = spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "concord-test", "-f", path]);
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.error?.message ?? r.stderr.toString()}`);
}

function fingerprint(publicKeyPath: string): string {
  const r = spawnSync("ssh-keygen", ["-l", "-E", "sha256", "-f", publicKeyPath]);
  const m = /SHA256:[A-Za-z0-9+/]+/.exec(r.stdout.toString());
  if (!m) throw new Error(`ssh-keygen -l printed no fingerprint: ${r.stderr.toString()}`);
  return m[0];
}

function writeConfig(dir: string, port: number): string {
  const path = join(dir, "sshd_config");
  writeFileSync(
    path,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${join(dir, "host_ed25519")}`,
      `AuthorizedKeysFile ${join(dir, "authorized_keys")}`,
      `PidFile ${join(dir, "sshd.pid")}`,
      "PubkeyAuthentication yes",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      // The test runs as whoever runs it; in CI and here that is root.
      "PermitRootLogin prohibit-password",
      // The temp folder is world-readable; StrictModes would refuse its authorized_keys.
      "StrictModes no",
      "UsePAM no",
      "Subsystem sftp internal-sftp",
      "LogLevel INFO",
      "",
    ].join("\n"),
  );
  return path;
}

/**
 * Why sshd cannot run here, or undefined when it can. Synchronous so a suite can decide to skip at
 * collection time. Validates a real configuration with `sshd -t`; as root it creates the privilege
 * separation folder /run/sshd that the openssh-server package's service unit normally creates.
 */
export function sshdUnavailable(): string | undefined {
  if (!existsSync(SSHD)) return `${SSHD} is not installed (apt-get install openssh-server)`;
  if (spawnSync("ssh-keygen", ["-?"]).error) return "ssh-keygen is not installed (apt-get install openssh-client)";
  const dir = mkdtempSync(join(tmpdir(), "concord-sshd-probe-"));
  try {
    keygen(join(dir, "host_ed25519"));
    const config = writeConfig(dir, 22_222);
    let r = spawnSync(SSHD, ["-t", "-f", config]);
    const out = () => `${r.stderr.toString()}${r.stdout.toString()}`.trim();
    if (r.status !== 0 && /privilege separation directory/i.test(out()) && process.getuid?.() === 0) {
      mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
      r = spawnSync(SSHD, ["-t", "-f", config]);
    }
    if (r.status !== 0) return `sshd -t rejects the test configuration: ${out()}`;
    return undefined;
  } catch (e) {
    return `cannot prepare sshd: ${(e as Error).message}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts `sshd -D -e` on a free loopback port with fresh host and client keys; stop() kills it and removes the folder. */
export async function startSshd(): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), "concord-sshd-"));
  keygen(join(dir, "host_ed25519"));
  keygen(join(dir, "client_ed25519"));
  writeFileSync(join(dir, "authorized_keys"), readFileSync(join(dir, "client_ed25519.pub")));
  const port = await freePort();
  const config = writeConfig(dir, port);
  const child: ChildProcess = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  try {
    await waitUntilListening(child, () => log);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    host: "127.0.0.1",
    port,
    username: userInfo().username,
    privateKey: readFileSync(join(dir, "client_ed25519"), "utf8"),
    hostKeyFingerprint: fingerprint(join(dir, "host_ed25519.pub")),
    dir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An OpenSSH private key that no test server authorises: for the refused-key case. */
export function unauthorizedClientKey(): string {
  const dir = mkdtempSync(join(tmpdir(), "concord-key-"));
  try {
    keygen(join(dir, "other_ed25519"));
    return readFileSync(join(dir, "other_ed25519"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Resolves on sshd's "Server listening on" line; rejects (and kills it) on exit or after 10 s. */
function waitUntilListening(child: ChildProcess, log: () => string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timeout);
      child.off("exit", onExit);
      child.off("error", done);
      child.stderr?.off("data", onData);
      if (error) {
        child.kill("SIGTERM");
        reject(error);
      } else resolve();
    };
    const onExit = (code: number | null) => done(new Error(`sshd exited with ${code}:\n${log()}`));
    const onData = () => {
      if (log().includes("Server listening on")) done();
    };
    const timeout = setTimeout(() => done(new Error(`sshd did not start within 10 s:\n${log()}`)), 10_000);
    child.on("exit", onExit);
    child.on("error", done);
    child.stderr?.on("data", onData);
  });
}
