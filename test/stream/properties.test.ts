// Property tests: the translation does not depend on how the upstream bytes are split, and any
// sequence of chunks (in any order, with missing indexes and re-sends, with or without a proper end)
// yields a grammar-valid Anthropic stream.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import type { AnthropicStreamEvent } from "../../src/wire/anthropic";
import type { CerebrasToolCallDelta } from "../../src/wire/cerebras";
import { cerebrasChunk, cerebrasSse, type DeltaSpec, sseData, USAGE } from "./support/cerebras-sse";
import { anthropicStreamViolations } from "./support/grammar";

const FIXTURES = join(__dirname, "../fixtures/cerebras");
const fixtureNames = [
  "glm47_stream_reasoning_text_toolcall.sse",
  "stream_variant_usage_in_separate_chunk.sse",
  "stream_midstream_error_chunk.sse",
  "stream_midstream_error_event.sse",
];

const multibyte = cerebrasSse([
  { reasoning: "Überlegung: 考虑 🤔 " },
  { reasoning: "ok" },
  { content: "Résumé — ✓ 日本語 " },
  { content: "👩‍💻 done" },
  {
    tool_calls: [
      { index: 0, id: "m1", type: "function", function: { name: "Write", arguments: '{"content":"é' } },
    ],
  },
  { tool_calls: [{ index: 0, function: { arguments: '🌍"}' } }] },
  { finish: "tool_calls", usage: USAGE },
]);

const encoder = new TextEncoder();
const STREAMS: Uint8Array[] = [
  ...fixtureNames.map((n) => new Uint8Array(readFileSync(join(FIXTURES, n)))),
  encoder.encode(multibyte),
  encoder.encode(multibyte.replace(/\n/g, "\r\n")),
];

function translateBytes(pieces: Uint8Array[]): AnthropicStreamEvent[] {
  const t = new CerebrasToAnthropicStream({ requestedModel: "m", messageId: "msg_p" });
  const events: AnthropicStreamEvent[] = [];
  for (const p of pieces) events.push(...t.push(p));
  events.push(...t.end());
  return events;
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

describe("split invariance", () => {
  it("any split of the upstream bytes (inside UTF-8 characters too) yields the same events", () => {
    const whole = STREAMS.map((b) => translateBytes([b]));
    fc.assert(
      fc.property(fc.nat(STREAMS.length - 1), fc.array(fc.nat(), { maxLength: 24 }), (which, cuts) => {
        expect(translateBytes(splitAt(STREAMS[which]!, cuts))).toEqual(whole[which]);
      }),
      { numRuns: 300 },
    );
  });

  it("byte-by-byte feeding of the multi-byte stream yields the same events", () => {
    const bytes = STREAMS[4]!;
    const pieces = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    expect(translateBytes(pieces)).toEqual(translateBytes([bytes]));
  });

  it("CRLF and LF framing give the same events", () => {
    expect(translateBytes([STREAMS[5]!])).toEqual(translateBytes([STREAMS[4]!]));
  });
});

// ------------------------------------------------------------------------------------------------
// Random chunk sequences

/** Text without "<", so no `<think>` tag can appear by accident (that path has its own tests). */
const plain = fc.string({ maxLength: 12 }).map((s) => s.replace(/</g, "("));

const toolFragment: fc.Arbitrary<CerebrasToolCallDelta> = fc.record(
  {
    index: fc.nat(3),
    id: fc.constantFrom("a1", "b2", "c3"),
    type: fc.constant("function"),
    function: fc.record(
      {
        name: fc.constantFrom("Bash", "Read", ""),
        arguments: fc.constantFrom(
          '{"command":',
          '"ls"}',
          '{"command":"ls"}',
          "",
          "}",
          "garbage",
          '{"a":[1,',
          "2]}",
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

type Op =
  | { kind: "reasoning"; text: string }
  | { kind: "content"; text: string }
  | { kind: "tools"; fragments: CerebrasToolCallDelta[] }
  | { kind: "usage" }
  | { kind: "empty" }
  | { kind: "comment" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("reasoning" as const), text: plain }),
  fc.record({ kind: fc.constant("content" as const), text: plain }),
  fc.record({
    kind: fc.constant("tools" as const),
    fragments: fc.array(toolFragment, { minLength: 1, maxLength: 2 }),
  }),
  fc.constant({ kind: "usage" as const }),
  fc.constant({ kind: "empty" as const }),
  fc.constant({ kind: "comment" as const }),
);

type Ending =
  | { kind: "finish"; reason: string; usage: boolean; done: boolean }
  | { kind: "done-without-finish" }
  | { kind: "eof" }
  | { kind: "error-chunk"; status: number }
  | { kind: "error-event" }
  | { kind: "bad-json" };

const ending: fc.Arbitrary<Ending> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("finish" as const),
      reason: fc.constantFrom("stop", "length", "tool_calls", "content_filter", "weird"),
      usage: fc.boolean(),
      done: fc.boolean(),
    }),
  },
  fc.constant({ kind: "done-without-finish" as const }),
  fc.constant({ kind: "eof" as const }),
  fc.record({ kind: fc.constant("error-chunk" as const), status: fc.constantFrom(429, 500, 503) }),
  fc.constant({ kind: "error-event" as const }),
  fc.constant({ kind: "bad-json" as const }),
);

function render(ops: Op[], end: Ending): string {
  let out = sseData(cerebrasChunk({ role: "assistant" }));
  for (const o of ops) {
    if (o.kind === "comment") out += ": keep-alive\n\n";
    else if (o.kind === "usage") out += sseData(cerebrasChunk({ noChoices: true, usage: USAGE }));
    else if (o.kind === "empty") out += sseData(cerebrasChunk({}));
    else if (o.kind === "tools") out += sseData(cerebrasChunk({ tool_calls: o.fragments }));
    else out += sseData(cerebrasChunk({ [o.kind]: o.text } as DeltaSpec));
  }
  switch (end.kind) {
    case "finish":
      out += sseData(cerebrasChunk({ finish: end.reason, ...(end.usage ? { usage: USAGE } : {}) }));
      return end.done ? `${out}data: [DONE]\n\n` : out;
    case "done-without-finish":
      return `${out}data: [DONE]\n\n`;
    case "eof":
      return out;
    case "error-chunk":
      return (
        out + sseData({ error: { message: "x", type: "t", code: "queue_exceeded" }, status_code: end.status })
      );
    case "error-event":
      return `${out}event: error\ndata: {"error":{"message":"x"},"status_code":500}\n\n`;
    case "bad-json":
      return `${out}data: {"choices":[{"delta":\n\n`;
  }
}

function collect(events: AnthropicStreamEvent[], deltaType: "text_delta" | "thinking_delta"): string {
  let s = "";
  for (const e of events) {
    if (e.type !== "content_block_delta") continue;
    if (e.delta.type === "text_delta" && deltaType === "text_delta") s += e.delta.text;
    if (e.delta.type === "thinking_delta" && deltaType === "thinking_delta") s += e.delta.thinking;
  }
  return s;
}

describe("random chunk sequences", () => {
  it("always yield a grammar-valid stream that keeps all text and the early reasoning", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), ending, (ops, end) => {
        const t = new CerebrasToAnthropicStream({ requestedModel: "m", messageId: "msg_r" });
        const events = [...t.push(render(ops, end)), ...t.end()];
        expect(anthropicStreamViolations(events)).toEqual([]);
        expect(t.finished).toBe(true);

        const completed = end.kind === "finish";
        expect(events.at(-1)?.type).toBe(completed ? "message_stop" : "error");
        if (!completed) return;

        expect(collect(events, "text_delta")).toBe(
          ops.map((o) => (o.kind === "content" ? o.text : "")).join(""),
        );
        // Whitespace-only content is held back (it may precede a `<think>` tag), so it does not end the
        // reasoning phase; the whitespace still reaches the text block.
        const firstNonReasoning = ops.findIndex(
          (o) =>
            (o.kind === "content" && o.text.trim() !== "") || (o.kind === "tools" && o.fragments.length > 0),
        );
        const early = firstNonReasoning < 0 ? ops : ops.slice(0, firstNonReasoning);
        expect(collect(events, "thinking_delta")).toBe(
          early.map((o) => (o.kind === "reasoning" ? o.text : "")).join(""),
        );
        const md = events.find((e) => e.type === "message_delta");
        const sawUsage = end.usage || ops.some((o) => o.kind === "usage");
        if (md?.type === "message_delta" && sawUsage) expect(md.usage.input_tokens).toBe(400);
      }),
      { numRuns: 400 },
    );
  });
});
