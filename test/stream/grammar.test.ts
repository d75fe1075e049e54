// The grammar checker must itself reject the malformed streams docs/mapping.md#62-streams-claude-code-accepts describes.

import { describe, expect, it } from "vitest";
import type { AnthropicStreamEvent } from "../../src/wire/anthropic";
import { anthropicStreamViolations } from "./support/grammar";

const start: AnthropicStreamEvent = {
  type: "message_start",
  message: {
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "m",
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 0, output_tokens: 0 },
  },
};
const end: AnthropicStreamEvent[] = [
  {
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null },
    usage: { input_tokens: 0, output_tokens: 1 },
  },
  { type: "message_stop" },
];
const textBlock = (index: number): AnthropicStreamEvent[] => [
  { type: "content_block_start", index, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index, delta: { type: "text_delta", text: "hi" } },
  { type: "content_block_stop", index },
];

describe("anthropicStreamViolations (test support)", () => {
  it("accepts a minimal valid stream and a stream ending in one error", () => {
    expect(anthropicStreamViolations([start, ...textBlock(0), ...end])).toEqual([]);
    expect(
      anthropicStreamViolations([start, { type: "error", error: { type: "api_error", message: "x" } }]),
    ).toEqual([]);
  });

  it.each<[string, AnthropicStreamEvent[]]>([
    ["no message_start", [...textBlock(0), ...end]],
    ["first block at index 1", [start, ...textBlock(1), ...end]],
    ["two text blocks", [start, ...textBlock(0), ...textBlock(1), ...end]],
    ["block never stopped", [start, ...textBlock(0).slice(0, 2), ...end]],
    ["no message_stop", [start, ...textBlock(0), end[0]!]],
    ["no content block", [start, ...end]],
    [
      "mismatched delta",
      [
        start,
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "x" } },
        { type: "content_block_stop", index: 0 },
        ...end,
      ],
    ],
    [
      "thinking without signature",
      [
        start,
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "thinking", thinking: "", signature: "" },
        },
        { type: "content_block_stop", index: 0 },
        ...end,
      ],
    ],
    [
      "invalid tool JSON",
      [
        start,
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "tool_use", id: "a", name: "B", input: {} },
        },
        {
          type: "content_block_delta",
          index: 0,
          delta: { type: "input_json_delta", partial_json: '{"x": nope}' },
        },
        { type: "content_block_stop", index: 0 },
        ...end,
      ],
    ],
    [
      "text after a tool block",
      [
        start,
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "tool_use", id: "a", name: "B", input: {} },
        },
        { type: "content_block_delta", index: 0, delta: { type: "input_json_delta", partial_json: "{}" } },
        { type: "content_block_stop", index: 0 },
        ...textBlock(1),
        ...end,
      ],
    ],
    [
      "message_stop then error",
      [start, ...textBlock(0), ...end, { type: "error", error: { type: "api_error", message: "x" } }],
    ],
  ])("rejects: %s", (_name, events) => {
    expect(anthropicStreamViolations(events)).not.toEqual([]);
  });
});
