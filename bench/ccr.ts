// Through real ccr 2.0.0: the same emulated large Cerebras stream via the plugin and via ccr's built-in
// path (no transformer), alternated, timed at the client. The upstream replays pre-rendered Cerebras SSE
// bytes in 16 KB network writes, so its own cost does not blur the comparison (the behaving emulator
// plans a whole reply before its first byte, which would dominate time to first content). Prints median total time, median time to first
// content, and the ratios ours / built-in (goal: both ≤ 1.0). Run: `npm run bench` (builds dist/ first).

import { resolve } from "node:path";
import { cerebrasSse, USAGE } from "../test/stream/support/cerebras-sse";
import { startCcr } from "../test/support/ccr-harness";
import { startReplayUpstream } from "../test/support/replay-upstream";

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const PLUGIN = resolve(__dirname, "..", "dist", "cerebras-transformer.cjs");

interface Sample {
  totalMs: number;
  firstContentMs: number;
  textChars: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main() {
  const upstream = await startReplayUpstream({ models: ["gpt-oss-120b"] });
  const provider = (name: string, use: string[]) => ({
    name,
    api_base_url: `${upstream.url}/chat/completions`,
    api_key: "sk-bench",
    models: ["gpt-oss-120b"],
    transformer: { use },
  });
  const ccr = await startCcr({
    version: "2.0.0",
    config: {
      LOG_LEVEL: "warn",
      transformers: [{ path: PLUGIN, options: { discoverModels: false } }],
      Providers: [provider("cerebras", ["ccr-cerebras"]), provider("builtin", [])],
      Router: { default: "cerebras,gpt-oss-120b" },
    },
  });
  const pieces = Array.from({ length: CHUNKS }, (_, i) => `tok${i % 100} `);
  const expectedChars = pieces.join("").length;
  const sse = cerebrasSse([...pieces.map((content) => ({ content })), { finish: "stop", usage: USAGE }]);
  const writes = sse.match(/[\s\S]{1,16384}/g) ?? [sse];

  async function once(providerName: string): Promise<Sample> {
    upstream.enqueue({ body: writes });
    const t0 = performance.now();
    const res = await fetch(`${ccr.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": ccr.apiKey },
      body: JSON.stringify({
        model: `${providerName},gpt-oss-120b`,
        max_tokens: 1024,
        stream: true,
        messages: [{ role: "user", content: "Write a long text." }],
      }),
    });
    if (!res.ok || !res.body) throw new Error(`${providerName}: HTTP ${res.status} ${await res.text()}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let firstContentMs = -1;
    let textChars = 0;
    let buf = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buf += value;
      const events = buf.split("\n\n");
      buf = events.pop() ?? "";
      for (const ev of events) {
        const i = ev.indexOf('"text_delta","text":');
        if (i < 0) continue;
        if (firstContentMs < 0) firstContentMs = performance.now() - t0;
        textChars += (JSON.parse(ev.slice(ev.indexOf("data: ") + 6)) as { delta: { text: string } }).delta
          .text.length;
      }
    }
    return { totalMs: performance.now() - t0, firstContentMs, textChars };
  }

  try {
    await once("cerebras"); // warm-up: plugin require, JIT, connections
    await once("builtin");
    const ours: Sample[] = [];
    const builtin: Sample[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 ? (["builtin", "cerebras"] as const) : (["cerebras", "builtin"] as const);
      for (const p of order) (p === "cerebras" ? ours : builtin).push(await once(p));
    }
    for (const [name, s] of [
      ["plugin", ours],
      ["built-in", builtin],
    ] as const) {
      const bad = s.find((x) => x.textChars !== expectedChars);
      if (bad) throw new Error(`${name} delivered ${bad.textChars} of ${expectedChars} text characters`);
    }
    const row = (label: string, s: Sample[]) =>
      `${label.padEnd(10)} total ${median(s.map((x) => x.totalMs))
        .toFixed(1)
        .padStart(8)} ms   first content ${median(s.map((x) => x.firstContentMs))
        .toFixed(2)
        .padStart(7)} ms`;
    const ratioTotal = median(ours.map((x) => x.totalMs)) / median(builtin.map((x) => x.totalMs));
    const ratioFirst =
      median(ours.map((x) => x.firstContentMs)) / median(builtin.map((x) => x.firstContentMs));
    console.log(`\nccr 2.0.0, ${CHUNKS}-chunk Cerebras stream, ${ROUNDS} alternated rounds (medians)`);
    console.log(row("plugin", ours));
    console.log(row("built-in", builtin));
    console.log(
      `ratio ours/built-in: total ${ratioTotal.toFixed(2)}, first content ${ratioFirst.toFixed(2)} (goal ≤ 1.00)`,
    );
  } finally {
    await ccr.stop();
    await upstream.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
