// Memory soak through real ccr: streaming requests at a fixed concurrency for SOAK_SECONDS (default 60)
// through the plugin in pool mode, on ccr 1.0.73 and 2.0.0. The live heap of the ccr process is read
// after forced GC (bench/heap-probe.cjs), each time at rest 5 s after the last response (sockets and
// short timers of the last requests settle): after a warm-up, and after the soak. The figure to watch is
// the growth between the two (goal: under 2 MB); the heap right at the end of the soak is printed too.
// Run: `npm run soak` (builds dist/ first).

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { cerebrasSse, USAGE } from "../test/stream/support/cerebras-sse";
import { type CcrVersion, startCcr } from "../test/support/ccr-harness";
import { startReplayUpstream } from "../test/support/replay-upstream";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 8);
const WARMUP = 200;
// SOAK_PLUGIN: another build to compare with (e.g. one from an older commit).
const PLUGIN = process.env.SOAK_PLUGIN ?? resolve(__dirname, "..", "dist", "cerebras-transformer.cjs");
const SETTLE_MS = 5000;
const PROBE = resolve(__dirname, "heap-probe.cjs");
const GOAL_MB = 2;

const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function soak(version: CcrVersion): Promise<boolean> {
  const upstream = await startReplayUpstream({ models: ["gpt-oss-120b"] });
  const dir = mkdtempSync(join(tmpdir(), "ccr-soak-"));
  const heapFile = join(dir, "heap");
  const ccr = await startCcr({
    version,
    env: { NODE_OPTIONS: `--require ${PROBE}`, SOAK_HEAP_FILE: heapFile },
    config: {
      LOG_LEVEL: "warn",
      // SOAK_RELAY=false measures the path where ccr makes the upstream call itself.
      transformers: [
        { path: PLUGIN, options: { discoverModels: false, relay: process.env.SOAK_RELAY !== "false" } },
      ],
      Providers: [
        {
          name: "cerebras",
          api_base_url: `${upstream.url}/chat/completions`,
          api_key: "sk-soak",
          models: ["gpt-oss-120b"],
          transformer: { use: ["ccr-cerebras"] },
        },
      ],
      Router: { default: "cerebras,gpt-oss-120b" },
    },
  });
  const sse = cerebrasSse([
    ...Array.from({ length: 40 }, (_, i) => ({ content: `word${i} ` })),
    { finish: "stop", usage: USAGE },
  ]);
  let probes = 0;
  const liveHeap = async (): Promise<number> => {
    const file = `${heapFile}.${++probes}`;
    process.kill(ccr.pid, "SIGUSR2");
    for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(50);
    if (!existsSync(file)) throw new Error(`ccr ${version} did not report its heap (is the probe loaded?)`);
    return Number(readFileSync(file, "utf8"));
  };
  let sent = 0;
  const one = async (): Promise<void> => {
    upstream.enqueue({ body: sse });
    const res = await fetch(`${ccr.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": ccr.apiKey },
      body: JSON.stringify({
        model: "cerebras,gpt-oss-120b",
        max_tokens: 256,
        stream: true,
        messages: [{ role: "user", content: `request ${sent}` }],
      }),
    });
    const text = await res.text();
    if (!res.ok || !text.includes("message_stop"))
      throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
    sent++;
    // The replay upstream keeps every request it saw; the soak must not measure the bench's own books.
    upstream.requests.length = 0;
  };
  const worker = async (until: () => boolean) => {
    while (!until()) await one();
  };
  try {
    const warmTarget = WARMUP;
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(() => sent >= warmTarget)));
    await sleep(SETTLE_MS);
    const before = await liveHeap();
    const start = sent;
    const end = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(() => Date.now() >= end)));
    const atEnd = await liveHeap();
    await sleep(SETTLE_MS);
    const after = await liveHeap();
    const n = sent - start;
    const growth = after - before;
    const ok = growth < GOAL_MB * 1024 * 1024;
    console.log(
      `ccr ${version}${process.env.SOAK_RELAY === "false" ? " (relay: false)" : ""}: ${n} requests in ${SECONDS}s ` +
        `at concurrency ${CONCURRENCY}; live heap after GC, at rest: ${MB(before)} → ${MB(after)} MB ` +
        `(growth ${MB(growth)} MB, ${((growth / n) | 0).toLocaleString()} B/request; ${MB(atEnd)} MB right at ` +
        `the end of the soak) — ${ok ? "flat" : `GROWS (goal < ${GOAL_MB} MB)`}`,
    );
    return ok;
  } finally {
    await ccr.stop();
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const versions = (process.env.SOAK_CCR?.split(",") ?? ["1.0.73", "2.0.0"]) as CcrVersion[];
  let ok = true;
  for (const v of versions) ok = (await soak(v)) && ok;
  if (!ok) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
