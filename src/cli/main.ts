import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CSV_KINDS, type CsvKind } from "../connectors/csv/index.js";
import { UOMS, type Uom } from "../model/index.js";
import type { HubConfigInput } from "../server/index.js";
import { auditVerifyCommand, parseAnchor } from "./audit-command.js";
import { newKeyCommand } from "./auth-command.js";
import { decodeCommand } from "./decode-command.js";
import { type ExportFormat, type ExportKind, exportCommand } from "./export-command.js";
import { importCommand } from "./import-command.js";
import { keysCommand } from "./keys-command.js";
import { listMappings, testMapping } from "./mapping-command.js";
import { parseSystemSpec, reconcileCommand, sandboxSystems } from "./reconcile-command.js";
import { SCREENING_USAGE, screeningCommand } from "./screening-command.js";
import { startCommand } from "./start-command.js";

const USAGE = `usage: concord <command> [options]

commands:
  start     run the hub (API + dispatcher)
            --sandbox            also run the reference CLM, procurement, ERP and analytics systems
            --store <url>        memory: | pglite:<folder> | postgres://…  (default pglite:./data, env CONCORD_STORE_URL)
            --port <n>           hub port (default 8080, env CONCORD_PORT); the sandbox uses port+101..104
            --host <h>           bind address (default 127.0.0.1)
            --seed <n>           sandbox dataset seed (default: the sandbox's own, so the README tour matches)
            --config <file.json> hub configuration (partners, bus, targets, retry, dispatcher…; see
                                 docs/configuration.md); the flags above win over it
  api       run only the HTTP API and intake (scaled out; needs --store postgres://…)
  worker    run only the delivery side: dispatcher, partner folders/SFTP, the bus (scaled out;
            needs --store postgres://…); --port serves its /healthz (default 0 = a free port)
            Both take --store, --port, --host and --config like start; any number of each may
            share one PostgreSQL (work is claimed with SKIP LOCKED, wake-ups by LISTEN/NOTIFY)
  import <file> [--from <system>] [--kind supplier|item|contract-price] [--report <file>]
            send a file to the running hub and print what happened: an X12 interchange or a cXML
            document (the sender is named inside it; its acknowledgment is saved beside the file),
            or a CSV batch file of suppliers, items or contract prices from --from (streamed,
            with a progress bar; rejected rows go to <file>.errors.csv). Exit 1 if anything was rejected.
  export <suppliers|items|contract-prices> [--format csv|fhir|x12] [--partner <system>] [--out <file>]
            stream a bulk export from the hub (csv by default; fhir bundles for suppliers and
            items; an X12 845 interchange of the contracts in a partner's ids)
            import and export reach the hub at --hub <url> (default env CONCORD_HUB_URL or
            http://127.0.0.1:8080) with the API key --api-key <key> (default env CONCORD_API_KEY)
  audit verify [--store <url>] [--from-seq <n>] [--anchor <seq>:<hash>]
            check the hash-chained audit log; names every edited, removed or re-ordered record
            (exit 1). An embedded store (pglite:) must not be in use by a running hub
  auth new-key --client <id>
            a new API key (or OAuth2 client secret) for a client, and the sha256: form to put
            in auth.clients of the configuration; Concord never stores the plain key
  keys rotate --config <file.json> [--store <url>] [--batch-size <n>]
            re-encrypt every stored supplier tax id and bank account under the configured
            encryption.activeKeyId (the old keys still listed), a batch per transaction; prints
            counts; exit 1 if values under unconfigured keys or unreadable ones remain (listed)
  decode <file> [--uom CODE=unit ...]
            a partner's X12, cXML or CSV file through Concord's codec offline: the canonical
            documents, warnings and positioned errors (exit 1 on errors); --uom gives the
            partner's own unit codes as its configuration would
  reconcile [--store <url>] [--system <name>=[<kind>:]<url> ...] [--heal] [--drift <file>]
            [--types supplier,item,contract,contract-price] [--master-targets <system,...>]
            compare every system's exports (clm, procurement, erp) with Concord's canonical
            records, streamed; a summary per system and entity type, every finding in the drift
            file (NDJSON, default drift-<time>.ndjson); --heal writes repair events to the outbox.
            Without --system: the sandbox systems of \`concord start --sandbox\` on --port (8080).
            Exit 1 when anything drifted. An embedded store (pglite:) must not be in use by a hub
  mapping list
            the declarative mappings, with version and direction
  mapping test <name> <sample.json> [--xrefs <xrefs.json>]
            run a mapping on a sample document offline; print the result and every issue
            (exit 1 when there are issues)
${SCREENING_USAGE}`;

class UsageError extends Error {}

/** The CLI reads the environment and arguments once and passes plain options down. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      return start(rest);
    case "api":
      return start(rest, { api: true, worker: false });
    case "worker":
      return start(rest, { api: false, worker: true });
    case "mapping":
      return mapping(rest);
    case "audit":
      return audit(rest);
    case "decode":
      return decode(rest);
    case "auth": {
      const { positionals, values } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { client: { type: "string" } },
      });
      if (positionals[0] !== "new-key" || !values.client)
        throw new UsageError("usage: concord auth new-key --client <id>");
      return newKeyCommand(values.client, process.stdout);
    }
    case "keys":
      process.exitCode = await keysCommand(rest, {
        out: process.stdout,
        defaultStoreUrl: process.env.CONCORD_STORE_URL ?? "pglite:./data",
        readConfig,
      });
      return;
    case "import":
      return importFile(rest);
    case "screening":
      process.exitCode = await screeningCommand(rest);
      return;
    case "reconcile":
      return reconcileRun(rest);
    case "export":
      return exportData(rest);
    case undefined:
    case "help":
    case "--help":
      process.stdout.write(USAGE);
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

const hubUrl = (flag: string | undefined) => flag ?? process.env.CONCORD_HUB_URL ?? "http://127.0.0.1:8080";
/** The hub and the key to call it with; a flag wins over the environment. */
const hubConnection = (values: { hub?: string | undefined; "api-key"?: string | undefined }) => {
  const apiKey = values["api-key"] ?? process.env.CONCORD_API_KEY;
  return { hubUrl: hubUrl(values.hub), ...(apiKey ? { apiKey } : {}) };
};

async function importFile(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      from: { type: "string" },
      kind: { type: "string" },
      report: { type: "string" },
      hub: { type: "string" },
      "api-key": { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError("import takes one file");
  if (values.kind !== undefined && !CSV_KINDS.includes(values.kind as CsvKind)) {
    throw new UsageError(`--kind must be one of ${CSV_KINDS.join(", ")}`);
  }
  const clean = await importCommand({
    file: positionals[0]!,
    ...hubConnection(values),
    out: process.stdout,
    ...(values.from ? { from: values.from } : {}),
    ...(values.kind ? { kind: values.kind as CsvKind } : {}),
    ...(values.report ? { reportPath: values.report } : {}),
  });
  if (!clean) process.exitCode = 1;
}

async function exportData(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: "string", default: "csv" },
      partner: { type: "string" },
      out: { type: "string" },
      hub: { type: "string" },
      "api-key": { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  const [kind] = positionals;
  if (positionals.length !== 1 || !["suppliers", "items", "contract-prices"].includes(kind!)) {
    throw new UsageError("export takes one of suppliers, items, contract-prices");
  }
  if (!["csv", "fhir", "x12"].includes(values.format!)) throw new UsageError("--format must be csv, fhir or x12");
  await exportCommand({
    kind: kind as ExportKind,
    format: values.format as ExportFormat,
    ...hubConnection(values),
    stdout: process.stdout,
    log: process.stderr,
    ...(values.partner ? { partner: values.partner } : {}),
    ...(values.out ? { outPath: values.out } : {}),
  });
}

async function reconcileRun(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      store: { type: "string" },
      system: { type: "string", multiple: true },
      port: { type: "string" },
      heal: { type: "boolean", default: false },
      drift: { type: "string" },
      types: { type: "string" },
      "master-targets": { type: "string" },
    },
    strict: true,
  });
  const types = values.types?.split(",").map((t) => t.trim());
  const known = ["supplier", "item", "contract", "contract-price"];
  if (types?.some((t) => !known.includes(t))) throw new UsageError(`--types takes ${known.join(", ")}`);
  const port = Number(values.port ?? process.env.CONCORD_PORT ?? "8080");
  if (!Number.isInteger(port) || port < 1 || port > 65_430) throw new UsageError("--port is not a hub port");
  const clean = await reconcileCommand({
    storeUrl: values.store ?? process.env.CONCORD_STORE_URL ?? "pglite:./data",
    systems: values.system?.length ? values.system.map(parseSystemSpec) : sandboxSystems(port),
    driftPath: values.drift ?? `drift-${new Date().toISOString().replace(/[:.]/g, "-")}.ndjson`,
    heal: values.heal === true,
    ...(types ? { entityTypes: types as ("supplier" | "item" | "contract" | "contract-price")[] } : {}),
    ...(values["master-targets"] ? { masterDataTargets: values["master-targets"].split(",") } : {}),
    out: process.stdout,
    progress: process.stderr,
  });
  if (!clean) process.exitCode = 1;
}

async function decode(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { uom: { type: "string", multiple: true } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError("decode takes one file");
  const uomCodes: Record<string, Uom> = {};
  for (const pair of values.uom ?? []) {
    const m = /^([A-Za-z0-9]{1,3})=([a-z]+)$/.exec(pair);
    if (!m || !UOMS.includes(m[2] as Uom)) {
      throw new UsageError(`--uom "${pair}" is not CODE=unit with a unit of ${UOMS.join(", ")}`);
    }
    uomCodes[m[1]!.toUpperCase()] = m[2] as Uom;
  }
  const { report, clean } = await decodeCommand({ file: positionals[0]!, uomCodes });
  process.stdout.write(report);
  if (!clean) process.exitCode = 1;
}

async function audit(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { store: { type: "string" }, "from-seq": { type: "string" }, anchor: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || positionals[0] !== "verify") throw new UsageError("audit takes `verify`");
  const fromSeq = values["from-seq"];
  if (fromSeq !== undefined && !/^\d+$/.test(fromSeq))
    throw new UsageError(`--from-seq "${fromSeq}" is not a whole number`);
  process.exitCode = await auditVerifyCommand({
    storeUrl: values.store ?? process.env.CONCORD_STORE_URL ?? "pglite:./data",
    out: process.stdout,
    ...(fromSeq === undefined ? {} : { fromSeq: Number(fromSeq) }),
    ...(values.anchor ? { anchor: parseAnchor(values.anchor) } : {}),
  });
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

async function start(args: string[], roles?: { api: boolean; worker: boolean }): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      sandbox: { type: "boolean", default: false },
      store: { type: "string" },
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      config: { type: "string" },
    },
    strict: true,
  });
  if (roles && values.sandbox) throw new UsageError("--sandbox runs with `concord start`, not with api or worker");
  const rawPort = values.port ?? process.env.CONCORD_PORT ?? (roles && !roles.api ? "0" : "8080");
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
    ...(values.config || roles
      ? { config: { ...(values.config ? await readConfig(values.config) : {}), ...(roles ? { roles } : {}) } }
      : {}),
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

async function readConfig(path: string): Promise<HubConfigInput> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new Error(`cannot read the configuration ${path}: ${(e as Error).message}`);
  }
  try {
    const config = JSON.parse(text) as unknown;
    if (!config || typeof config !== "object" || Array.isArray(config)) throw new Error("it must hold a JSON object");
    return config as HubConfigInput;
  } catch (e) {
    throw new Error(`the configuration ${path} is not usable: ${(e as Error).message}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`concord: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof UsageError) console.error("run `concord help` for the commands");
  process.exit(e instanceof UsageError ? 2 : 1);
});
