import { Type } from "@sinclair/typebox";
import { Address, type Canonical, DecimalString, Id, Name } from "./common.js";

/** A hospital, clinic or other site that buys; the unit of contract eligibility. */
export const FacilitySchema = Type.Object(
  {
    kind: Type.Literal("facility"),
    id: Id,
    name: Name,
    type: Type.Union([
      Type.Literal("hospital"),
      Type.Literal("clinic"),
      Type.Literal("ambulatory-surgery"),
      Type.Literal("distribution-center"),
    ]),
    gln: Type.Optional(Type.String({ pattern: "^\\d{13}$" })),
    /** HIBCC Health Industry Number: 7-character base + 2-character suffix. */
    hin: Type.Optional(Type.String({ pattern: "^[A-Z0-9]{9}$" })),
    /** IANA zone: activation timers fire at the start of the effective day here. */
    timeZone: Type.String({ minLength: 3, maxLength: 40 }),
    purchasingEntityId: Id,
    address: Address,
  },
  { additionalProperties: false },
);

export const CostCenterSchema = Type.Object(
  {
    kind: Type.Literal("cost-center"),
    id: Id,
    code: Type.String({ minLength: 1, maxLength: 20 }),
    name: Name,
    facilityId: Id,
    annualBudget: DecimalString,
  },
  { additionalProperties: false },
);

/** The legal buying entity (an IDN or hospital company) that signs contracts and owns facilities. */
export const PurchasingEntitySchema = Type.Object(
  {
    kind: Type.Literal("purchasing-entity"),
    id: Id,
    name: Name,
    gpo: Type.Optional(Name),
  },
  { additionalProperties: false },
);

export type Facility = Canonical<typeof FacilitySchema>;
export type CostCenter = Canonical<typeof CostCenterSchema>;
export type PurchasingEntity = Canonical<typeof PurchasingEntitySchema>;
