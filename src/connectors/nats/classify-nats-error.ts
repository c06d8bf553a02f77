import { ConcordError, Errors } from "../../errors/index.js";

/**
 * Turns what the NATS client throws on publish into the error the dispatcher acts on. The client's
 * error classes are matched by name (not instanceof) because @nats-io/nats-core and
 * @nats-io/jetstream each ship their own copies and a bundler or a second install can duplicate them.
 *
 * - no stream bound to the subject: the JetStream API has no responder, which the client reports as
 *   "no responders" or, on this client version, JetStreamNotEnabled. Transient: the stream may be
 *   being created or the server restarting.
 * - PubAck not received in time: timeout (the message may have been stored; the retry carries the
 *   same Nats-Msg-Id, so the stream drops the copy).
 * - connection closed, draining, reconnecting: transient.
 * - the server refused the message itself (payload over max_payload, subject invalid, stream
 *   rejected it as too large or over limits with discard=new): permanent, a retry cannot help.
 */
export function classifyNatsError(system: string, subject: string, e: unknown, aborted: boolean): ConcordError {
  if (e instanceof ConcordError) return e;
  const extras = { system, subject };
  if (aborted) return Errors.ConnectorTimeout(`${system} did not store the message in time (${subject})`, extras);
  const err = e instanceof Error ? e : new Error(String(e));
  const names = errorChain(err).map((x) => x.name || x.constructor?.name || "Error");
  const text = errorChain(err)
    .map((x) => x.message)
    .join(": ");
  if (names.includes("TimeoutError") || /timeout/i.test(text)) {
    return Errors.ConnectorTimeout(`${system}: no PubAck for ${subject} in time`, extras, e);
  }
  if (
    names.includes("NoRespondersError") ||
    names.includes("JetStreamNotEnabled") ||
    /no responders/i.test(text) ||
    (err as { isNoResponders?: () => boolean }).isNoResponders?.() === true
  ) {
    return Errors.ConnectorTransient(`${system}: no JetStream stream accepts subject ${subject} (no responders)`, {
      ...extras,
      networkError: "no-responders",
    });
  }
  if (
    /max(imum)? payload|payload.*exceed|message size exceeds|invalid subject|maximum messages|maximum bytes/i.test(text)
  ) {
    return Errors.ConnectorRejected(`${system} refused the message on ${subject}: ${text}`, {
      ...extras,
      response: text,
    });
  }
  if (names.some((n) => /Closed|Draining|Connection|ProtocolError/.test(n))) {
    return Errors.ConnectorTransient(`${system} connection unavailable: ${text}`, { ...extras, networkError: text }, e);
  }
  if (names.includes("JetStreamApiError")) {
    const status = (err as { status?: number }).status;
    if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
      return Errors.ConnectorRejected(`${system} rejected the message on ${subject}: ${text}`, {
        ...extras,
        response: text,
      });
    }
  }
  return Errors.ConnectorTransient(`${system} publish failed: ${text}`, { ...extras, networkError: text }, e);
}

function errorChain(e: Error): Error[] {
  const chain: Error[] = [];
  let cur: unknown = e;
  while (cur instanceof Error && chain.length < 5) {
    chain.push(cur);
    cur = cur.cause;
  }
  return chain;
}
