// Core benchmarks: stream translation throughput, retained heap across stream lengths, and request
// translation time. Run with `npx tsx bench/core.ts` (or `node --expose-gc --import tsx bench/core.ts`).

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { CcrChunkEncoder, coalesceAnthropicDeltas } from "../src/ccr/encoder";
import { encodeAnthropicSseEvents } from "../src/stream/sse";
import { CerebrasToAnthropicStream } from "../src/stream/translator";
import { median } from "./stats";

const THROUGHPUT_CHUNKS = 20_000;
const THROUGHPUT_TARGET = 300_000;
const HEAP_SIZES = [2_000, 20_000, 200_000];
/** Upstream bytes handed to push() at once, like a network read. */
const READ_SIZE = 16 * 1024;

type Row = [string, string, string];
const rows: Row[] = [];

function getGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

const ENVELOPE =
  '{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1767905301,"model":"zai-glm-4.7",';

/** The i-th SSE event of an n-chunk synthetic stream: reasoning, then text, a tool call, the finish. */
function syntheticEvent(i: number, n: number): string {
  let choice: string;
  if (i === 0) choice = '{"index":0,"delta":{"role":"assistant"}}';
  else if (i < n / 100) choice = `{"index":0,"delta":{"reasoning":" thought ${i}"}}`;
  else if (i < n - 2) choice = `{"index":0,"delta":{"content":" token${i % 97}"}}`;
  else if (i === n - 2) {
    choice =
      '{"index":0,"delta":{"tool_calls":[{"index":0,"id":"3e1a9c07b","type":"function","function":{"name":"Read","arguments":"{\\"file_path\\":\\"/repo/a.ts\\"}"}}]}}';
  } else {
    return `data: ${ENVELOPE}"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":2184,"completion_tokens":${n},"total_tokens":${2184 + n},"prompt_tokens_details":{"cached_tokens":1920}}}\n\n`;
  }
  return `data: ${ENVELOPE}"choices":[${choice}]}\n\n`;
}

/** The stream as upstream reads of about READ_SIZE bytes, generated lazily (the input is not retained). */
function* syntheticReads(n: number, withDone = true): Generator<Uint8Array> {
  const enc = new TextEncoder();
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += syntheticEvent(i, n);
    if (buf.length >= READ_SIZE) {
      yield enc.encode(buf);
      buf = "";
    }
  }
  if (withDone) buf += "data: [DONE]\n\n";
  if (buf) yield enc.encode(buf);
}

function benchThroughput(): void {
  const reads = [...syntheticReads(THROUGHPUT_CHUNKS)];
  type Mode = "translate" | "sse" | "ccr";
  const run = (mode: Mode) => {
    const t0 = performance.now();
    const t = new CerebrasToAnthropicStream({ requestedModel: "claude-opus-5-5", messageId: "msg_bench" });
    const ccr = new CcrChunkEncoder("msg_bench", "claude-opus-5-5");
    let events = 0;
    let bytes = 0;
    for (const r of reads) {
      const ev = t.push(r);
      events += ev.length;
      if (mode === "sse" && ev.length) bytes += encodeAnthropicSseEvents(ev).length;
      // What the ccr plugin does per upstream read (src/ccr/stream.ts).
      if (mode === "ccr") for (const e of coalesceAnthropicDeltas(ev)) bytes += ccr.encode(e).length;
    }
    events += t.end().length;
    if (!t.finished || events < THROUGHPUT_CHUNKS) throw new Error("bench stream did not complete");
    return { ms: performance.now() - t0, bytes };
  };
  const labels: Record<Mode, string> = {
    translate: "stream: translate (push/end)",
    sse: "stream: translate + Anthropic SSE-encode",
    ccr: "stream: translate + encode for ccr (plugin path)",
  };
  for (let i = 0; i < 3; i++) for (const m of Object.keys(labels) as Mode[]) run(m);
  for (const mode of Object.keys(labels) as Mode[]) {
    const times = Array.from({ length: 7 }, () => run(mode).ms);
    const rate = THROUGHPUT_CHUNKS / (median(times) / 1000);
    const label = labels[mode];
    const verdict =
      rate >= THROUGHPUT_TARGET ? "ok" : `BELOW target ${THROUGHPUT_TARGET.toLocaleString("en")}`;
    rows.push([
      `${label}, ${THROUGHPUT_CHUNKS.toLocaleString("en")} chunks`,
      `${Math.round(rate).toLocaleString("en")} chunks/s`,
      `median of 7 = ${median(times).toFixed(1)} ms (${verdict})`,
    ]);
  }
}

/** Heap still in use while a translator of an n-chunk stream is alive, just before [DONE]. */
function retainedMidStream(n: number, gc: () => void): number {
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const t = new CerebrasToAnthropicStream({ requestedModel: "claude-opus-5-5", messageId: "msg_bench" });
  for (const r of syntheticReads(n, false)) t.push(r);
  gc();
  gc();
  const during = process.memoryUsage().heapUsed - before;
  const tail = t.push("data: [DONE]\n\n");
  if (!t.finished || tail.at(-1)?.type !== "message_stop")
    throw new Error("heap bench stream did not complete");
  return during;
}

function benchHeap(gc: (() => void) | undefined): void {
  if (!gc) {
    rows.push([
      "heap: retained during a stream",
      "skipped",
      "no gc(); run with node --expose-gc --import tsx",
    ]);
    return;
  }
  retainedMidStream(HEAP_SIZES[1]!, gc); // warm-up: JIT code and lazily built tables are not the translator's
  const retained: number[] = [];
  for (const n of HEAP_SIZES) {
    const during = median(Array.from({ length: 3 }, () => retainedMidStream(n, gc)));
    retained.push(during);
    rows.push([
      `heap: retained mid-stream after ${n.toLocaleString("en")} chunks`,
      `${(during / 1024).toFixed(1)} KiB`,
      "translator alive, before [DONE]; median of 3",
    ]);
  }
  const spread = Math.max(...retained) - Math.min(...retained);
  rows.push([
    `heap: spread across ${HEAP_SIZES.map((n) => n.toLocaleString("en")).join(" / ")} chunks`,
    `${(spread / 1024).toFixed(1)} KiB`,
    spread < 256 * 1024 ? "flat (ok)" : "GROWS with stream length",
  ]);
}

function largestClaudeCodeFixture(): string {
  const root = join(__dirname, "../test/fixtures");
  let best = { path: "", size: -1 };
  for (const dir of readdirSync(root).filter((d) => d.startsWith("claude-code-"))) {
    for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith(".json"))) {
      const p = join(root, dir, f);
      const size = statSync(p).size;
      if (size > best.size) best = { path: p, size };
    }
  }
  return best.path;
}

/** A Claude Code request grown past 1 MB with tool rounds (Read → tool_result), history kept valid. */
function syntheticMegabyteRequest(base: Record<string, any>): Record<string, any> {
  const messages = [...base.messages];
  const fileText = `${"export function example(x: number): number {\n  return x * 2; // padding line\n}\n".repeat(30)}`;
  let i = 0;
  while (JSON.stringify(messages).length < 1024 * 1024) {
    const id = `toolu_bench${i++}`;
    messages.push(
      {
        role: "assistant",
        content: [
          { type: "text", text: `Reading file ${i}.` },
          { type: "tool_use", id, name: "Read", input: { file_path: `/repo/src/file${i}.ts` } },
        ],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: id, content: fileText }] },
    );
  }
  messages.push({ role: "user", content: "Summarise what you read." });
  return { ...base, messages };
}

async function benchRequest(): Promise<void> {
  let translate: ((input: unknown, opts?: Record<string, unknown>) => unknown) | undefined;
  try {
    const mod = (await import("../src/request/index")) as Record<string, unknown>;
    if (typeof mod.anthropicToCerebrasRequest === "function")
      translate = mod.anthropicToCerebrasRequest as never;
  } catch (err) {
    rows.push([
      "request translation",
      "skipped",
      `src/request/index.ts not loadable yet: ${String(err).slice(0, 80)}`,
    ]);
    return;
  }
  if (!translate) {
    rows.push([
      "request translation",
      "skipped",
      "src/request/index.ts has no anthropicToCerebrasRequest yet",
    ]);
    return;
  }
  const path = largestClaudeCodeFixture();
  const fixture = { ...JSON.parse(readFileSync(path, "utf8")), model: "gpt-oss-120b" };
  const big = syntheticMegabyteRequest(fixture);
  const cases: Array<[string, Record<string, unknown>]> = [
    [
      `request: ${path.split("/").slice(-2).join("/")} (${(JSON.stringify(fixture).length / 1024).toFixed(0)} KB)`,
      fixture,
    ],
    [`request: synthetic ${(JSON.stringify(big).length / 1024 / 1024).toFixed(2)} MB history`, big],
  ];
  const gc = getGc();
  for (const [label, body] of cases) {
    const run = () => {
      const input = structuredClone(body);
      gc?.(); // the 1 MB clone's garbage is not the translator's
      const t0 = performance.now();
      // A context window the 1 MB history fits, so the pre-flight check passes instead of refusing it.
      translate!(input, { modelOverrides: { "gpt-oss-120b": { contextWindow: 100_000_000 } } });
      return performance.now() - t0;
    };
    try {
      for (let i = 0; i < 20; i++) run(); // a long-running ccr process translates with warm code
      const times = Array.from({ length: 21 }, run);
      const note = `median of 21 after 20 warm-up runs; slowest ${Math.max(...times).toFixed(2)} ms`;
      rows.push([label, `${median(times).toFixed(2)} ms`, note]);
    } catch (err) {
      rows.push([label, "failed", String(err).slice(0, 100)]);
    }
  }
}

function printTable(): void {
  const header: Row = ["benchmark", "result", "note"];
  const widths = [0, 1, 2].map((c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: Row) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const gc = getGc();
  benchThroughput();
  benchHeap(gc);
  await benchRequest();
  printTable();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
