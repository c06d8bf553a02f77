import { TypeCompiler } from "@sinclair/typebox/compiler";
import { type Issue, type Party, type PartyId, PartySchema } from "../../model/index.js";
import { CodeSystems } from "./fhir-systems.js";
import type { ImportedOrganization } from "./import-types.js";
import { concordIdSystem, systemKey } from "./item-codes.js";
import type { Organization } from "./r4-resources.js";

const checkParty = TypeCompiler.Compile(PartySchema);

const OWN_SYSTEMS = (["supplier", "facility", "purchasing-entity"] as const).map(concordIdSystem);

const SCHEME_BY_SYSTEM: Readonly<Record<string, PartyId["scheme"]>> = {
  gln: "gln",
  duns: "duns",
  hin: "hin",
  tin: "tin",
};

/**
 * An Organization as reference data: a trade party with every identifier it carried. Identifier
 * systems Concord knows become their scheme (GLN, DUNS, HIN, tax id by system or by the v2 TAX
 * type); Concord's own ids become `canonical`; anything else is kept as `other` with a warning,
 * since only the sender knows what the system means.
 */
export function importOrganization(
  org: Organization,
  warnings: Issue[],
): { value?: ImportedOrganization; issues: Issue[] } {
  const ids: PartyId[] = [];
  let ownSupplier = false;
  let ownFacility = false;
  (org.identifier ?? []).forEach((identifier, i) => {
    if (!identifier.value) return;
    const isTax = identifier.type?.coding?.some((c) => c.system === CodeSystems.identifierType && c.code === "TAX");
    const key = systemKey(identifier.system);
    const scheme = isTax ? "tin" : key ? SCHEME_BY_SYSTEM[key] : undefined;
    if (identifier.system === concordIdSystem("supplier")) ownSupplier = true;
    if (identifier.system === concordIdSystem("facility")) ownFacility = true;
    if (scheme) ids.push({ scheme, value: identifier.value });
    else if (OWN_SYSTEMS.includes(identifier.system ?? "")) {
      ids.push({ scheme: "canonical", value: identifier.value });
    } else {
      ids.push({ scheme: "other", value: identifier.value });
      warnings.push({
        path: `/identifier/${i}`,
        rule: "fhir.identifier-system",
        message: `identifier system ${JSON.stringify(identifier.system ?? null)} is not one Concord maps; kept as "other"`,
      });
    }
  });
  const types = (org.type ?? [])
    .flatMap((t) => t.coding ?? [])
    .filter((c) => c.system === CodeSystems.organizationType);
  const role: ImportedOrganization["role"] =
    types.some((c) => c.code === "bus") || ownSupplier
      ? "supplier"
      : types.some((c) => c.code === "prov") || ownFacility
        ? "facility"
        : "unknown";
  const address = org.address?.[0];
  const party: Party = {
    role: role === "supplier" ? "supplier" : role === "facility" ? "buyer" : "other",
    ...(org.name ? { name: org.name } : {}),
    ids: ids.slice(0, 10),
    ...(address
      ? {
          address: {
            lines: (address.line ?? []).slice(0, 4),
            ...(address.city ? { city: address.city } : {}),
            ...(address.state ? { region: address.state } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            ...(address.country ? { country: address.country } : {}),
          },
        }
      : {}),
  };
  const issues: Issue[] = [...checkParty.Errors(party)].slice(0, 20).map((e) => ({
    path: e.path,
    rule: "canonical.party",
    message: `the Organization does not make a valid trade party: ${e.message}`,
  }));
  if (issues.length > 0) return { issues };
  return {
    value: { kind: "organization", role, party, ...(org.active === undefined ? {} : { active: org.active }) },
    issues,
  };
}
