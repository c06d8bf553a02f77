import type { Facility, Item, PurchaseOrder, Requisition, ShipNotice, Supplier } from "../../model/index.js";

/** Canonical records as the FHIR export tests use them: every identifier the mappings can write. */
const address = {
  line1: "200 Lakeside Ave",
  line2: "Dock 4",
  city: "Springfield",
  region: "IL",
  postalCode: "62701",
  country: "US",
};

export const supplier: Supplier = {
  kind: "supplier",
  id: "sup-acme_med",
  name: "Acme Medical Supply",
  status: "active",
  duns: "123456789",
  gln: "0614141000012",
  paymentTermsNetDays: 30,
  remitTo: address,
};

export const facility: Facility = {
  kind: "facility",
  id: "fac-north",
  name: "North Campus Hospital",
  type: "hospital",
  gln: "0614141000029",
  hin: "12345AB01",
  timeZone: "America/Chicago",
  purchasingEntityId: "pe-1",
  address,
};

export const item: Item = {
  kind: "item",
  id: "itm-hip-1",
  description: "Femoral stem, modular, coated",
  manufacturerName: "Acme Devices, Inc",
  manufacturerPartNo: "PM-2014",
  gtin: "00844588003288",
  unspsc: "42295400",
  baseUom: "each",
  packaging: [{ uom: "each", quantityOfBase: 1, gtin: "00844588003288" }],
  clinicalCategory: "implant",
  status: "active",
};

export const requisition: Requisition = {
  kind: "requisition",
  id: "req-77",
  facilityId: "fac-north",
  costCenterId: "cc-or",
  requester: "Dana Reyes",
  neededBy: "2026-03-02",
  lines: [
    { lineId: "1", itemId: "itm-hip-1", quantity: "2", uom: "each" },
    { lineId: "2", itemId: "itm-gauze:4x4", quantity: "12.5", uom: "box" },
  ],
};

export const purchaseOrder: PurchaseOrder = {
  kind: "purchase-order",
  id: "PO 4500012",
  purpose: "original",
  orderDate: "2026-02-20",
  currency: "USD",
  parties: [
    { role: "buyer", name: "North Campus Hospital", ids: [{ scheme: "hin", value: "12345AB01" }] },
    {
      role: "supplier",
      name: "Acme Medical Supply",
      ids: [
        { scheme: "duns", value: "123456789" },
        { scheme: "tin", value: "12-3456789" },
      ],
    },
    { role: "ship-to", name: "North dock", ids: [{ scheme: "gln", value: "0614141000029" }] },
  ],
  lines: [
    {
      lineId: "10",
      item: { itemId: "itm-hip-1", description: "Femoral stem" },
      quantity: "1",
      uom: "each",
      unitPrice: "1450.00",
    },
    {
      lineId: "20",
      item: { gtin: "10614141000415", supplierPartNo: "GZ-44", description: "Gauze 4x4" },
      quantity: "3",
      uom: "case",
      unitPrice: "62.20",
      requestedDelivery: "2026-02-27",
    },
  ],
};

export const shipNotice: ShipNotice = {
  kind: "ship-notice",
  id: "ASN-9",
  purpose: "original",
  noticeDate: "2026-02-24",
  shipDate: "2026-02-23",
  trackingNumbers: ["1Z999"],
  parties: [
    { role: "ship-from", name: "Acme DC", ids: [{ scheme: "gln", value: "0614141000036" }] },
    { role: "ship-to", name: "North dock", ids: [{ scheme: "gln", value: "0614141000029" }] },
  ],
  orders: [
    {
      purchaseOrderId: "PO 4500012",
      lines: [
        {
          lineId: "10",
          item: { gtin: "00844588003288", description: "Femoral stem" },
          quantityShipped: "1",
          uom: "each",
          lot: "7654321D",
          serial: "10987654d321",
          expiresOn: "2029-11-20",
        },
        { item: { supplierPartNo: "GZ-44" }, quantityShipped: "3", uom: "case" },
      ],
    },
  ],
};
