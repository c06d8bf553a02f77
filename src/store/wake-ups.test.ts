import { afterAll, describe, expect, it } from "vitest";
import { STORE_KINDS } from "../../test/support/stores.js";
import { openStore } from "./open-store.js";
import type { Store } from "./store.js";

const nextWake = (calls: number[], after: number) =>
  new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 5_000;
    const check = () =>
      calls.length > after
        ? resolve()
        : Date.now() > deadline
          ? reject(new Error("no wake-up"))
          : setTimeout(check, 10);
    check();
  });

describe.each(STORE_KINDS)("wake-ups across the processes sharing a store ($name)", (kind) => {
  const url = kind.url();
  const opened: Store[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close();
    await kind.cleanup(url);
  });
  /** A writing and a listening side: PGlite is one process's store, so its listeners live on the same object; PostgreSQL: a second pool. */
  const writerAndReader = async (): Promise<{ writer: Store; reader: Store }> => {
    const writer = await openStore(url);
    opened.push(writer);
    const reader = kind.name === "pglite" ? writer : await openStore(url);
    if (reader !== writer) opened.push(reader);
    return { writer, reader };
  };

  it("a notify on the outbox topic reaches every listener of that store, and stops reaching a stopped one", async () => {
    const { writer, reader } = await writerAndReader();
    const calls: number[] = [];
    const stop = await reader.listen("outbox", () => calls.push(Date.now()));
    const before = calls.length; // a (re)connected listener wakes once, in case it missed one
    await writer.notify("outbox");
    await nextWake(calls, before);
    await stop();
    const after = calls.length;
    await writer.notify("outbox");
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.length).toBe(after);
  });

  it("keeps topics apart: a notify on deliveries wakes its listeners, not the outbox's", async () => {
    const { writer, reader } = await writerAndReader();
    const outbox: number[] = [];
    const deliveries: number[] = [];
    const stops = [
      await reader.listen("outbox", () => outbox.push(1)),
      await reader.listen("deliveries", () => deliveries.push(1)),
    ];
    const [o, d] = [outbox.length, deliveries.length];
    await writer.notify("deliveries");
    await nextWake(deliveries, d);
    await new Promise((r) => setTimeout(r, 200));
    expect(outbox.length).toBe(o);
    for (const stop of stops) await stop();
  });

  it("does not wake a listener of another schema on the same server", async (ctx) => {
    if (kind.name !== "postgres") return ctx.skip("one PGlite store is one process's; there is nothing else to wake");
    const otherUrl = kind.url();
    const other = await openStore(otherUrl);
    const mine = await openStore(url);
    opened.push(other, mine);
    const calls: number[] = [];
    const stop = await other.listen("outbox", () => calls.push(1));
    const before = calls.length;
    await mine.notify("outbox");
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.length).toBe(before);
    await stop();
    await kind.cleanup(otherUrl);
  });
});
