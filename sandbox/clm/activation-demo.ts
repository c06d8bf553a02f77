import { request } from "undici";
import type { SandboxDataset } from "../generator/types.js";

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const UOM: Record<string, string> = { each: "EA", box: "BX", case: "CA", pack: "PK", pair: "PR", kit: "KT" };

export interface ActivationDemoUrls {
  readonly hub: string;
  readonly clm: string;
  readonly erp: string;
}

interface DemoAgreement {
  readonly label: string;
  readonly contractId: string;
  readonly agreementNo: string;
  version?: number;
}

async function call(method: "GET" | "POST" | "PUT", url: string, body?: unknown, apiKey?: string) {
  const res = await request(url, {
    method,
    headers: { "content-type": "application/json", ...(apiKey ? { "x-api-key": apiKey } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.body.text();
  if (res.statusCode >= 400) throw new Error(`${method} ${url} answered ${res.statusCode}: ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : {}) as {
    amendmentNo?: number;
    versions?: { version: number; status: string }[];
  };
}

/**
 * Contract price activation, shown live on `npm start`: three CLM amendments with near-future
 * effective dates (tomorrow and the day after), so their activations wait for the start of the day
 * in each facility's time zone. The second is withdrawn after a while (the hub compensates with
 * the previous terms); the third is sent while the ERP is in a maintenance window, so its deadline
 * passes unacknowledged and a fallback decision waits for a person.
 */
export async function runActivationDemo(
  urls: ActivationDemoUrls,
  operatorKey: string,
  dataset: SandboxDataset,
  // Unref'd: a hub stopping while the demo waits is not held open by it.
  wait = (ms: number) => new Promise((r) => setTimeout(r, ms).unref()),
): Promise<DemoAgreement[]> {
  const c = dataset.canonical;
  const local = (system: string, type: string, id: string) =>
    c.xrefs.find((x) => x.system === system && x.entityType === type && x.canonicalId === id)?.localId;
  const today = day(0);
  const picked = c.contracts
    .filter((k) => k.effectiveFrom <= today && today < k.expiresOn && k.eligibility.length > 0)
    .slice(-3);
  const labels = [
    "activates at midnight in each facility's zone",
    "withdrawn by the CLM",
    "deadline missed (ERP maintenance)",
  ];
  const demo: DemoAgreement[] = picked.map((k, i) => ({
    label: labels[i]!,
    contractId: k.id,
    agreementNo: local("clm", "contract", k.id) ?? k.number,
  }));
  const amend = async (d: DemoAgreement, days: number) => {
    const k = c.contracts.find((x) => x.id === d.contractId)!;
    const line = k.priceLines[0]!;
    const sent = await call("POST", `${urls.clm}/clm/api/agreements/${d.agreementNo}/amendments`, {
      effectiveDate: day(days),
      priceChanges: [
        {
          itemCode: local("clm", "item", line.itemId),
          uom: UOM[line.uom] ?? "EA",
          price: (Number(line.unitPrice) * 1.04).toFixed(4),
        },
      ],
    });
    d.version = sent.amendmentNo as number;
  };
  const acknowledged = async (d: DemoAgreement, version: number) => {
    for (let i = 0; i < 120; i++) {
      const p = await call("GET", `${urls.hub}/v1/contracts/${d.contractId}/propagation`, undefined, operatorKey).catch(
        () => undefined,
      );
      if (p?.versions?.find((v) => v.version === version)?.status === "released") return;
      await wait(500);
    }
  };
  if (demo.length < 3) return demo;
  await amend(demo[0]!, 1);
  await amend(demo[1]!, 2);
  await acknowledged(demo[1]!, demo[1]!.version!);
  await wait(20_000);
  const withdrawn = demo[1]!.version!;
  await call("POST", `${urls.clm}/clm/api/agreements/${demo[1]!.agreementNo}/amendments/${withdrawn}/withdraw`, {
    reason: "amendment signed in error (demo)",
  });
  // The compensation (the previous terms as the next version) reaches every target before the ERP goes down.
  await acknowledged(demo[1]!, withdrawn + 1);
  // The ERP goes into a 15-minute maintenance window; the third amendment cannot be acknowledged.
  await call("PUT", `${urls.erp}/erp/_faults`, { maintenanceUntil: new Date(Date.now() + 15 * 60_000).toISOString() });
  await amend(demo[2]!, 1);
  return demo;
}

/** What the console says once the demo amendments are out: where to look and what to decide. */
export function describeActivationDemo(demo: readonly DemoAgreement[], hubUrl: string): string {
  return [
    "",
    "Contract price activation demo (docs/workflows/contract-price-activation.md):",
    ...demo.map(
      (d) =>
        `  ${d.label.padEnd(46)} curl -H "x-api-key: $CONCORD_API_KEY" ${hubUrl}/v1/contracts/${d.contractId}/versions/${d.version ?? 2}/activations`,
    ),
    `  the deadline exception appears in about a minute: curl -H "x-api-key: $CONCORD_API_KEY" '${hubUrl}/v1/exceptions?subjectType=contract&status=open'`,
    `  decide: curl -X POST -H "x-api-key: $CONCORD_API_KEY" -H 'content-type: application/json' ${hubUrl}/v1/contracts/${demo[2]?.contractId}/versions/${demo[2]?.version ?? 2}/activation-decision -d '{"decision":"activate-anyway","decidedBy":"you","reason":"ERP maintenance overran"}'`,
    "",
  ].join("\n");
}
