import { request } from "undici";
import type { SandboxDataset } from "../generator/types.js";

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A morning's onboardings as procurement completes them: two clean suppliers (one whose insurance
 * runs out within the month), one on the OIG exclusion list, one without a W-9, and a new remit-to
 * bank account for an existing supplier, which waits for two approvers.
 */
export function demoOnboardings(dataset: SandboxDataset): { label: string; body: Record<string, unknown> }[] {
  const existing = dataset.canonical.suppliers[1]!;
  const base = (n: number, name: string) => ({
    name,
    address: {
      line1: `${200 + n} Industrial Pkwy`,
      city: "Madison",
      region: "WI",
      postalCode: `537${n}0`,
      country: "US",
    },
    taxId: `27-${4_100_000 + n * 7_919}`,
    w9: { onFile: true, documentRef: `W9-2026-${n}` },
    bankAccount: { routingNumber: "075000022", accountNumber: `${880_000_100 + n}`, accountType: "checking" },
    insurance: { certificateExpiresOn: day(300), carrier: "Lakeshore Mutual" },
    contacts: [{ name: "Accounts Receivable", email: `ar${n}@example.com`, phone: "+1 608 555 0100" }],
  });
  return [
    { label: "clean new supplier", body: base(1, "Prairie Sterilization Services LLC") },
    {
      label: "insurance expiring within 30 days",
      body: { ...base(2, "Badger Respiratory Products Inc"), insurance: { certificateExpiresOn: day(20) } },
    },
    { label: "on the OIG LEIE", body: base(3, "Shady Medical Supply, Inc.") },
    { label: "no W-9 on file", body: { ...base(4, "Lakeside Orthotics Co"), w9: { onFile: false } } },
    {
      label: `bank change for ${existing.name}`,
      body: {
        ...base(5, existing.name),
        supplierId: existing.id,
        address: existing.remitTo,
        bankAccount: { routingNumber: "071000013", accountNumber: "4421907733", accountType: "checking" },
      },
    },
  ];
}

/**
 * Sends the demo onboardings to the hub as procurement, unless it has them already; returns what
 * the hub answered for each (nothing when they were there).
 */
export async function sendDemoOnboardings(
  hubUrl: string,
  procurementKey: string,
  dataset: SandboxDataset,
): Promise<{ label: string; status: number; id?: string; supplierId?: string }[]> {
  const out: { label: string; status: number; id?: string; supplierId?: string }[] = [];
  const demo = demoOnboardings(dataset);
  // A store kept from an earlier start already has them: sending again would only make duplicates.
  const seen = await request(`${hubUrl}/v1/suppliers?name=${encodeURIComponent(String(demo[0]!.body.name))}`, {
    headers: { "x-api-key": procurementKey },
  });
  const found = (await seen.body.json()) as { items?: unknown[] };
  if ((found.items?.length ?? 0) > 0) return out;
  for (const { label, body } of demo) {
    const res = await request(`${hubUrl}/v1/suppliers/onboarding`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": procurementKey },
      body: JSON.stringify(body),
    });
    const answer = (await res.body.json()) as { id?: string; supplierId?: string };
    out.push({
      label,
      status: res.statusCode,
      ...(answer.id ? { id: answer.id } : {}),
      ...(answer.supplierId ? { supplierId: answer.supplierId } : {}),
    });
  }
  return out;
}

/** What `npm start` prints about the onboardings it sent: each one and how to follow it. */
export function describeDemoOnboardings(
  sent: readonly { label: string; status: number; id?: string; supplierId?: string }[],
  hubUrl: string,
  /** The sandbox treasurer's key (src/cli/sandbox-clients.ts), the second approver of bank changes. */
  keys: { readonly treasurer: string },
): string {
  if (sent.length === 0) return "Supplier onboarding: the demo onboardings are in the store from an earlier start.";
  const pending = sent.find((s) => s.label.startsWith("bank change"));
  return [
    "Supplier onboarding: procurement sent these (checks, ERP vendor numbers and exceptions follow within seconds):",
    ...sent.map((s) => `  ${s.status} ${s.id ?? ""}  ${s.supplierId ?? ""}  ${s.label}`),
    `  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/suppliers/onboarding/${sent[0]?.id}`,
    `  curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/suppliers/${sent[2]?.supplierId}/payment-readiness`,
    ...(pending
      ? [
          "  the bank change needs two approvers, neither of them procurement: you (the operator) and the treasurer",
          `  curl -X POST -H "x-api-key: $CONCORD_API_KEY" -H 'content-type: application/json' -d '{"decision":"approve"}' ${hubUrl}/v1/suppliers/onboarding/${pending.id}/approvals`,
          `  curl -X POST -H "x-api-key: ${keys.treasurer}" -H 'content-type: application/json' -d '{"decision":"approve"}' ${hubUrl}/v1/suppliers/onboarding/${pending.id}/approvals`,
        ]
      : []),
    "",
  ].join("\n");
}
