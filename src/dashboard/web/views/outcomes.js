import { api } from "../api.js";
import { duration, fill, h, num, pct, table } from "../dom.js";

/** Business outcomes: whether the hub improves operations. */
export function mount(root) {
  const body = h("div");
  fill(root, h("div", { class: "toolbar" }, h("h1", {}, "Business outcomes (30 days)")), body);
  const refresh = async () => {
    const o = await api("/v1/outcomes?window=30d");
    const d = o.invoiceDisputes;
    const c = o.contractActivation;
    const m = o.manualTouches;
    const v = o.duplicateVendors;
    const p = o.pricingLeakage;
    const w = o.invoiceToPayment;
    fill(
      body,
      h(
        "div",
        { class: "tiles outcomes" },
        tile(
          "Invoice disputes",
          pct(d.disputeRate),
          `${num(d.disputed)} of ${num(d.invoicesReceived)} invoices held · ${num(d.exceptions.open)} exceptions open`,
        ),
        tile(
          "Contract activation",
          duration(c.p50Ms),
          `p95 ${duration(c.p95Ms)} · ${num(c.released)} of ${num(c.versionsReceived)} versions released · ${num(c.pending)} pending`,
        ),
        tile("Manual touches", num(m.total), m.byAction.map((a) => `${a.action} ${a.count}`).join(" · ") || "none"),
        tile(
          "Duplicate vendor rate",
          pct(v.duplicateRate),
          `${num(v.duplicates)} of ${num(v.onboardingsChecked)} onboardings`,
        ),
        tile(
          "Estimated pricing leakage",
          `$${p.estimatedLeakage}`,
          `${num(p.linesAboveContract)} lines above contract · ${num(p.linesChecked)} checked · ${num(p.linesUnpriced)} not priceable`,
        ),
        tile(
          "Invoice to payment",
          w.p50Days === null ? "–" : `${num(w.p50Days)} days`,
          `p95 ${w.p95Days === null ? "–" : `${num(w.p95Days)} days`} · ${num(w.invoicesPaid)} invoices in ${num(w.paymentsReceived)} payments · $${w.discountTaken} discounts taken`,
        ),
      ),
      h("h2", {}, "Lines priced above contract"),
      table(
        [
          ["PO", (l) => l.purchaseOrderId],
          ["Line", (l) => l.lineId],
          ["Item", (l) => l.itemId],
          ["Facility", (l) => l.facilityId],
          ["Paid", (l) => l.paid],
          ["Contract", (l) => `${l.contract} (${l.contractNumber})`],
          ["Leakage", (l) => l.leakage],
        ],
        p.topLines,
        { empty: "No purchase-order line above its contract price." },
      ),
      h("h2", {}, "Invoice exceptions by type"),
      table(
        [
          ["Type", (t) => t.type],
          ["Open", (t) => num(t.open)],
          ["Resolved", (t) => num(t.resolved)],
        ],
        d.exceptions.byType,
        { empty: "None." },
      ),
    );
  };
  return { refresh };
}

const tile = (title, value, detail) =>
  h(
    "section",
    { class: "card tile" },
    h("h2", {}, title),
    h("p", { class: "big" }, value),
    h("p", { class: "note" }, detail),
  );
