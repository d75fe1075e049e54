import { describe, expect, it } from "vitest";
import type { AnthropicMessage, AnthropicStreamEvent } from "../wire/anthropic";
import {
  anthropicMessageToCcrCompletion,
  anthropicStopReasonToCcrFinish,
  anthropicUsageToCcrUsage,
  CcrChunkEncoder,
  coalesceAnthropicDeltas,
} from "./encoder";

const data = (sse: string) => JSON.parse(sse.slice("data: ".length));

describe("encoding our Anthropic events for ccr's converter", () => {
  const enc = () => new CcrChunkEncoder("msg_1", "gpt-oss-120b", 1700000000);

  it("puts each event in the OpenAI-dialect field ccr's converter reads", () => {
    const e = enc();
    expect(
      data(
        e.encode({
          type: "content_block_delta",
          index: 0,
          delta: { type: "thinking_delta", thinking: "hm" },
        }),
      ).choices[0].delta,
    ).toEqual({ thinking: { content: "hm" } });
    expect(
      data(
        e.encode({
          type: "content_block_delta",
          index: 0,
          delta: { type: "signature_delta", signature: "s" },
        }),
      ).choices[0].delta,
    ).toEqual({ thinking: { signature: "s" } });
    expect(
      data(e.encode({ type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "hi" } }))
        .choices[0].delta,
    ).toEqual({ content: "hi" });
    const start = data(
      e.encode({
        type: "content_block_start",
        index: 2,
        content_block: { type: "tool_use", id: "c1", name: "Bash", input: {} },
      }),
    );
    expect(start.choices[0].delta.tool_calls).toEqual([
      { index: 0, id: "c1", type: "function", function: { name: "Bash", arguments: "" } },
    ]);
    const args = data(
      e.encode({
        type: "content_block_delta",
        index: 2,
        delta: { type: "input_json_delta", partial_json: "{}" },
      }),
    );
    expect(args.choices[0].delta.tool_calls).toEqual([{ index: 0, function: { arguments: "{}" } }]);
    expect(start).toMatchObject({
      id: "msg_1",
      model: "gpt-oss-120b",
      object: "chat.completion.chunk",
      created: 1700000000,
    });
  });

  it("sends finish_reason and usage in ONE chunk (ccr S1), then [DONE]", () => {
    const e = enc();
    const finish = data(
      e.encode({
        type: "message_delta",
        delta: { stop_reason: "tool_use", stop_sequence: null },
        usage: { input_tokens: 264, output_tokens: 96, cache_read_input_tokens: 1920 },
      }),
    );
    expect(finish.choices[0].finish_reason).toBe("tool_calls");
    expect(finish.usage).toEqual({
      prompt_tokens: 2184,
      completion_tokens: 96,
      total_tokens: 2280,
      prompt_tokens_details: { cached_tokens: 1920 },
    });
    expect(e.encode({ type: "message_stop" })).toBe("data: [DONE]\n\n");
  });

  it("errors become one {error} chunk; events ccr derives itself are not sent", () => {
    const e = enc();
    expect(data(e.encode({ type: "error", error: { type: "overloaded_error", message: "busy" } }))).toEqual({
      error: { type: "overloaded_error", message: "busy" },
    });
    for (const ev of [
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_stop", index: 0 },
      { type: "ping" },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "" } },
    ] as AnthropicStreamEvent[]) {
      expect(e.encode(ev)).toBe("");
    }
  });

  it("maps stop reasons back to the finish reasons ccr maps forward", () => {
    expect(anthropicStopReasonToCcrFinish("end_turn")).toBe("stop");
    expect(anthropicStopReasonToCcrFinish("max_tokens")).toBe("length");
    expect(anthropicStopReasonToCcrFinish("tool_use")).toBe("tool_calls");
    expect(anthropicStopReasonToCcrFinish("refusal")).toBe("content_filter");
    expect(anthropicStopReasonToCcrFinish(null)).toBe("stop");
    expect(anthropicUsageToCcrUsage({ input_tokens: 5, output_tokens: 1 }).prompt_tokens).toBe(5);
  });

  it("merges adjacent deltas of one block, never across blocks or types", () => {
    const d = (index: number, text: string): AnthropicStreamEvent => ({
      type: "content_block_delta",
      index,
      delta: { type: "text_delta", text },
    });
    const out = coalesceAnthropicDeltas([
      d(0, "a"),
      d(0, "b"),
      { type: "content_block_stop", index: 0 },
      d(1, "c"),
      d(1, "d"),
    ]);
    expect(out).toEqual([d(0, "ab"), { type: "content_block_stop", index: 0 }, d(1, "cd")]);
  });

  it("a whole message becomes the completion ccr's JSON converter reads", () => {
    const m: AnthropicMessage = {
      id: "msg_9",
      type: "message",
      role: "assistant",
      model: "zai-glm-4.7",
      content: [
        { type: "thinking", thinking: "plan", signature: "cerebras" },
        { type: "text", text: "ok" },
        { type: "tool_use", id: "t1", name: "Read", input: { file_path: "/a" } },
      ],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 2 },
    };
    const c = anthropicMessageToCcrCompletion(m);
    expect(c).toMatchObject({
      id: "msg_9",
      model: "zai-glm-4.7",
      choices: [{ finish_reason: "tool_calls" }],
    });
    expect(c.choices[0]!.message).toEqual({
      role: "assistant",
      content: "ok",
      tool_calls: [
        { id: "t1", type: "function", function: { name: "Read", arguments: '{"file_path":"/a"}' } },
      ],
      thinking: { content: "plan", signature: "cerebras" },
    });
  });
});
