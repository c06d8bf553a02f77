import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { partner997, waitForFile, withDistributorXrefs } from "../support/partner-997.js";
import { amendment, contractV1, smallHealthSystem } from "../support/small-health-system.js";
import { type Sshd, sshdUnavailable, startSshd } from "../support/sshd.js";
import { STORE_KINDS } from "../support/stores.js";
import { deliveryStatuses, getJson, postVersion, startTestHub, waitFor } from "../support/test-hub.js";

const unavailable = sshdUnavailable();
if (unavailable) console.warn(`edi-over-sftp.test.ts skipped: ${unavailable}`);

/** The same 845/997 exchange as over a file drop, through the partner's real OpenSSH server. */
describe.skipIf(unavailable !== undefined).each(STORE_KINDS)("EDI with a distributor over SFTP ($name)", (kind) => {
  let sshd: Sshd;
  let t: Awaited<ReturnType<typeof startTestHub>>;
  let base: string;

  beforeAll(async () => {
    sshd = await startSshd();
    base = join(sshd.dir, `edi-${kind.name}`);
    for (const f of ["in", "archive", "out", "error"]) await mkdir(join(base, f), { recursive: true });
    t = await startTestHub(kind, {
      targets: [{ system: "distributor", kind: "x12-price-authorization", url: "" }],
      partners: [
        {
          system: "distributor",
          x12: { qualifier: "ZZ", id: "DISTRIB" },
          sftp: {
            host: sshd.host,
            port: sshd.port,
            username: sshd.username,
            privateKey: sshd.privateKey,
            hostKeyFingerprint: sshd.hostKeyFingerprint,
            inboundDir: join(base, "in"),
            archiveDir: join(base, "archive"),
            outboundDir: join(base, "out"),
            errorDir: join(base, "error"),
            settleMs: 0,
            pollMs: 200,
          },
        },
      ],
      seed: withDistributorXrefs(smallHealthSystem()),
    });
  });
  afterAll(async () => {
    await t?.dispose();
    await sshd?.stop();
  });

  it("pushes the 845 to the partner's server and releases the price when its 997 is pulled back", async () => {
    expect((await postVersion(t.hub.url, amendment(contractV1(), 2, "2026-07-01"))).status).toBe(202);
    const name = await waitForFile(join(base, "out"), /^845-.*-v2-/);
    const interchange = await readFile(join(base, "out", name), "utf8");
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).distributor === "delivered");

    await writeFile(join(base, "in", ".997.tmp"), partner997(interchange, true, "000000601"));
    await rename(join(base, "in", ".997.tmp"), join(base, "in", "997-601.x12"));
    await waitFor(async () => (await deliveryStatuses(t.hub.url, "ctr-1", 2)).distributor === "acknowledged");
    expect((await getJson(`${t.hub.url}/v1/contracts/ctr-1/propagation`)).body.versions[0]).toMatchObject({
      version: 2,
      status: "released",
    });
    await waitForFile(join(base, "archive"), /997-601\.x12$/);
    expect((await readdir(join(base, "out"))).filter((f) => f.startsWith("ack-"))).toEqual([]);
  });
});
