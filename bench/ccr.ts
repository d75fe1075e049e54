// Through real ccr 2.0.0: the same emulated large Cerebras stream via the plugin and via ccr's built-in
// path (no transformer), alternated, timed at the client. The upstream replays pre-rendered Cerebras SSE
// bytes in 16 KB network writes, so its own cost does not blur the comparison (the behaving emulator
// plans a whole reply before its first byte, which would dominate time to first content). Prints median total time, median time to first
// content, and the ratios ours / built-in (goal: both ≤ 1.0). Run: `npm run bench` (builds dist/ first).

import { resolve } from "node:path";
import { cerebrasSse, USAGE } from "../test/stream/support/cerebras-sse";
import { startCcr } from "../test/support/ccr-harness";
import { startReplayUpstream } from "../test/support/replay-upstream";
import { median } from "./stats";

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const PLUGIN = resolve(__dirname, "..", "dist", "cerebras-transformer.cjs");

interface Sample {
  totalMs: number;
  firstContentMs: number;
  textChars: number;
}

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
    version: (process.env.BENCH_CCR ?? "2.0.0") as "2.0.0" | "1.0.73",
    config: {
      LOG_LEVEL: "warn",
      transformers: [
        { path: PLUGIN, options: { discoverModels: false } },
        // The same plugin with ccr making the upstream call (no key pool, retries or mapped errors).
        { path: PLUGIN, options: { name: "ccr-cerebras-direct", relay: false, discoverModels: false } },
      ],
      Providers: [
        provider("cerebras", ["ccr-cerebras"]),
        provider("direct", ["ccr-cerebras-direct"]),
        provider("builtin", []),
      ],
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
    const paths = ["cerebras", "direct", "builtin"] as const;
    for (const p of paths) await once(p); // warm-up: plugin require, JIT, connections
    const samples: Record<(typeof paths)[number], Sample[]> = { cerebras: [], direct: [], builtin: [] };
    for (let r = 0; r < ROUNDS; r++) {
      // Rotate the order so that no path always runs first (or last) in a round.
      for (let k = 0; k < paths.length; k++) {
        const p = paths[(r + k) % paths.length]!;
        samples[p].push(await once(p));
      }
    }
    for (const [name, s] of Object.entries(samples)) {
      const bad = s.find((x) => x.textChars !== expectedChars);
      if (bad) throw new Error(`${name} delivered ${bad.textChars} of ${expectedChars} text characters`);
    }
    const med = (s: Sample[], k: keyof Sample) => median(s.map((x) => x[k]));
    const row = (label: string, s: Sample[]) =>
      `${label.padEnd(28)} total ${med(s, "totalMs").toFixed(1).padStart(7)} ms   first content ${med(s, "firstContentMs").toFixed(2).padStart(6)} ms`;
    const ratio = (s: Sample[]) =>
      `total ${(med(s, "totalMs") / med(samples.builtin, "totalMs")).toFixed(2)}, first content ${(med(s, "firstContentMs") / med(samples.builtin, "firstContentMs")).toFixed(2)}`;
    console.log(
      `\nccr ${process.env.BENCH_CCR ?? "2.0.0"}, ${CHUNKS}-chunk Cerebras stream, ${ROUNDS} rounds (medians)`,
    );
    console.log(row("plugin (key pool, default)", samples.cerebras));
    console.log(row("plugin (relay: false)", samples.direct));
    console.log(row("ccr built-in path", samples.builtin));
    console.log(`ratio plugin/built-in: ${ratio(samples.cerebras)} (goal ≤ 1.00)`);
    console.log(`ratio plugin with relay:false/built-in: ${ratio(samples.direct)}`);
  } finally {
    await ccr.stop();
    await upstream.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
