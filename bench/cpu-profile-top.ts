import { readFileSync } from "node:fs";

/**
 * Top self-time functions of a V8 .cpuprofile (node --cpu-prof), grouped by function and file,
 * so a bench profile can be read without DevTools: npx tsx bench/cpu-profile-top.ts <file> [n]
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, n = "30"] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const node = byId.get(id)!;
  const url = node.callFrame.url.replace(/^.*node_modules\//, "nm/").replace(/^file:\/\/.*\/main\//, "");
  const key = `${node.callFrame.functionName || "(anonymous)"}  ${url}:${node.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
// Coarse buckets answer "where does the hub's time go" (store vs JSON vs mapping vs HTTP) at a glance.
const BUCKETS: [string, RegExp][] = [
  ["pglite wasm", /^wasm-function/],
  [
    "pglite fs (emscripten nodefs + syscalls)",
    /chunk-XZUEO4BZ|^(fstat|open|close|writeBuffer|writeString|read|fsync|fdatasync|lstat|stat|ftruncate|utimes) {2}:0/,
  ],
  ["pglite js (protocol, parse, serialize)", /@electric-sql\/pglite|nm\/@electric-sql/],
  ["concord src/", /src\//],
  ["bench/", /bench\//],
  ["typebox", /typebox/],
  ["fastify/find-my-way/avvio", /fastify|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse/],
  ["undici", /undici/],
  ["gc", /garbage collector/],
  ["idle", /\(idle\)/],
  ["node internals/other", /./],
];
const buckets = new Map<string, number>();
for (const [k, us] of self) {
  const name = BUCKETS.find(([, re]) => re.test(k))![0];
  buckets.set(name, (buckets.get(name) ?? 0) + us);
}
for (const [k, us] of [...buckets.entries()].sort((a, b) => b[1] - a[1])) {
  console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  [${k}]`);
}
console.log("");
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(n));
console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
for (const [k, us] of top)
  console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
