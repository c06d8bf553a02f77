import { type Static, Type } from "@sinclair/typebox";
import { type R4Builder, R4Code, R4DateTime, R4Id, R4String, R4Uri, r4Builder, r4Datatypes } from "./r4-datatypes.js";

const codes = (...values: string[]) => Type.Union(values.map((v) => Type.Literal(v)));

/**
 * The R4 resources Concord emits (Organization, Location, SupplyRequest, SupplyDelivery, Device)
 * and the ones its FHIR API answers with (Bundle, OperationOutcome, CapabilityStatement), limited to
 * the elements Concord writes. Required cardinalities and required-binding code lists follow R4
 * (4.0.1); invariants TypeBox cannot express (org-1, a single item[x]) are checked in validate-r4.ts.
 */
function buildResources(b: R4Builder) {
  const { CodeableConcept, Identifier, Reference, Quantity, Address, Meta, arr } = r4Datatypes(b);
  const base = { id: Type.Optional(R4Id), meta: Type.Optional(Meta) };

  const Organization = b.obj({
    resourceType: Type.Literal("Organization"),
    ...base,
    identifier: Type.Optional(arr(Identifier)),
    active: Type.Optional(Type.Boolean()),
    type: Type.Optional(arr(CodeableConcept)),
    name: Type.Optional(R4String),
    alias: Type.Optional(arr(R4String)),
    address: Type.Optional(arr(Address)),
    partOf: Type.Optional(Reference),
  });

  const Location = b.obj({
    resourceType: Type.Literal("Location"),
    ...base,
    identifier: Type.Optional(arr(Identifier)),
    status: Type.Optional(codes("active", "suspended", "inactive")),
    name: Type.Optional(R4String),
    mode: Type.Optional(codes("instance", "kind")),
    type: Type.Optional(arr(CodeableConcept)),
    address: Type.Optional(Address),
    physicalType: Type.Optional(CodeableConcept),
    managingOrganization: Type.Optional(Reference),
  });

  const UdiCarrier = b.obj({
    deviceIdentifier: Type.Optional(R4String),
    issuer: Type.Optional(R4Uri),
    jurisdiction: Type.Optional(R4Uri),
    carrierAIDC: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9+/]+={0,2}$" })),
    carrierHRF: Type.Optional(R4String),
    entryType: Type.Optional(codes("barcode", "rfid", "manual", "card", "self-reported", "unknown")),
  });
  const DeviceName = b.obj({
    name: R4String,
    type: codes(
      "udi-label-name",
      "user-friendly-name",
      "patient-reported-name",
      "manufacturer-name",
      "model-name",
      "other",
    ),
  });
  const Device = b.obj({
    resourceType: Type.Literal("Device"),
    ...base,
    identifier: Type.Optional(arr(Identifier)),
    udiCarrier: Type.Optional(arr(UdiCarrier)),
    status: Type.Optional(codes("active", "inactive", "entered-in-error", "unknown")),
    manufacturer: Type.Optional(R4String),
    expirationDate: Type.Optional(R4DateTime),
    lotNumber: Type.Optional(R4String),
    serialNumber: Type.Optional(R4String),
    deviceName: Type.Optional(arr(DeviceName)),
    modelNumber: Type.Optional(R4String),
    partNumber: Type.Optional(R4String),
    type: Type.Optional(CodeableConcept),
    owner: Type.Optional(Reference),
  });

  const SupplyRequest = b.obj({
    resourceType: Type.Literal("SupplyRequest"),
    ...base,
    // Contained Devices carry lot/serial for a line (referenced as "#id").
    contained: Type.Optional(arr(Device)),
    identifier: Type.Optional(arr(Identifier)),
    status: Type.Optional(
      codes("draft", "active", "suspended", "cancelled", "completed", "entered-in-error", "unknown"),
    ),
    category: Type.Optional(CodeableConcept),
    priority: Type.Optional(codes("routine", "urgent", "asap", "stat")),
    itemCodeableConcept: Type.Optional(CodeableConcept),
    itemReference: Type.Optional(Reference),
    quantity: Quantity,
    occurrenceDateTime: Type.Optional(R4DateTime),
    authoredOn: Type.Optional(R4DateTime),
    requester: Type.Optional(Reference),
    supplier: Type.Optional(arr(Reference)),
    reasonCode: Type.Optional(arr(CodeableConcept)),
    deliverFrom: Type.Optional(Reference),
    deliverTo: Type.Optional(Reference),
  });

  const SupplyDelivery = b.obj({
    resourceType: Type.Literal("SupplyDelivery"),
    ...base,
    contained: Type.Optional(arr(Device)),
    identifier: Type.Optional(arr(Identifier)),
    basedOn: Type.Optional(arr(Reference)),
    partOf: Type.Optional(arr(Reference)),
    status: Type.Optional(codes("in-progress", "completed", "abandoned", "entered-in-error")),
    type: Type.Optional(CodeableConcept),
    suppliedItem: Type.Optional(
      b.obj({
        quantity: Type.Optional(Quantity),
        itemCodeableConcept: Type.Optional(CodeableConcept),
        itemReference: Type.Optional(Reference),
      }),
    ),
    occurrenceDateTime: Type.Optional(R4DateTime),
    supplier: Type.Optional(Reference),
    destination: Type.Optional(Reference),
    receiver: Type.Optional(arr(Reference)),
  });

  const OperationOutcome = b.obj({
    resourceType: Type.Literal("OperationOutcome"),
    ...base,
    issue: arr(
      b.obj({
        severity: codes("fatal", "error", "warning", "information"),
        code: R4Code,
        details: Type.Optional(CodeableConcept),
        diagnostics: Type.Optional(R4String),
        expression: Type.Optional(arr(R4String)),
      }),
    ),
  });

  const Bundle = b.obj({
    resourceType: Type.Literal("Bundle"),
    ...base,
    type: codes("searchset", "collection", "batch-response", "transaction-response", "document", "message", "history"),
    total: Type.Optional(Type.Integer({ minimum: 0 })),
    link: Type.Optional(arr(b.obj({ relation: R4String, url: R4Uri }))),
    entry: Type.Optional(
      arr(
        b.obj({
          fullUrl: Type.Optional(R4Uri),
          resource: Type.Optional(Type.Object({ resourceType: Type.String() })),
          search: Type.Optional(b.obj({ mode: Type.Optional(codes("match", "include", "outcome")) })),
        }),
      ),
    ),
  });

  const CapabilityStatement = b.obj({
    resourceType: Type.Literal("CapabilityStatement"),
    ...base,
    name: Type.Optional(R4String),
    title: Type.Optional(R4String),
    status: codes("draft", "active", "retired", "unknown"),
    date: R4DateTime,
    publisher: Type.Optional(R4String),
    kind: codes("instance", "capability", "requirements"),
    software: Type.Optional(b.obj({ name: R4String, version: Type.Optional(R4String) })),
    fhirVersion: Type.Literal("4.0.1"),
    format: arr(R4Code),
    rest: Type.Optional(
      arr(
        b.obj({
          mode: codes("client", "server"),
          resource: Type.Optional(
            arr(
              b.obj({
                type: R4Code,
                interaction: Type.Optional(arr(b.obj({ code: codes("read", "search-type") }))),
                searchParam: Type.Optional(
                  arr(b.obj({ name: R4String, type: codes("string", "token", "reference", "date", "uri") })),
                ),
              }),
            ),
          ),
        }),
      ),
    ),
  });

  return {
    Organization,
    Location,
    Device,
    SupplyRequest,
    SupplyDelivery,
    OperationOutcome,
    Bundle,
    CapabilityStatement,
  };
}

export const R4Strict = buildResources(r4Builder(true));
export const R4Open = buildResources(r4Builder(false));

export type R4ResourceType = keyof typeof R4Strict;
export const R4_RESOURCE_TYPES = Object.keys(R4Strict) as R4ResourceType[];

export type Organization = Static<typeof R4Strict.Organization>;
export type Location = Static<typeof R4Strict.Location>;
export type Device = Static<typeof R4Strict.Device>;
export type SupplyRequest = Static<typeof R4Strict.SupplyRequest>;
export type SupplyDelivery = Static<typeof R4Strict.SupplyDelivery>;
export type OperationOutcome = Static<typeof R4Strict.OperationOutcome>;
export type Bundle = Static<typeof R4Strict.Bundle>;
export type CapabilityStatement = Static<typeof R4Strict.CapabilityStatement>;
export type Identifier = NonNullable<Organization["identifier"]>[number];
export type CodeableConcept = NonNullable<SupplyRequest["itemCodeableConcept"]>;
export type Coding = NonNullable<CodeableConcept["coding"]>[number];
export type Reference = NonNullable<SupplyRequest["requester"]>;
export type Quantity = SupplyRequest["quantity"];
export type R4Resource = Organization | Location | Device | SupplyRequest | SupplyDelivery;
