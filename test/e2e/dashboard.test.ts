import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEDLINE, seedDashboardData } from "../support/dashboard-data.js";
import { supplierRecord } from "../support/records.js";
import { STORE_KINDS } from "../support/stores.js";
import { hubHeaders, TEST_API_KEY, useRecordingHub } from "../support/test-hub.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(process.cwd(), "test-artifacts", "dashboard");
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CONCORD_REQUIRE_CHROMIUM === "1") {
  throw new Error(`CONCORD_REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM}`);
}

/**
 * The dashboard in a real headless Chromium against a real hub: every view loads with its data,
 * charts draw, a dead letter is replayed and an invoice exception resolved by clicking, and a
 * change made after the page loaded shows up without a reload. Screenshots: test-artifacts/dashboard/.
 */
describe.skipIf(!haveChromium)(
  `dashboard in Chromium (${haveChromium ? "found" : `skipped: no Chromium at ${CHROMIUM}`})`,
  () => {
    const kind = STORE_KINDS[0]!;
    const env = useRecordingHub(kind, {
      retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
      partners: [MEDLINE],
    });
    let browser: Browser;
    let page: Page;
    let seeded: Awaited<ReturnType<typeof seedDashboardData>>;

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      seeded = await seedDashboardData(env.hub, env.target, "e");
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
      page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      page.on("pageerror", (e) => console.error("page error:", e));
    }, 90_000);
    afterAll(async () => {
      await browser?.close();
    });

    const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    /** A canvas uPlot drew on: some pixel is not transparent. */
    const drawnCanvases = () =>
      page.evaluate(
        () =>
          [...(globalThis as any).document.querySelectorAll("canvas")].filter((c: any) => {
            const ctx = c.getContext("2d");
            if (!ctx || c.width === 0 || c.height === 0) return false;
            const px = ctx.getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
            return false;
          }).length,
      );

    it("asks for the API key, keeps it for the tab, and shows the processes with their charts", async () => {
      await page.goto(`${env.hub.url}/dashboard/`);
      await page.locator("#key-dialog[open]").waitFor();
      await page.fill("#key-input", TEST_API_KEY);
      await page.click("#key-form button[type=submit]");
      await page.locator('[data-process="contract-propagation"] canvas').first().waitFor();
      expect(await page.evaluate(() => (globalThis as any).sessionStorage.getItem("concord.apiKey"))).toBe(
        TEST_API_KEY,
      );
      await expect.poll(drawnCanvases, { timeout: 10_000 }).toBeGreaterThanOrEqual(9);
      expect(await page.textContent('[data-process="requisition-to-po"]')).toContain("× requisition");
      expect(await page.textContent('[data-process="contract-propagation"]')).toContain("50.0%");
      await shot("overview");
    });

    it("shows each target's health", async () => {
      await page.goto(`${env.hub.url}/dashboard/#/targets`);
      await page.locator('[data-target="procurement"]').waitFor();
      expect(await page.textContent('[data-target="procurement"]')).toContain("1 dead");
      await shot("targets");
    });

    it("replays a dead letter by clicking, after a dry run", async () => {
      await page.goto(`${env.hub.url}/dashboard/#/failures?kind=dead-letter`);
      await page.click(`tr[data-kind="dead-letter"][data-id="${seeded.letter.id}"]`);
      await page.locator("#failure-detail h3").first().waitFor();
      expect(await page.textContent("#failure-detail")).toContain(seeded.dead.number);
      await page.click("#replay-dry");
      await page.locator("#failure-detail .result", { hasText: "would send 1" }).waitFor();
      await shot("failure-dead-letter");
      await page.click("#replay");
      await page.locator("#failure-detail .result", { hasText: "Replayed 1" }).waitFor();
      await expect
        .poll(
          async () => {
            const r = await fetch(`${env.hub.url}/v1/dead-letters/${seeded.letter.id}`, { headers: hubHeaders() });
            return ((await r.json()) as { status: string }).status;
          },
          { timeout: 15_000 },
        )
        .toBe("acknowledged");
    });

    it("resolves an invoice exception by clicking", async () => {
      await page.goto(`${env.hub.url}/dashboard/#/failures?kind=exception&type=invoice-match`);
      await page.click(`tr[data-kind="exception"][data-id="${seeded.exception.id}"]`);
      await page.locator("#resolve-form").waitFor();
      expect(await page.textContent("#failure-detail")).toContain("ISA*");
      await page.selectOption("#resolve-form select[name=resolution]", "receipt-recorded");
      await page.fill(
        "#resolve-form textarea[name=reason]",
        "The dock recorded the receipt late; checked with receiving.",
      );
      await shot("failure-exception");
      await page.click("#resolve-form button[type=submit]");
      await page.locator("#failure-detail .result", { hasText: "Resolved." }).waitFor();
      const r = await fetch(`${env.hub.url}/v1/invoice-exceptions?status=resolved`, { headers: hubHeaders() });
      const items = ((await r.json()) as { items: { id: number; resolution: { code: string } }[] }).items;
      expect(items.find((x) => x.id === seeded.exception.id)?.resolution).toMatchObject({ code: "receipt-recorded" });
    });

    it("updates live: a violation made after the page loaded appears without a reload", async () => {
      await page.goto(`${env.hub.url}/dashboard/#/violations`);
      await page.locator("#ownership-total").waitFor();
      await page.locator("#live[data-state=live]").waitFor();
      const before = Number(await page.textContent("#ownership-total"));
      await expect.poll(drawnCanvases, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      const navigations: string[] = [];
      page.on("framenavigated", (f) => navigations.push(f.url()));
      await fetch(`${env.hub.url}/v1/imports/suppliers`, {
        method: "POST",
        headers: { ...hubHeaders(), "content-type": "application/json", "x-concord-system": "procurement" },
        body: JSON.stringify({ records: [{ ...supplierRecord(1), name: "Renamed live by procurement" }] }),
      });
      await page.locator("#ownership-total", { hasText: String(before + 1) }).waitFor({ timeout: 15_000 });
      expect(navigations).toEqual([]);
      await shot("violations");
    });

    it("shows a trace, the consistency with its differing fields, and the outcomes", async () => {
      await page.goto(`${env.hub.url}/dashboard/#/trace?id=${encodeURIComponent(seeded.letter.correlationId)}`);
      await page.locator(".lanes .step").first().waitFor();
      expect(await page.textContent(".lanes")).toContain("procurement");
      await shot("trace");
      await page.goto(`${env.hub.url}/dashboard/#/consistency`);
      await page.locator("table.consistency").waitFor();
      expect(await page.textContent("table.consistency")).toContain("75.0%");
      await page.click("table.consistency button");
      await page.locator("#findings .diff").waitFor();
      expect(await page.textContent("#findings")).toContain("Supplier One");
      await shot("consistency");
      await page.goto(`${env.hub.url}/dashboard/#/outcomes`);
      await page.locator(".outcomes .tile").first().waitFor();
      expect(await page.textContent(".outcomes")).toContain("$17.50");
      expect(await page.textContent(".outcomes")).toContain("Invoice to payment");
      await shot("outcomes");
    });
  },
);
