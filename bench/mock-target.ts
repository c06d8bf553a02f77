import { createServer } from "node:http";

/**
 * The three delivery targets of the bench, as one cheap node:http server in its own process, so
 * its CPU is not charged to the hub or the baseline. It reads the whole body (as a real target
 * must) and answers 200 with both reference shapes the connectors read (receiptId, DOCUMENT_ID).
 */
let seq = 0;
const server = createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    seq++;
    const body = JSON.stringify({ receiptId: `r-${seq}`, DOCUMENT_ID: seq });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  if (addr && typeof addr === "object") process.stdout.write(`http://127.0.0.1:${addr.port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
