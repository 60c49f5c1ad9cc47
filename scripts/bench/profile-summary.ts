/**
 * `npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile [--top 25]`: where a CPU profile written
 * by `npm run bench -- --profile DIR` spent its time, by function and by package (self time).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const topIndex = process.argv.indexOf("--top");
const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
if (!file) {
  console.error("usage: npx tsx scripts/bench/profile-summary.ts FILE.cpuprofile [--top 25]");
  process.exit(2);
}

const profile = JSON.parse(readFileSync(file, "utf8")) as {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
};
const hits = new Map<number, number>();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);
const total = profile.samples.length;

/** node_modules/<package> (scoped too), the app's own code, Node's internals or V8's pseudo-frames. */
function packageOf(url: string, name: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.startsWith("node:")) return "node (internal)";
  if (url === "") return name.startsWith("(") ? name : "native";
  return "app";
}

const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const count = hits.get(node.id) ?? 0;
  if (count === 0) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    ? `${url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/main\//, "")}:${lineNumber + 1}`
    : "";
  const key = `${functionName || "(anonymous)"} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + count);
  const pkg = packageOf(url, functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
}

const seconds = (profile.endTime - profile.startTime) / 1e6;
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, count] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((count / total) * 100).toFixed(1).padStart(6)}%  ${key}`);
  }
};
console.log(`${file}: ${total} samples over ${seconds.toFixed(1)} s`);
print("self time by package", byPackage);
print("self time by function", byFunction);
