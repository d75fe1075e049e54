// Every Cerebras .sse fixture → the exact Anthropic event sequence. The expectations are written from
// docs/mapping.md#22-streaming-response and docs/mapping.md#3-stop-reasons-and-usage and docs/mapping.md#4-errors and docs/mapping.md#62-streams-claude-code-accepts, not copied from the output.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import type { AnthropicStreamEvent } from "../../src/wire/anthropic";
import { anthropicStreamViolations } from "./support/grammar";

const FIXTURES = join(__dirname, "../fixtures/cerebras");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

function translate(sse: string, estimatedInputTokens?: number): AnthropicStreamEvent[] {
  const t = new CerebrasToAnthropicStream({
    requestedModel: "claude-sonnet-4-5",
    messageId: "msg_test",
    estimatedInputTokens,
  });
  const events = [...t.push(sse), ...t.end()];
  expect(t.finished).toBe(true);
  return events;
}

const messageStart = (inputTokens = 0): AnthropicStreamEvent => ({
  type: "message_start",
  message: {
    id: "msg_test",
    type: "message",
    role: "assistant",
    model: "claude-sonnet-4-5",
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      input_tokens: inputTokens,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    },
  },
});
const thinking = (index: number, text: string): AnthropicStreamEvent => ({
  type: "content_block_delta",
  index,
  delta: { type: "thinking_delta", thinking: text },
});
const text = (index: number, t: string): AnthropicStreamEvent => ({
  type: "content_block_delta",
  index,
  delta: { type: "text_delta", text: t },
});
const stop = (index: number): AnthropicStreamEvent => ({ type: "content_block_stop", index });
const signature = (index: number): AnthropicStreamEvent => ({
  type: "content_block_delta",
  index,
  delta: { type: "signature_delta", signature: "cerebras" },
});

describe("Cerebras .sse fixtures → Anthropic events", () => {
  it("glm47_stream_reasoning_text_toolcall.sse: thinking #0, text #1, tool_use #2, tool_use stop with net usage", () => {
    const events = translate(fixture("glm47_stream_reasoning_text_toolcall.sse"), 2500);
    expect(events).toEqual([
      messageStart(2500),
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "thinking", thinking: "", signature: "" },
      },
      thinking(0, "The user"),
      thinking(0, " wants the failing"),
      thinking(0, " parser test fixed."),
      thinking(0, " I should read"),
      thinking(0, " tests/test_parser.py"),
      thinking(0, " before editing."),
      signature(0),
      stop(0),
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      text(1, "I'll read"),
      text(1, " the failing test"),
      text(1, " first."),
      stop(1),
      {
        type: "content_block_start",
        index: 2,
        content_block: { type: "tool_use", id: "3e1a9c07b", name: "Read", input: {} },
      },
      {
        type: "content_block_delta",
        index: 2,
        delta: {
          type: "input_json_delta",
          partial_json: JSON.stringify({ file_path: "/repo/tests/test_parser.py" }),
        },
      },
      stop(2),
      {
        type: "message_delta",
        delta: { stop_reason: "tool_use", stop_sequence: null },
        // prompt 2184 − cached 1920 = 264; completion 96 (docs/mapping.md#32-usage)
        usage: {
          input_tokens: 264,
          output_tokens: 96,
          cache_read_input_tokens: 1920,
          cache_creation_input_tokens: 0,
        },
      },
      { type: "message_stop" },
    ]);
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("stream_variant_usage_in_separate_chunk.sse: usage from the trailing choices:[] chunk, stop → end_turn", () => {
    const events = translate(fixture("stream_variant_usage_in_separate_chunk.sse"));
    expect(events).toEqual([
      messageStart(),
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "thinking", thinking: "", signature: "" },
      },
      thinking(0, "Simple greeting; answer briefly."),
      signature(0),
      stop(0),
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      text(1, "Hello!"),
      stop(1),
      {
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: {
          input_tokens: 12,
          output_tokens: 9,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0,
        },
      },
      { type: "message_stop" },
    ]);
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("stream_midstream_error_chunk.sse: a 429 queue_exceeded chunk → one overloaded_error event, nothing after", () => {
    const events = translate(fixture("stream_midstream_error_chunk.sse"));
    expect(events.slice(0, 3)).toEqual([
      messageStart(),
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "thinking", thinking: "", signature: "" },
      },
      thinking(0, "Let me think"),
    ]);
    expect(events).toHaveLength(4);
    const last = events[3] as Extract<AnthropicStreamEvent, { type: "error" }>;
    expect(last.type).toBe("error");
    expect(last.error.type).toBe("overloaded_error");
    expect(last.error.message).toContain("We're experiencing high traffic right now!");
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("stream_midstream_error_event.sse: `event: error` with status_code 500 → one api_error event", () => {
    const events = translate(fixture("stream_midstream_error_event.sse"));
    expect(events).toEqual([
      messageStart(),
      { type: "error", error: { type: "api_error", message: "Internal server error" } },
    ]);
  });

  describe("both usage placements yield the same usage", () => {
    const usageOf = (events: AnthropicStreamEvent[]) =>
      events.find(
        (e): e is Extract<AnthropicStreamEvent, { type: "message_delta" }> => e.type === "message_delta",
      )?.usage;

    /** Moves the usage of the separate `choices: []` chunk onto the finish chunk, and the other way round. */
    function moveUsageOntoFinish(sse: string): string {
      const lines = sse.split("\n\n").filter((l) => l.startsWith("data: {"));
      const chunks = lines.map((l) => JSON.parse(l.slice(6)));
      const usageChunk = chunks.find((c) => Array.isArray(c.choices) && c.choices.length === 0);
      const finish = chunks.find((c) => c.choices?.[0]?.finish_reason);
      finish.usage = usageChunk.usage;
      const kept = chunks.filter((c) => c !== usageChunk);
      return `${kept.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("")}data: [DONE]\n\n`;
    }

    function moveUsageIntoSeparateChunk(sse: string): string {
      const lines = sse.split("\n\n").filter((l) => l.startsWith("data: {"));
      const chunks = lines.map((l) => JSON.parse(l.slice(6)));
      const finish = chunks.find((c) => c.choices?.[0]?.finish_reason);
      const usage = finish.usage;
      delete finish.usage;
      chunks.push({
        id: finish.id,
        object: finish.object,
        created: finish.created,
        model: finish.model,
        choices: [],
        usage,
      });
      return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join("")}data: [DONE]\n\n`;
    }

    it("separate-chunk fixture vs the same usage on the finish chunk", () => {
      const original = fixture("stream_variant_usage_in_separate_chunk.sse");
      const a = usageOf(translate(original));
      const b = usageOf(translate(moveUsageOntoFinish(original)));
      expect(a).toEqual({
        input_tokens: 12,
        output_tokens: 9,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      });
      expect(b).toEqual(a);
    });

    it("finish-chunk fixture vs the same usage in a trailing choices:[] chunk", () => {
      const original = fixture("glm47_stream_reasoning_text_toolcall.sse");
      const a = translate(original);
      const b = translate(moveUsageIntoSeparateChunk(original));
      expect(usageOf(a)?.input_tokens).toBe(264);
      expect(b).toEqual(a);
    });
  });
});
