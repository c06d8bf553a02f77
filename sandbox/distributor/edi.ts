import type { FunctionalGroup, Segment, Separators, TransactionSet } from "./x12.js";

export type Action = "add" | "change" | "delete";

export interface AuthorizedMember {
  /** N1*EB id: the distributor's ship-to (`SHIP-003`). */
  shipTo: string;
  action: Action;
  tier: number | null;
  from: string | null;
  to: string | null;
}

export interface AuthorizedItem {
  /** PAD01. */
  line: number;
  /** The distributor's item number (LIN qualifier BP, else the first id given). */
  itemNumber: string;
  /** Every LIN qualifier → id. */
  ids: Record<string, string>;
  action: Action;
  /** CTP03 as written (a decimal string). */
  price: string;
  /** CTP05-01: an X12 DE355 code (EA, BX, CA…). */
  uom: string;
  description: string | null;
  from: string | null;
  to: string | null;
}

/** One 845 as the distributor loaded it. */
export interface PriceAuthorizationContent {
  contractNumber: string;
  /** BPA01 mapped: 00 add, 04/05 change, 01/03 delete. */
  action: Action;
  purposeCode: string;
  currency: string | null;
  /** N1*SU id before CON: the manufacturer (`MFR-00042`). */
  manufacturer: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  members: AuthorizedMember[];
  items: AuthorizedItem[];
}

/** An AK3 (segment in error) with its AK4s; `position` counts from ST = 1. */
export interface SegmentError {
  segmentId: string;
  position: number;
  /** AK304: 1 unrecognized, 3 mandatory segment missing, 8 segment has data element errors. */
  code: string;
  elements: { position: number; dataElement: string; code: string; badValue?: string }[];
  message: string;
}

const ACTION_BY_BPA01: Record<string, Action> = {
  "00": "add",
  "04": "change",
  "05": "change",
  "01": "delete",
  "03": "delete",
};
const ACTION_BY_LETTER: Record<string, Action> = { A: "add", C: "change", D: "delete" };
const isoDate = (v: string | undefined) =>
  v && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}` : null;

/** Reads an 845 the way a distributor's translator would; content problems come back as AK3/AK4s. */
export function readPriceAuthorization(
  set: TransactionSet,
  sep: Separators,
): { content: PriceAuthorizationContent | null; errors: SegmentError[] } {
  const errors: SegmentError[] = [];
  const missing = (segmentId: string, message: string) =>
    errors.push({ segmentId, position: set.segments.length, code: "3", elements: [], message });
  let purposeCode: string | undefined;
  let contractNumber: string | undefined;
  let currency: string | null = null;
  let manufacturer: string | null = null;
  let effectiveFrom: string | null = null;
  let expiresOn: string | null = null;
  let inContract = false;
  const members: AuthorizedMember[] = [];
  const items: (Omit<AuthorizedItem, "itemNumber" | "price" | "uom"> & {
    itemNumber?: string;
    price?: string;
    uom?: string;
    position: number;
  })[] = [];
  let member: AuthorizedMember | undefined;
  let item: (typeof items)[number] | undefined;
  set.segments.forEach((seg, i) => {
    const position = i + 1;
    const [id, e1, e2, e3, , e5] = seg;
    switch (id) {
      case "BPA":
        purposeCode = e1;
        break;
      case "CUR":
        currency = e2 ?? null;
        break;
      case "CON":
        inContract = true;
        contractNumber = e2;
        break;
      case "N1":
        member = undefined;
        if (!inContract && e1 === "SU") manufacturer = seg[4] ?? null;
        else if (inContract && e1 === "EB") {
          member = { shipTo: seg[4] ?? "", action: "add", tier: null, from: null, to: null };
          members.push(member);
        }
        break;
      case "REF":
        if (member && e1 === "TD") member.action = ACTION_BY_LETTER[e2 ?? ""] ?? "add";
        if (member && e1 === "ZZ" && e3 === "TIER") member.tier = Number(e2);
        break;
      case "DTM":
        if (member && e1 === "129") member.from = isoDate(e2);
        else if (member && e1 === "130") member.to = isoDate(e2);
        else if (item && (e1 === "131" || e1 === "007")) item.from = isoDate(e2);
        else if (item && e1 === "132") item.to = isoDate(e2);
        else if (!item && !member && e1 === "092") effectiveFrom = isoDate(e2);
        else if (!item && !member && e1 === "093") expiresOn = isoDate(e2);
        break;
      case "PAD":
        member = undefined;
        item = {
          line: Number(e1),
          ids: {},
          action: ACTION_BY_LETTER[e3 ?? ""] ?? "add",
          description: null,
          from: null,
          to: null,
          position,
        };
        items.push(item);
        break;
      case "PID":
        if (item && e5) item.description = e5;
        break;
      case "LIN":
        if (!item) break;
        for (let n = 2; n + 1 < seg.length; n += 2) if (seg[n] && seg[n + 1]) item.ids[seg[n]!] = seg[n + 1]!;
        item.itemNumber = item.ids.BP ?? Object.values(item.ids)[0];
        break;
      case "CTP":
        if (!item || item.price !== undefined) break;
        if (!/^\d+(\.\d+)?$/.test(e3 ?? ""))
          errors.push({
            segmentId: "CTP",
            position,
            code: "8",
            elements: [{ position: 3, dataElement: "212", code: "6", badValue: e3 ?? "" }],
            message: `PAD ${item.line}: price ${JSON.stringify(e3 ?? "")} is not a number`,
          });
        item.price = e3 ?? "";
        item.uom = (e5 ?? "").split(sep.component)[0]!;
        break;
    }
  });
  if (purposeCode === undefined) missing("BPA", "no BPA segment");
  if (!contractNumber) missing("CON", "no contract number (CON)");
  const action = ACTION_BY_BPA01[purposeCode ?? ""];
  if (purposeCode !== undefined && !action)
    errors.push({
      segmentId: "BPA",
      position: set.segments.findIndex((s) => s[0] === "BPA") + 1,
      code: "8",
      elements: [{ position: 1, dataElement: "353", code: "7", badValue: purposeCode }],
      message: `BPA01 ${purposeCode} is not a purpose the distributor handles`,
    });
  for (const it of items) {
    if (it.itemNumber === undefined)
      errors.push({
        segmentId: "PAD",
        position: it.position,
        code: "8",
        elements: [],
        message: `PAD ${it.line} names no item (LIN)`,
      });
    if (it.price === undefined)
      errors.push({
        segmentId: "PAD",
        position: it.position,
        code: "8",
        elements: [],
        message: `PAD ${it.line} has no CTP`,
      });
  }
  if (errors.length > 0 || !action || !contractNumber) return { content: null, errors };
  return {
    content: {
      contractNumber,
      action,
      purposeCode: purposeCode!,
      currency,
      manufacturer,
      effectiveFrom,
      expiresOn,
      members,
      items: items.map(({ position: _, ...it }) => ({
        ...it,
        itemNumber: it.itemNumber!,
        price: it.price!,
        uom: it.uom!,
      })),
    },
    errors,
  };
}

/** The LIN of each listed item, as the "unknown item" AK3/AK4 a distributor sends for it. */
export function unknownItemErrors(set: TransactionSet, itemNumbers: ReadonlySet<string> | "first"): SegmentError[] {
  const out: SegmentError[] = [];
  set.segments.forEach((seg, i) => {
    if (seg[0] !== "LIN") return;
    for (let n = 2; n + 1 < seg.length; n += 2) {
      const value = seg[n + 1];
      if (!value) continue;
      if (itemNumbers === "first" ? out.length > 0 : !itemNumbers.has(value)) continue;
      out.push({
        segmentId: "LIN",
        position: i + 1,
        code: "8",
        elements: [{ position: n + 1, dataElement: "234", code: "7", badValue: value }],
        message: `item ${value} is not in the distributor's catalog`,
      });
      break;
    }
  });
  return out;
}

export interface SetVerdict {
  set: TransactionSet;
  /** Empty: accepted (AK5*A). */
  errors: SegmentError[];
  /** AK502 when rejected without segment errors (1 = set not supported); 5 otherwise. */
  rejectCode?: string;
}

/** The 997 body (AK1..AK9) answering one functional group. */
export function ack997Body(group: FunctionalGroup, verdicts: readonly SetVerdict[]): Segment[] {
  const body: Segment[] = [["AK1", group.functionalId, group.control]];
  let accepted = 0;
  for (const v of verdicts) {
    body.push(["AK2", v.set.id, v.set.control]);
    for (const e of v.errors) {
      body.push(["AK3", e.segmentId, String(e.position), "", e.code]);
      for (const el of e.elements)
        body.push(["AK4", String(el.position), el.dataElement, el.code, ...(el.badValue ? [el.badValue] : [])]);
    }
    if (v.errors.length === 0 && !v.rejectCode) {
      accepted++;
      body.push(["AK5", "A"]);
    } else body.push(["AK5", "R", v.rejectCode ?? "5"]);
  }
  const n = verdicts.length;
  const code = accepted === n ? "A" : accepted === 0 ? "R" : "P";
  body.push(["AK9", code, String(n), String(n), String(accepted)]);
  return body;
}

/** What a 997 received says: AK1 group, AK9 status. */
export function readAck(group: FunctionalGroup): { functionalId: string; group: string; status: string }[] {
  return group.sets.flatMap((set) => {
    const ak1 = set.segments.find((s) => s[0] === "AK1");
    const ak9 = set.segments.find((s) => s[0] === "AK9");
    return ak1 ? [{ functionalId: ak1[1] ?? "", group: ak1[2] ?? "", status: ak9?.[1] ?? "" }] : [];
  });
}
