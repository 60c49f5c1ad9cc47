import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { MAX_BODY_LENGTH } from "../../domains/articles/limits";
import { suggestClaims, suggestClaimsInSlices } from "../../domains/suggestions/suggest";
import { readSeedArticleBody } from "../../prisma/seed/article";

// `npm run bench:suggestions`: the suggestion engine's CPU time on 200,000-character bodies, plain and
// hostile, as ratios to plain prose measured in the same run; then how long an HTTP request to the same
// process waits while the largest body is computed in slices (the server's view of it). Not part of
// npm test: the tests assert ratios and interleaving, this prints the times.

const SENTENCE = "The army said 5,000 people died in 2023.";
const tail = `b. ${SENTENCE}`;
const seed = readSeedArticleBody();
const fill = (unit: string) => unit.repeat(Math.ceil(MAX_BODY_LENGTH / unit.length)).slice(0, MAX_BODY_LENGTH);
const BODIES: [string, string][] = [
  ["plain prose (the seed article repeated)", fill(seed)],
  ["`a`, spaces, then a sentence", `a${" ".repeat(MAX_BODY_LENGTH - tail.length - 1)}${tail}`],
  ["`a`, no-break spaces, then a sentence", `a${"\u00a0".repeat(MAX_BODY_LENGTH - tail.length - 1)}${tail}`],
  ["`1111,111,111,…`", `1${fill("111,")}`.slice(0, MAX_BODY_LENGTH)],
  ["one sentence repeated, one paragraph", fill(`${SENTENCE} `)],
  ["a figure per line", fill("1\n")],
  ["one-letter sentences", fill("A! ")],
];
const RUNS = 3;

function cpuMilliseconds(body: string): number {
  const start = process.cpuUsage();
  suggestClaims(body, "en");
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

cpuMilliseconds(BODIES[0]![1]); // warm-up: compiles the patterns
const times = new Map(BODIES.map(([name]) => [name, [] as number[]]));
for (let run = 0; run < RUNS; run++) for (const [name, body] of BODIES) times.get(name)!.push(cpuMilliseconds(body));
const plain = median(times.get(BODIES[0]![0])!);
console.log(`suggestClaims, ${MAX_BODY_LENGTH.toLocaleString("en")} characters, CPU time (median of ${RUNS}):\n`);
console.log("| body | ms | ratio to plain prose |\n| --- | --- | --- |");
for (const [name] of BODIES) {
  const value = median(times.get(name)!);
  console.log(`| ${name} | ${value.toFixed(0)} | ${(value / plain).toFixed(2)} |`);
}

// Requests to this process while the hostile bodies are computed one after the other, in slices.
const server = createServer((_, response) => response.end('{"status":"ok"}'));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const latency = () =>
  new Promise<number>((resolve, reject) => {
    const start = performance.now();
    get(url, (answer) => answer.resume().on("end", () => resolve(performance.now() - start))).on("error", reject);
  });
const idle: number[] = [];
for (let index = 0; index < 50; index++) idle.push(await latency());
let computing = true;
const work = (async () => {
  for (const [, body] of BODIES.slice(1)) await suggestClaimsInSlices(body, "en");
})().finally(() => (computing = false));
const busy: number[] = [];
while (computing) busy.push(await latency());
await work;
server.close();
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
const describe = (values: number[]) =>
  `${values.length} requests: p50 ${quantile(values, 0.5).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
console.log(`\nHTTP requests to the same process, idle: ${describe(idle)}`);
console.log(`while the hostile bodies are computed in slices: ${describe(busy)}`);
