import { decodeCxml, encodeCxml } from "../../src/connectors/cxml/index.js";
import type { OrderConfirmation } from "../../src/model/index.js";

export interface Credential {
  readonly domain: string;
  readonly identity: string;
}

/** Where a confirmation stands: waiting for its delay or the hub's URL, sent, or given up on. */
export interface ConfirmationState {
  readonly payloadId: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  sentAt: string | null;
  /** The hub's answer: HTTP status and cXML Response status (0 when it sent none), or the error. */
  answer: { http: number; code: number; message?: string } | null;
}

export interface ConfirmationSender {
  readonly hubUrl: () => string | undefined;
  readonly me: Credential;
  readonly buyer: Credential;
  readonly sharedSecret: string;
  readonly now: () => Date;
  readonly retryMs: number;
  readonly maxAttempts: number;
}

/** The ConfirmationRequest as the network sends it: From and Sender its own credential, To the buyer. */
export function confirmationXml(
  s: Pick<ConfirmationSender, "me" | "buyer" | "sharedSecret" | "now">,
  payloadId: string,
  document: Omit<OrderConfirmation, "parties">,
): string {
  return encodeCxml({
    envelope: {
      payloadId,
      timestamp: s.now().toISOString(),
      from: [s.me],
      to: [s.buyer],
      sender: { credentials: [{ ...s.me, sharedSecret: s.sharedSecret }], userAgent: "Sandbox supplier network 1.0" },
    },
    body: { type: "ConfirmationRequest", document: { ...document, parties: [] } },
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

/**
 * POSTs the ConfirmationRequest to the hub's cXML intake until the hub answers: a 2xx cXML status
 * (or 409, the hub already has this payloadID) is sent; another 4xx is final (failed); a 5xx, a
 * transport error or no hub URL yet is retried `maxAttempts` times, `retryMs` × attempt apart.
 * The payloadID is the same on every attempt, so the hub keeps the confirmation once.
 */
export async function sendConfirmation(
  s: ConfirmationSender,
  state: ConfirmationState,
  document: Omit<OrderConfirmation, "parties">,
  closed: () => boolean,
): Promise<void> {
  const xml = confirmationXml(s, state.payloadId, document);
  while (!closed() && state.attempts < s.maxAttempts) {
    const hub = s.hubUrl();
    state.attempts++;
    if (hub !== undefined) {
      try {
        const res = await fetch(`${hub}/v1/inbound/cxml`, {
          method: "POST",
          headers: { "content-type": "text/xml; charset=utf-8" },
          body: xml,
          signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        let code = 0;
        let message: string | undefined;
        try {
          const answer = decodeCxml(text);
          if (answer.body.type === "Response") ({ code, message } = answer.body.status);
        } catch {
          message = text.slice(0, 300);
        }
        state.answer = { http: res.status, code, ...(message ? { message } : {}) };
        if (code >= 200 && code < 300 && res.ok) {
          state.status = "sent";
          state.sentAt = s.now().toISOString();
          return;
        }
        if (code === 409 || (res.status >= 400 && res.status < 500) || (code >= 400 && code < 500)) {
          state.status = code === 409 ? "sent" : "failed";
          if (code === 409) state.sentAt = s.now().toISOString();
          return;
        }
      } catch (e) {
        state.answer = { http: 0, code: 0, message: (e as Error).message };
      }
    }
    await wait(s.retryMs * state.attempts);
  }
  if (state.status === "pending") state.status = "failed";
}
