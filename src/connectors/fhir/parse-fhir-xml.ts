import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Issue } from "../../model/index.js";

const FHIR_NS = "http://hl7.org/fhir";

/**
 * Elements that repeat (0..*) in the resources Concord reads, by resource, at the top level;
 * XML cannot say whether one `<identifier>` is a list of one, the definition can. Nested repeats
 * are by datatype (coding, address line…). Reference.identifier, Location.address and
 * SupplyDelivery.supplier are single, which is why this is not one flat list of names.
 */
const TOP_LEVEL_REPEATS: Readonly<Record<string, ReadonlySet<string>>> = {
  Organization: new Set(["identifier", "type", "alias", "telecom", "address", "contact", "endpoint"]),
  Location: new Set(["identifier", "type", "alias", "telecom", "operationalStatus", "hoursOfOperation", "endpoint"]),
  Device: new Set([
    "identifier",
    "udi",
    "udiCarrier",
    "deviceName",
    "safety",
    "note",
    "property",
    "specialization",
    "version",
    "contact",
  ]),
  SupplyRequest: new Set([
    "identifier",
    "supplier",
    "reason",
    "reasonCode",
    "reasonReference",
    "parameter",
    "contained",
  ]),
  SupplyDelivery: new Set(["identifier", "basedOn", "partOf", "receiver", "contained"]),
  Contract: new Set([
    "identifier",
    "term",
    "signer",
    "rule",
    "legal",
    "friendly",
    "url",
    "subject",
    "authority",
    "domain",
    "site",
    "alias",
  ]),
  Invoice: new Set(["identifier", "participant", "lineItem", "totalPriceComponent", "note"]),
};
const NESTED_REPEATS: ReadonlySet<string> = new Set([
  "coding",
  "line",
  "given",
  "prefix",
  "suffix",
  "extension",
  "valuedItem",
  "asset",
  "offer",
  "priceComponent",
]);

/** JSON numbers and booleans in FHIR JSON, by element (everything else stays a string). */
const DECIMAL_PARENTS: ReadonlySet<string> = new Set([
  "quantity",
  "unitPrice",
  "net",
  "totalNet",
  "totalGross",
  "amount",
  "price",
]);
const DECIMALS: ReadonlySet<string> = new Set(["factor", "points"]);
const BOOLEANS: ReadonlySet<string> = new Set(["active"]);

export type FhirJson = { readonly resourceType: string } & Readonly<Record<string, unknown>>;

export type ParsedFhirXml =
  | { readonly ok: true; readonly resource: FhirJson }
  | { readonly ok: false; readonly issues: Issue[] };

/**
 * FHIR XML → FHIR JSON form, for reading partner resources. A document type declaration is
 * refused outright: FHIR XML never has one, and refusing it closes the door on entity expansion
 * attacks whatever the parser's own limits. Only the five predefined XML entities and character
 * references are decoded. Narrative (`text`) is dropped: it is XHTML for people, not data.
 * Errors name the line and column.
 */
export function parseFhirXml(xml: string): ParsedFhirXml {
  const fail = (path: string, message: string): ParsedFhirXml => ({
    ok: false,
    issues: [{ path, rule: "fhir.xml", message }],
  });
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype)
    return fail(
      `/line/${lineOf(text, doctype.index)}`,
      `DOCTYPE declarations are not allowed in FHIR XML (line ${lineOf(text, doctype.index)})`,
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return fail(
      `/line/${valid.err.line}`,
      `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  let root: Record<string, unknown>;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      jPath: true,
      maxNestedTags: 64,
      isArray: (name, jpath) => {
        const path = String(jpath).split(".");
        if (path.length === 2) return TOP_LEVEL_REPEATS[path[0]!]?.has(name) ?? false;
        return NESTED_REPEATS.has(name);
      },
    });
    root = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    return fail("/", `cannot parse the XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const names = Object.keys(root).filter((k) => !k.startsWith("?") && !k.startsWith("#"));
  if (names.length !== 1) return fail("/", `expected one root element, found ${names.length}`);
  const resourceType = names[0]!;
  const node = root[resourceType];
  if (typeof node !== "object" || node === null) return fail("/", `root element <${resourceType}> is empty`);
  const ns = (node as Record<string, unknown>)["@_xmlns"];
  if (ns !== FHIR_NS) {
    return fail(
      "/",
      `root element <${resourceType}> is not in the FHIR namespace ${FHIR_NS} (found ${JSON.stringify(ns ?? null)})`,
    );
  }
  return { ok: true, resource: { resourceType, ...(convert(node, resourceType) as Record<string, unknown>) } };
}

function convert(node: unknown, name: string, parent?: string): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, name, parent));
  if (typeof node !== "object" || node === null) return node === "" ? undefined : node;
  const obj = node as Record<string, unknown>;
  const childNames = Object.keys(obj).filter((k) => !k.startsWith("@_") && k !== "#text");
  // A primitive element: <x value="…"/>. Extensions on primitives (<x value=".."><extension/></x>) are dropped.
  if ("@_value" in obj) return primitive(String(obj["@_value"]), name, parent);
  const out: Record<string, unknown> = {};
  if (typeof obj["@_id"] === "string") out.id = obj["@_id"];
  for (const k of childNames) {
    if (
      k === "text" &&
      parent === undefined &&
      typeof obj[k] === "object" &&
      obj[k] !== null &&
      "div" in (obj[k] as object)
    )
      continue;
    const v = convert(obj[k], k, name);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function primitive(value: string, name: string, parent: string | undefined): unknown {
  if (DECIMALS.has(name) || (name === "value" && parent !== undefined && DECIMAL_PARENTS.has(parent))) {
    const n = Number(value);
    return value.trim() !== "" && Number.isFinite(n) ? n : value;
  }
  if (BOOLEANS.has(name)) return value === "true" ? true : value === "false" ? false : value;
  return value;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
