import { Pool } from "undici";
import { ConcordError, Errors } from "../../errors/index.js";
import type { DeliveryPort, OutboundMessage } from "../../events/index.js";
import { classifyHttpFailure, classifyNetworkFailure } from "../http-json/index.js";
import type { CxmlBody, CxmlCredential, CxmlSender } from "./cxml-types.js";
import { encodeCxml } from "./encode-cxml.js";
import { type ClassifyOptions, classifyCxmlResponse } from "./status-response.js";

export interface CxmlHttpConnectorOptions extends ClassifyOptions {
  readonly system: string;
  /** The partner's cXML endpoint (full URL; its path is used as is). */
  readonly url: string;
  readonly from: readonly CxmlCredential[];
  readonly to: readonly CxmlCredential[];
  /** Concord as transmitter; its credential carries the SharedSecret the partner expects. */
  readonly sender: CxmlSender;
  readonly deploymentMode?: "production" | "test";
  readonly lang?: string;
  /** Canonical event → the cXML body to send (mapping happens here, per partner). */
  readonly toBody: (message: OutboundMessage) => CxmlBody;
  readonly connections?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly now?: () => Date;
}

/**
 * payloadID is the partner's duplicate check, so it is derived from the delivery's idempotency
 * key: a retry, a crash recovery or a replay sends the same payloadID.
 */
export function payloadIdFor(idempotencyKey: string): string {
  return `${idempotencyKey}@concord`;
}

/**
 * Delivers canonical documents to a cXML partner: encodes them (DTD order, DOCTYPE), POSTs them as
 * text/xml, and classifies both the HTTP status and the cXML Status of the answer (2xx
 * acknowledged, 4xx rejected, 5xx transient).
 */
export function createCxmlHttpConnector(opts: CxmlHttpConnectorOptions): DeliveryPort {
  const url = new URL(opts.url);
  const pool = new Pool(url.origin, { connections: opts.connections ?? 8, pipelining: 1 });
  const path = url.pathname + url.search;
  const now = opts.now ?? (() => new Date());
  const encode = (message: OutboundMessage): string => {
    try {
      return encodeCxml({
        envelope: {
          payloadId: payloadIdFor(message.idempotencyKey),
          timestamp: now().toISOString(),
          ...(opts.lang === undefined ? {} : { lang: opts.lang }),
          from: opts.from,
          to: opts.to,
          sender: opts.sender,
          ...(opts.deploymentMode === undefined ? {} : { deploymentMode: opts.deploymentMode }),
        },
        body: opts.toBody(message),
      });
    } catch (e) {
      const cause = e instanceof ConcordError ? e : undefined;
      throw Errors.ConnectorRejected(
        `cannot encode the message for ${opts.system}: ${e instanceof Error ? e.message : String(e)}`,
        { system: opts.system, mapping: "cxml", ...(cause ? { cause: cause.code, ...cause.extras } : {}) },
        e,
      );
    }
  };
  return {
    system: opts.system,
    async deliver(message, signal) {
      const body = encode(message);
      let res: Awaited<ReturnType<Pool["request"]>>;
      let text: string;
      try {
        res = await pool.request({
          method: "POST",
          path,
          headers: {
            "content-type": "text/xml; charset=utf-8",
            "x-correlation-id": message.correlationId,
            ...opts.headers,
          },
          body,
          signal,
        });
        text = await res.body.text();
      } catch (e) {
        throw classifyNetworkFailure(opts.system, e, signal.aborted);
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        throw classifyHttpFailure({
          system: opts.system,
          status: res.statusCode,
          headers: res.headers,
          bodyText: text,
          staleStatuses: new Set(),
        });
      }
      return { ...classifyCxmlResponse(text, opts.system, opts), httpStatus: res.statusCode };
    },
    close: () => pool.close(),
  };
}
