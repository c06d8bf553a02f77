import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { type AppOptions, createApp } from "../shared/app.js";
import { firstError } from "../shared/validate.js";
import {
  ack997Body,
  type PriceAuthorizationContent,
  readAck,
  readPriceAuthorization,
  type SetVerdict,
  unknownItemErrors,
} from "./edi.js";
import { type InvoiceAdviceContent, readInvoiceAdvice } from "./invoice-advices.js";
import {
  acknowledgment855Body,
  answerLine,
  type LineAnswer,
  type PurchaseOrderContent,
  readPurchaseOrder,
} from "./purchase-orders.js";
import { type RemittanceContent, readRemittance } from "./remittances.js";
import { type Interchange, readInterchange, writeInterchange } from "./x12.js";

const PREFIX = "/distributor/api";
/** Concord's name for the distributor (partners[].system) and its X12 interchange id. */
export const DISTRIBUTOR_SYSTEM = "distributor";
export const DISTRIBUTOR_X12_ID = { qualifier: "ZZ", id: "DISTRIB" } as const;

export interface DistributorServerOptions extends AppOptions {
  /** The folder shared with the hub: the distributor reads `outbound/`, writes `inbound/`. */
  root: string;
  /** How often `outbound/` is scanned, once the app is ready. Default 250 ms. */
  pollMs?: number;
  /** Its own interchange id (ISA05/06 of its 997s). Default ZZ:DISTRIB. */
  interchangeId?: { qualifier: string; id: string };
  /**
   * ISA13 of its first 997 when `<root>/.distributor-control` does not exist yet; the last number
   * used is kept in that file, so a restart on the same root never reuses one. Default: seconds
   * since 2025-01-01, so even a fresh root does not collide with a hub that remembers an old run.
   */
  firstControlNumber?: number;
  /** Keep taken files in `outbound/.taken/` (default) or delete them once read. */
  keepTaken?: boolean;
  now?: () => Date;
}

export type AckStatus = "accepted" | "rejected" | "unanswered";

export interface ReceivedPriceAuthorization extends PriceAuthorizationContent {
  /** From the file name `845-<number>-v<version>-<control>.x12`; null if the name has none. */
  version: number | null;
  fileName: string;
  interchangeControl: string;
  groupControl: string;
  setControl: string;
  receivedAt: string;
  /** accepted (997 AK5*A), rejected (AK5*R; not loaded), unanswered (the `silent` fault). */
  status: AckStatus;
  /** ISA13 of the 997 that answered it. */
  ackControl: string | null;
  /** The hub sent this interchange (same ISA13, contract and version) before: a resend, answered again. */
  resent: boolean;
}

/** One 824 taken: what accounts payable decided about one of the distributor's invoices. */
export interface ReceivedInvoiceAdvice extends InvoiceAdviceContent {
  fileName: string;
  interchangeControl: string;
  receivedAt: string;
}

/** One 820 taken: a payment the hub says accounts payable made, and the invoices it settles. */
export interface ReceivedRemittance extends RemittanceContent {
  fileName: string;
  interchangeControl: string;
  receivedAt: string;
}

/** One 850 taken, with the distributor's answer per line and the 855 that carried it. */
export interface ReceivedPurchaseOrder extends PurchaseOrderContent {
  fileName: string;
  interchangeControl: string;
  groupControl: string;
  receivedAt: string;
  /** Of the 850's 997: accepted, or unanswered (the `silent` fault: no 997, no 855). */
  status: AckStatus;
  ackControl: string | null;
  /** Per line, in order: accept, backorder, reprice or reject (purchase-orders.ts says which and why). */
  answers: LineAnswer[];
  /** ISA13 and file of the 855; null until sent, and for a resent 850 (answered by the first 855). */
  confirmation: { control: string; fileName: string; sentAt: string } | null;
  /** The same PO number was taken before: acknowledged again, not ordered twice. */
  resent: boolean;
}

export interface SentAck {
  control: string;
  fileName: string;
  /** AK9 status: A, P or R. */
  status: string;
  inReplyTo: { fileName: string; interchangeControl: string; groups: string[] };
  errors: string[];
  sentAt: string;
}

export interface ReceivedAck {
  fileName: string;
  interchangeControl: string;
  sender: string;
  acknowledges: { functionalId: string; group: string; status: string }[];
  /** Whether every group it acknowledges is one of the distributor's own 997s. */
  matchesSent: boolean;
  receivedAt: string;
}

export interface FileProblem {
  fileName: string;
  message: string;
  at: string;
}

export const DistributorFaultSchema = Type.Object(
  {
    /** Answer the next n 845s with a rejecting 997 (AK3/AK4 on the first LIN, AK5*R*5, AK9*R). */
    rejectNext: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000 }), Type.Null()])),
    /** Take files but send no 997 (exercises the hub's acknowledgment timeout). */
    silent: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
    /** 845s naming these item numbers are rejected with an unknown-item AK3/AK4 on their LIN. */
    rejectItems: Type.Optional(Type.Union([Type.Array(Type.String({ minLength: 1 })), Type.Null()])),
    /** The 855's answer for listed item numbers (850 PO1), instead of the rule in purchase-orders.ts. */
    orderLines: Type.Optional(
      Type.Union([
        Type.Record(
          Type.String({ minLength: 1 }),
          Type.Union([
            Type.Literal("accept"),
            Type.Literal("backorder"),
            Type.Literal("reprice"),
            Type.Literal("reject"),
          ]),
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type DistributorFaults = Static<typeof DistributorFaultSchema>;

export interface DistributorHandle {
  readonly root: string;
  readonly folders: { inbound: string; outbound: string; taken: string };
  /** Every 845 taken, in arrival order (rejected and unanswered ones too). */
  readonly authorizations: ReceivedPriceAuthorization[];
  /** The latest version not rejected, per contract. */
  latest(contractNumber: string): ReceivedPriceAuthorization | undefined;
  /** Every 850 taken, in arrival order, with the 855 that answered it. */
  readonly orders: ReceivedPurchaseOrder[];
  /** Every 824 taken (the hub's invoice decisions), in arrival order. */
  readonly invoiceAdvices: ReceivedInvoiceAdvice[];
  /** Every 820 taken (payments of its invoices), in arrival order. */
  readonly remittances: ReceivedRemittance[];
  readonly acknowledgments: { sent: SentAck[]; received: ReceivedAck[] };
  /** Files it could not read (bad envelope, not addressed to it) and folder errors. */
  readonly problems: FileProblem[];
  readonly faults: { readonly config: DistributorFaults; readonly injected: { rejected: number; silenced: number } };
  /** Scans `outbound/` once now (also what the poller runs). */
  scan(): Promise<void>;
}

export type DistributorServer = FastifyInstance & { sandbox: DistributorHandle };

const VERSION_IN_NAME = /-v(\d+)-\d+\.x12$/i;
const ACK_NAME = /^ack-.*\.x12$/i;
const incomplete = (name: string) => name.startsWith(".") || /\.(tmp|part|filepart)$/i.test(name);
const CONTROL_FILE = ".distributor-control";
const EPOCH_2025 = Date.UTC(2025, 0, 1);

/**
 * A distributor that trades X12 with the hub through a watched folder: it takes each 845 the hub
 * writes to `outbound/`, loads the price authorization and answers with a 997 in `inbound/`; each
 * 850 it accepts with a 997, then confirms with an 855 (lines accepted, back-ordered or re-priced
 * by the rule in purchase-orders.ts); each 824 (an invoice decision) and 820 (a payment) it records
 * and accepts with a 997; the hub's own 997s (`ack-*.x12`) are recorded, never answered.
 */
export function createDistributorServer(opts: DistributorServerOptions): DistributorServer {
  const app = createApp(opts);
  const now = opts.now ?? (() => new Date());
  const me = opts.interchangeId ?? DISTRIBUTOR_X12_ID;
  const folders = {
    inbound: join(opts.root, "inbound"),
    outbound: join(opts.root, "outbound"),
    taken: join(opts.root, "outbound", ".taken"),
  };
  const authorizations: ReceivedPriceAuthorization[] = [];
  const orders: ReceivedPurchaseOrder[] = [];
  const invoiceAdvices: ReceivedInvoiceAdvice[] = [];
  const remittances: ReceivedRemittance[] = [];
  const acknowledgments = { sent: [] as SentAck[], received: [] as ReceivedAck[] };
  const problems: FileProblem[] = [];
  let config: DistributorFaults = {};
  const injected = { rejected: 0, silenced: 0 };

  const latest = (contractNumber: string) =>
    authorizations.findLast((a) => a.contractNumber === contractNumber && a.status !== "rejected");

  let prepared: Promise<void> | undefined;
  let control = 0;
  const prepare = () =>
    (prepared ??= (async () => {
      await Promise.all(Object.values(folders).map((f) => mkdir(f, { recursive: true })));
      const saved = Number(await readFile(join(opts.root, CONTROL_FILE), "utf8").catch(() => "NaN"));
      control = Number.isInteger(saved)
        ? saved
        : Math.max(1, opts.firstControlNumber ?? Math.floor((Date.now() - EPOCH_2025) / 1000) % 900_000_000) - 1;
    })());
  const nextControl = async () => {
    control = (control % 999_999_999) + 1;
    await writeFile(join(opts.root, CONTROL_FILE), String(control));
    return control;
  };

  /** A temp dot-name in inbound/, then a rename: the hub never sees half a file. */
  const put = async (name: string, body: string) => {
    const temp = join(folders.inbound, `.${name}.tmp`);
    await writeFile(temp, body);
    await rename(temp, join(folders.inbound, name));
  };

  /** The 855 answering an accepted 850, in its own interchange (GS01 PR), after the 997. */
  const send855 = async (ic: Interchange, order: ReceivedPurchaseOrder) => {
    const n = await nextControl();
    const at = now();
    const isa13 = String(n).padStart(9, "0");
    const body = writeInterchange(
      {
        sender: me,
        receiver: ic.sender,
        control: n,
        at,
        usage: ic.usage,
        separators: ic.separators,
        functionalId: "PR",
        setId: "855",
      },
      [acknowledgment855Body(order, order.answers, `ACK-${isa13}`, at.toISOString().slice(0, 10))],
    );
    const fileName = `855-${isa13}.x12`;
    await put(fileName, body);
    order.confirmation = { control: isa13, fileName, sentAt: at.toISOString() };
  };

  const send997 = async (ic: Interchange, fileName: string, verdicts: Map<string, SetVerdict[]>) => {
    const n = await nextControl();
    const at = now();
    const body = writeInterchange(
      {
        sender: me,
        receiver: ic.sender,
        control: n,
        at,
        usage: ic.usage,
        separators: ic.separators,
        functionalId: "FA",
        setId: "997",
      },
      ic.groups.map((g) => ack997Body(g, verdicts.get(g.control) ?? [])),
    );
    const isa13 = String(n).padStart(9, "0");
    const name = `997-${isa13}.x12`;
    await put(name, body);
    const all = [...verdicts.values()].flat();
    const accepted = all.filter((v) => v.errors.length === 0 && !v.rejectCode).length;
    acknowledgments.sent.push({
      control: isa13,
      fileName: name,
      status: accepted === all.length ? "A" : accepted === 0 ? "R" : "P",
      inReplyTo: { fileName, interchangeControl: ic.control, groups: ic.groups.map((g) => g.control) },
      errors: all.flatMap((v) => v.errors.map((e) => e.message)),
      sentAt: at.toISOString(),
    });
    return isa13;
  };

  const takeInterchange = async (fileName: string, raw: string) => {
    const ic = readInterchange(raw);
    if (ic.receiver.qualifier !== me.qualifier || ic.receiver.id !== me.id)
      throw new Error(`addressed to ${ic.receiver.qualifier}:${ic.receiver.id}, not ${me.qualifier}:${me.id}`);
    const receivedAt = now().toISOString();
    if (ACK_NAME.test(fileName) || ic.groups.every((g) => g.functionalId === "FA")) {
      const acknowledges = ic.groups.flatMap(readAck);
      const ours = new Set(
        [...acknowledgments.sent.map((s) => s.control), ...orders.flatMap((o) => o.confirmation?.control ?? [])].map(
          (c) => String(Number(c)),
        ),
      );
      acknowledgments.received.push({
        fileName,
        interchangeControl: ic.control,
        sender: `${ic.sender.qualifier}:${ic.sender.id}`,
        acknowledges,
        matchesSent: acknowledges.length > 0 && acknowledges.every((a) => ours.has(String(Number(a.group)))),
        receivedAt,
      });
      return;
    }
    const version = VERSION_IN_NAME.exec(fileName);
    const verdicts = new Map<string, SetVerdict[]>();
    const loaded: ReceivedPriceAuthorization[] = [];
    const ordered: ReceivedPurchaseOrder[] = [];
    const silent = config.silent === true;
    for (const group of ic.groups) {
      const list: SetVerdict[] = [];
      verdicts.set(group.control, list);
      for (const set of group.sets) {
        if (set.id === "850") {
          const { content, errors } = readPurchaseOrder(set, ic.separators);
          list.push({ set, errors });
          if (content)
            ordered.push({
              ...content,
              fileName,
              interchangeControl: ic.control,
              groupControl: group.control,
              receivedAt,
              status: silent ? "unanswered" : "accepted",
              ackControl: null,
              answers: content.lines.map((l) => answerLine(l, content.orderDate, config.orderLines ?? {})),
              confirmation: null,
              resent: orders.some((o) => o.poNumber === content.poNumber && o.status === "accepted"),
            });
          continue;
        }
        if (set.id === "820") {
          const { content, errors } = readRemittance(set);
          list.push({ set, errors });
          if (content) remittances.push({ ...content, fileName, interchangeControl: ic.control, receivedAt });
          continue;
        }
        if (set.id === "824") {
          const { content, errors } = readInvoiceAdvice(set);
          list.push({ set, errors });
          if (content) invoiceAdvices.push({ ...content, fileName, interchangeControl: ic.control, receivedAt });
          continue;
        }
        if (set.id !== "845") {
          list.push({ set, errors: [], rejectCode: "1" });
          continue;
        }
        const { content, errors } = readPriceAuthorization(set, ic.separators);
        if (content && !silent) {
          const listed = config.rejectItems?.length ? unknownItemErrors(set, new Set(config.rejectItems)) : [];
          if (listed.length > 0) {
            errors.push(...listed);
            injected.rejected++;
          } else if (config.rejectNext) {
            config = { ...config, rejectNext: config.rejectNext - 1 };
            injected.rejected++;
            const first = unknownItemErrors(set, "first");
            errors.push(
              ...(first.length > 0
                ? first
                : [{ segmentId: "BPA", position: 2, code: "8", elements: [], message: "rejected (rejectNext fault)" }]),
            );
          }
        }
        list.push({ set, errors });
        if (content)
          loaded.push({
            ...content,
            version: version ? Number(version[1]) : null,
            fileName,
            interchangeControl: ic.control,
            groupControl: group.control,
            setControl: set.control,
            receivedAt,
            status: silent ? "unanswered" : errors.length > 0 ? "rejected" : "accepted",
            ackControl: null,
            resent: authorizations.some(
              (a) =>
                a.interchangeControl === ic.control &&
                a.contractNumber === content.contractNumber &&
                a.version === (version ? Number(version[1]) : null),
            ),
          });
      }
    }
    authorizations.push(...loaded);
    orders.push(...ordered);
    if (silent) {
      injected.silenced++;
      return;
    }
    const isa13 = await send997(ic, fileName, verdicts);
    for (const a of loaded) a.ackControl = isa13;
    for (const o of ordered) {
      o.ackControl = isa13;
      if (!o.resent) await send855(ic, o);
    }
  };

  const takeFile = async (name: string) => {
    const taken = join(folders.taken, name);
    const claim = () => rename(join(folders.outbound, name), taken);
    try {
      // The rename is the claim: a file is processed once even if two scans overlap.
      await claim().catch(async (e: NodeJS.ErrnoException) => {
        // A resend of a name taken before, where rename does not replace (Windows): drop the old copy.
        if (e.code !== "EEXIST" && e.code !== "EPERM") throw e;
        await unlink(taken).catch(() => undefined);
        await claim();
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
      throw e;
    }
    try {
      await takeInterchange(name, await readFile(taken, "utf8"));
    } catch (e) {
      problems.push({ fileName: name, message: (e as Error).message, at: now().toISOString() });
    }
    if (opts.keepTaken === false) await unlink(taken).catch(() => undefined);
  };

  let scanning: Promise<void> = Promise.resolve();
  const scan = () => {
    scanning = scanning.then(async () => {
      try {
        await prepare();
        const entries = await readdir(folders.outbound, { withFileTypes: true });
        const names = entries
          .filter((e) => e.isFile() && !incomplete(e.name) && /\.x12$/i.test(e.name))
          .map((e) => e.name)
          .sort();
        for (const name of names) await takeFile(name);
      } catch (e) {
        problems.push({ fileName: "", message: `folder error: ${(e as Error).message}`, at: now().toISOString() });
      }
    });
    return scanning;
  };

  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const pollMs = opts.pollMs ?? 250;
  const tick = () => {
    timer = setTimeout(() => {
      void scan().then(() => {
        if (!closed) tick();
      });
    }, pollMs);
    timer.unref();
  };
  app.addHook("onReady", async () => {
    await prepare();
    if (!closed) tick();
  });
  app.addHook("onClose", async () => {
    closed = true;
    clearTimeout(timer);
    await scanning;
  });

  app.setErrorHandler((e: { statusCode?: number; message: string }, _req, reply) => {
    const status = e.statusCode && e.statusCode < 500 ? e.statusCode : 500;
    return reply
      .code(status)
      .send({ error: status === 400 ? "malformed_request" : "internal_error", message: e.message });
  });

  app.get(`${PREFIX}/price-authorizations`, async () => {
    const numbers = [...new Set(authorizations.map((a) => a.contractNumber))].sort();
    return numbers.flatMap((n) => latest(n) ?? []);
  });
  app.get<{ Params: { contractNumber: string } }>(
    `${PREFIX}/price-authorizations/:contractNumber`,
    async (request, reply) => {
      const list = authorizations.filter((a) => a.contractNumber === request.params.contractNumber);
      if (list.length === 0)
        return reply.code(404).send({ error: "not_found", contractNumber: request.params.contractNumber });
      return list;
    },
  );
  app.get(`${PREFIX}/purchase-orders`, async () => orders);
  app.get<{ Params: { poNumber: string } }>(`${PREFIX}/purchase-orders/:poNumber`, async (request, reply) => {
    const list = orders.filter((o) => o.poNumber === request.params.poNumber);
    if (list.length === 0) return reply.code(404).send({ error: "not_found", poNumber: request.params.poNumber });
    return list;
  });
  app.get(`${PREFIX}/invoice-advices`, async () => invoiceAdvices);
  app.get(`${PREFIX}/remittances`, async () => remittances);
  app.get(`${PREFIX}/acknowledgments`, async () => acknowledgments);
  app.get(`${PREFIX}/problems`, async () => problems);

  const faultsPath = "/distributor/_faults";
  app.get(faultsPath, async () => ({ ...config, injected }));
  app.put(faultsPath, async (request, reply) => {
    const body = request.body ?? {};
    const err = firstError(DistributorFaultSchema, body);
    if (err) return reply.code(400).send({ error: "invalid_faults", ...err });
    const merged: Record<string, unknown> = { ...config, ...(body as DistributorFaults) };
    for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
    config = merged as DistributorFaults;
    return { ...config, injected };
  });
  app.delete(faultsPath, async () => {
    config = {};
    return { ...config, injected };
  });

  const handle: DistributorHandle = {
    root: opts.root,
    folders,
    authorizations,
    latest,
    orders,
    invoiceAdvices,
    remittances,
    acknowledgments,
    problems,
    faults: {
      get config() {
        return config;
      },
      injected,
    },
    scan,
  };
  return Object.assign(app, { sandbox: handle });
}
