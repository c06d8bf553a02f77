import type { XmlElement } from "../xml/index.js";
import { xmlElement } from "../xml/index.js";
import type { CxmlCursor } from "./cxml-cursor.js";
import { normalizeTimestamp } from "./cxml-timestamp.js";
import type { CxmlCredential, CxmlEnvelope, CxmlQuirk } from "./cxml-types.js";

function decodeCredentials(holder: CxmlCursor | undefined): CxmlCredential[] {
  if (!holder) return [];
  return holder.children("Credential").map((c) => {
    const secret = c.child("SharedSecret")?.text();
    return {
      domain: c.requireAttr("domain"),
      identity: c.requireChild("Identity").text() ?? "",
      ...(secret === undefined ? {} : { sharedSecret: secret }),
    };
  });
}

/** The `<cXML>` attributes and Header. `container` is Request, Message or Response. */
export function decodeEnvelope(root: CxmlCursor, container: CxmlCursor, quirks: CxmlQuirk[]): CxmlEnvelope {
  const rawTimestamp = root.requireAttr("timestamp");
  const ts = normalizeTimestamp(rawTimestamp);
  if (!ts) {
    throw root.fail(`timestamp ${JSON.stringify(rawTimestamp)} is not ISO 8601 with a zone`, `${root.path}/@timestamp`);
  }
  if (ts.converted) quirks.push("timestamp-not-iso");
  const header = root.child("Header");
  const senderEl = header?.child("Sender");
  const version = root.attr("version");
  const lang = root.attr("xml:lang");
  const mode = container.attr("deploymentMode");
  if (mode !== undefined && mode !== "production" && mode !== "test") {
    throw container.fail(`deploymentMode ${JSON.stringify(mode)} is not production or test`);
  }
  return {
    payloadId: root.requireAttr("payloadID"),
    timestamp: ts.iso,
    ...(version === undefined ? {} : { version }),
    ...(lang === undefined ? {} : { lang }),
    from: decodeCredentials(header?.child("From")),
    to: decodeCredentials(header?.child("To")),
    ...(senderEl
      ? { sender: { credentials: decodeCredentials(senderEl), userAgent: senderEl.childText("UserAgent") ?? "" } }
      : {}),
    ...(mode === undefined ? {} : { deploymentMode: mode }),
  };
}

function encodeCredential(c: CxmlCredential): XmlElement {
  return xmlElement(
    "Credential",
    { domain: c.domain },
    xmlElement("Identity", {}, c.identity),
    c.sharedSecret !== undefined && xmlElement("SharedSecret", {}, c.sharedSecret),
  );
}

/** `<Header>`; without `required` (a Response), nothing when there are no credentials. */
export function encodeHeader(e: CxmlEnvelope, required = false): XmlElement | undefined {
  if (!required && e.from.length === 0 && e.to.length === 0 && !e.sender) return undefined;
  return xmlElement(
    "Header",
    {},
    xmlElement("From", {}, e.from.map(encodeCredential)),
    xmlElement("To", {}, e.to.map(encodeCredential)),
    xmlElement(
      "Sender",
      {},
      (e.sender?.credentials ?? []).map(encodeCredential),
      xmlElement("UserAgent", {}, e.sender?.userAgent ?? "Concord"),
    ),
  );
}

/** A copy safe to log: shared secrets replaced. */
export function redactCxmlEnvelope(e: CxmlEnvelope): CxmlEnvelope {
  const redact = (cs: readonly CxmlCredential[]) =>
    cs.map((c) => (c.sharedSecret === undefined ? c : { ...c, sharedSecret: "[redacted]" }));
  return {
    ...e,
    from: redact(e.from),
    to: redact(e.to),
    ...(e.sender ? { sender: { ...e.sender, credentials: redact(e.sender.credentials) } } : {}),
  };
}
