import { parseArgs } from "node:util";
import { listMappings, testMapping } from "./mapping-command.js";
import { startCommand } from "./start-command.js";

const USAGE = `usage: concord <command> [options]

commands:
  start     run the hub (API + dispatcher)
            --sandbox            also run the reference CLM, procurement, ERP and analytics systems
            --store <url>        memory: | pglite:<folder> | postgres://…  (default pglite:./data, env CONCORD_STORE_URL)
            --port <n>           hub port (default 8080, env CONCORD_PORT); the sandbox uses port+101..104
            --host <h>           bind address (default 127.0.0.1)
            --seed <n>           sandbox dataset seed (default: the sandbox's own, so the README tour matches)
  mapping list
            the declarative mappings, with version and direction
  mapping test <name> <sample.json> [--xrefs <xrefs.json>]
            run a mapping on a sample document offline; print the result and every issue
            (exit 1 when there are issues)
`;

class UsageError extends Error {}

/** The CLI reads the environment and arguments once and passes plain options down. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      return start(rest);
    case "mapping":
      return mapping(rest);
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function mapping(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { xrefs: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  const [verb, name, sample] = positionals;
  if (verb === "list" && positionals.length === 1) {
    process.stdout.write(listMappings());
    return;
  }
  if (verb === "test" && name && sample && positionals.length === 3) {
    const { report, clean } = await testMapping({
      name,
      samplePath: sample,
      ...(values.xrefs ? { xrefsPath: values.xrefs } : {}),
    });
    process.stdout.write(report);
    if (!clean) process.exitCode = 1;
    return;
  }
  throw new UsageError("mapping takes `list` or `test <name> <sample.json> [--xrefs <file>]`");
}

async function start(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sandbox: { type: "boolean", default: false },
      store: { type: "string" },
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
    },
    strict: true,
  });
  const rawPort = values.port ?? process.env.CONCORD_PORT ?? "8080";
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65_535) {
    throw new Error(`port "${rawPort}" (from ${values.port ? "--port" : "CONCORD_PORT"}) is not a port number`);
  }
  if (values.seed !== undefined && !/^\d+$/.test(values.seed))
    throw new Error(`--seed "${values.seed}" is not a whole number`);
  const stop = await startCommand({
    sandbox: values.sandbox === true,
    storeUrl: values.store ?? process.env.CONCORD_STORE_URL ?? "pglite:./data",
    host: values.host!,
    port,
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: draining deliveries and stopping…`);
    await stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`concord: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof UsageError) console.error("run `concord help` for the commands");
  process.exit(e instanceof UsageError ? 2 : 1);
});
