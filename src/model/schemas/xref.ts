import { Type } from "@sinclair/typebox";
import type { Canonical } from "./common.js";
import { Id } from "./common.js";

/** The connected systems Concord knows by name (configuration decides which are enabled). */
export const SystemIdSchema = Type.String({ pattern: "^[a-z][a-z0-9-]{1,30}$" });
export type SystemId = string;

export const ENTITY_TYPES = ["supplier", "item", "facility", "cost-center", "purchasing-entity", "contract"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const EntityTypeSchema = Type.Union(ENTITY_TYPES.map((e) => Type.Literal(e)));

/** Cross-reference: the id a system uses locally for a canonical record. */
export const XrefSchema = Type.Object(
  {
    system: SystemIdSchema,
    entityType: EntityTypeSchema,
    localId: Type.String({ minLength: 1, maxLength: 64 }),
    canonicalId: Id,
  },
  { additionalProperties: false },
);
export type Xref = Canonical<typeof XrefSchema>;

/**
 * The cross-reference "system" under which items are known by their base-unit GTIN: partners'
 * documents (X12, cXML, FHIR UDI) name products by GTIN, whatever their own part numbers.
 */
export const GTIN_XREF_SYSTEM = "gs1";
