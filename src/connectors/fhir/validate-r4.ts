import type { TSchema } from "@sinclair/typebox";
import { type TypeCheck, TypeCompiler } from "@sinclair/typebox/compiler";
import type { Issue } from "../../model/index.js";
import { CodeSystems, FhirSystems, ORGANIZATION_TYPES } from "./fhir-systems.js";
import { R4_RESOURCE_TYPES, R4Open, type R4ResourceType, R4Strict } from "./r4-resources.js";

export type R4Mode = "strict" | "open";

const compiled = new Map<string, TypeCheck<TSchema>>();
function checker(mode: R4Mode, type: R4ResourceType): TypeCheck<TSchema> {
  const key = `${mode}:${type}`;
  let c = compiled.get(key);
  if (!c) {
    c = TypeCompiler.Compile((mode === "strict" ? R4Strict : R4Open)[type]);
    compiled.set(key, c);
  }
  return c;
}

const MAX_ISSUES = 50;
const REFERENCE = /^(#[A-Za-z0-9\-.]{1,64}|[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}|https?:\/\/\S+)$/;

/**
 * Checks a resource against the R4 subset: `strict` for what Concord emits (no element outside
 * the subset), `open` for what it reads (extra elements ignored). Returns [] when valid; each issue
 * points at the element with a JSON pointer.
 */
export function validateR4(resource: unknown, mode: R4Mode = "strict"): Issue[] {
  const type = (resource as { resourceType?: unknown } | null)?.resourceType;
  if (typeof type !== "string" || !(R4_RESOURCE_TYPES as string[]).includes(type)) {
    return [
      {
        path: "/resourceType",
        rule: "fhir.resource-type",
        message: `resourceType ${JSON.stringify(type)} is not one Concord maps (${R4_RESOURCE_TYPES.join(", ")})`,
      },
    ];
  }
  const c = checker(mode, type as R4ResourceType);
  const issues: Issue[] = [];
  for (const e of c.Errors(resource)) {
    issues.push({ path: e.path || "/", rule: "fhir.r4-schema", message: e.message });
    if (issues.length >= MAX_ISSUES) return issues;
  }
  if (issues.length > 0) return issues;
  return invariants(type as R4ResourceType, resource as Record<string, unknown>);
}

function invariants(type: R4ResourceType, r: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, rule: string, message: string) => issues.push({ path, rule, message });
  walkReferences(r, "", (path, ref) => {
    if (!REFERENCE.test(ref))
      add(path, "fhir.reference", `reference ${JSON.stringify(ref)} is not Type/id, #id or a URL`);
  });
  if (type === "Organization" && r.name === undefined && r.identifier === undefined) {
    add("/", "fhir.org-1", "an Organization needs a name or an identifier (org-1)");
  }
  if (type === "Organization") {
    for (const [i, t] of (
      (r.type as { coding?: { system?: string; code?: string }[] }[] | undefined) ?? []
    ).entries()) {
      for (const [j, c] of (t.coding ?? []).entries()) {
        if (
          c.system === CodeSystems.organizationType &&
          !(ORGANIZATION_TYPES as readonly string[]).includes(c.code ?? "")
        ) {
          add(`/type/${i}/coding/${j}/code`, "fhir.code", `${JSON.stringify(c.code)} is not an organization-type code`);
        }
      }
    }
  }
  if (type === "SupplyRequest") {
    const n = Number(r.itemCodeableConcept !== undefined) + Number(r.itemReference !== undefined);
    if (n !== 1)
      add("/", "fhir.item-x", `SupplyRequest needs exactly one of itemCodeableConcept, itemReference (has ${n})`);
  }
  if (type === "SupplyDelivery") {
    const item = r.suppliedItem as Record<string, unknown> | undefined;
    if (item && item.itemCodeableConcept !== undefined && item.itemReference !== undefined) {
      add("/suppliedItem", "fhir.item-x", "suppliedItem has both itemCodeableConcept and itemReference");
    }
    for (const [j, c] of (
      (r.type as { coding?: { system?: string; code?: string }[] } | undefined)?.coding ?? []
    ).entries()) {
      if (c.system === CodeSystems.supplyItemType && !["medication", "device"].includes(c.code ?? "")) {
        add(`/type/coding/${j}/code`, "fhir.code", `${JSON.stringify(c.code)} is not a supply-item-type code`);
      }
    }
  }
  const devices: [string, Record<string, unknown>][] =
    type === "Device"
      ? [["", r]]
      : ((r.contained as Record<string, unknown>[] | undefined) ?? []).map((d, i) => [`/contained/${i}`, d]);
  for (const [at, d] of devices) {
    for (const [i, u] of (
      (d.udiCarrier as { issuer?: string; deviceIdentifier?: string }[] | undefined) ?? []
    ).entries()) {
      if (
        u.issuer === FhirSystems.udiIssuerGs1 &&
        u.deviceIdentifier !== undefined &&
        !/^\d{14}$/.test(u.deviceIdentifier)
      ) {
        add(`${at}/udiCarrier/${i}/deviceIdentifier`, "fhir.udi-di", "a GS1 device identifier is a 14-digit GTIN");
      }
    }
  }
  return issues;
}

function walkReferences(node: unknown, path: string, visit: (path: string, ref: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((v, i) => {
      walkReferences(v, `${path}/${i}`, visit);
    });
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node)) {
    if (k === "reference" && typeof v === "string") visit(`${path}/reference`, v);
    else walkReferences(v, `${path}/${k}`, visit);
  }
}
