import { type ConcordError, Errors } from "../../errors/index.js";
import { BusHeaders } from "./bus-headers.js";

/** What the consumer hands the hub for one message taken from a durable consumer. */
export interface BusEvent {
  readonly subject: string;
  readonly stream: string;
  readonly streamSequence: number;
  /** 1 on first delivery; counts every redelivery (crash, nak, ack timeout). */
  readonly deliveryCount: number;
  readonly redelivered: boolean;
  /**
   * The sender's Nats-Msg-Id, else `<stream>/<sequence>`: stable across redeliveries, so the hub
   * records it as the inbound message id and answers a redelivered copy with its first outcome.
   */
  readonly messageId: string;
  readonly eventType: string | undefined;
  readonly businessKey: string | undefined;
  readonly keyVersion: number | undefined;
  readonly correlationId: string | undefined;
  readonly source: string | undefined;
  readonly payload: unknown;
  /** The body as received, kept so intake can store the raw message. */
  readonly rawBody: string;
}

/** The parts of a JetStream message decoding needs; JsMsg provides them, tests can too. */
export interface RawBusMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  header(name: string): string | undefined;
  readonly stream: string;
  readonly streamSequence: number;
  readonly deliveryCount: number;
  readonly redelivered: boolean;
}

export type DecodedBusMessage =
  | { readonly ok: true; readonly event: BusEvent }
  | { readonly ok: false; readonly error: ConcordError };

const MAX_HEADER = 200;

/** Bad input never throws: a message that is not JSON or has a malformed header is a permanent failure. */
export function decodeBusMessage(m: RawBusMessage): DecodedBusMessage {
  const where = { subject: m.subject, stream: m.stream, streamSequence: m.streamSequence };
  const rawBody = Buffer.from(m.data).toString("utf8");
  let payload: unknown;
  try {
    payload = rawBody === "" ? undefined : JSON.parse(rawBody);
  } catch (e) {
    return {
      ok: false,
      error: Errors.InputMalformed(
        `bus message ${m.stream}#${m.streamSequence} on ${m.subject} is not JSON: ${e instanceof Error ? e.message : String(e)}`,
        where,
      ),
    };
  }
  const header = (name: string): string | undefined => {
    const v = m.header(name);
    return v === undefined || v === "" ? undefined : v;
  };
  for (const name of Object.values(BusHeaders)) {
    const v = header(name);
    if (v !== undefined && v.length > MAX_HEADER) {
      return {
        ok: false,
        error: Errors.InputMalformed(
          `bus message ${m.stream}#${m.streamSequence}: header ${name} is over ${MAX_HEADER} characters`,
          {
            ...where,
            header: name,
          },
        ),
      };
    }
  }
  const versionText = header(BusHeaders.KeyVersion);
  let keyVersion: number | undefined;
  if (versionText !== undefined) {
    keyVersion = /^[1-9]\d{0,9}$/.test(versionText) ? Number(versionText) : Number.NaN;
    if (!Number.isSafeInteger(keyVersion)) {
      return {
        ok: false,
        error: Errors.InputMalformed(
          `bus message ${m.stream}#${m.streamSequence}: header ${BusHeaders.KeyVersion} ${JSON.stringify(versionText)} is not a whole number ≥ 1`,
          { ...where, header: BusHeaders.KeyVersion },
        ),
      };
    }
  }
  return {
    ok: true,
    event: {
      subject: m.subject,
      stream: m.stream,
      streamSequence: m.streamSequence,
      deliveryCount: m.deliveryCount,
      redelivered: m.redelivered,
      messageId: header(BusHeaders.MsgId) ?? `${m.stream}/${m.streamSequence}`,
      eventType: header(BusHeaders.EventType),
      businessKey: header(BusHeaders.BusinessKey),
      keyVersion,
      correlationId: header(BusHeaders.CorrelationId),
      source: header(BusHeaders.Source),
      payload,
      rawBody,
    },
  };
}
