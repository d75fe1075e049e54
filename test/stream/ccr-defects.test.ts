// One test per defect of ccr's built-in OpenAI→Anthropic converter (docs/ccr-defects.md#streaming-response,
// docs/ccr-defects.md#non-streaming-response), feeding the input that triggers it and showing that our translation does not have it.

import { describe, expect, it } from "vitest";
import { AnthropicHttpError } from "../../src/errors";
import { newAnthropicMessageId } from "../../src/response/ids";
import { cerebrasToAnthropicMessage } from "../../src/response/index";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import type { AnthropicStreamEvent } from "../../src/wire/anthropic";
import { cerebrasChunk, cerebrasSse, sseData, USAGE } from "./support/cerebras-sse";
import { anthropicStreamViolations } from "./support/grammar";
import { cerebrasSseToAnthropicSse } from "./support/web";

function translate(sse: string | string[], opts: { estimatedInputTokens?: number } = {}) {
  const t = new CerebrasToAnthropicStream({ requestedModel: "claude-opus-4-5", messageId: "msg_d", ...opts });
  const events: AnthropicStreamEvent[] = [];
  for (const piece of Array.isArray(sse) ? sse : [sse]) events.push(...t.push(piece));
  events.push(...t.end());
  return events;
}

type Ev<T extends AnthropicStreamEvent["type"]> = Extract<AnthropicStreamEvent, { type: T }>;
const ofType = <T extends AnthropicStreamEvent["type"]>(events: AnthropicStreamEvent[], type: T) =>
  events.filter((e): e is Ev<T> => e.type === type);
const blocks = (events: AnthropicStreamEvent[]) =>
  ofType(events, "content_block_start").map((e) => e.content_block);
const deltasOf = (events: AnthropicStreamEvent[], index: number) =>
  ofType(events, "content_block_delta")
    .filter((e) => e.index === index)
    .map((e) => e.delta);
const stopReason = (events: AnthropicStreamEvent[]) => ofType(events, "message_delta")[0]?.delta.stop_reason;

const completion = (message: object, finish = "stop") => ({
  id: "chatcmpl-upstream-id",
  model: "zai-glm-4.7",
  choices: [{ index: 0, finish_reason: finish, message: { role: "assistant", ...message } }],
  usage: USAGE,
});

describe("ccr streaming defects (S1–S17) do not occur", () => {
  it("S1: usage in a choices:[] chunk right after the finish chunk, in the same read, is kept", () => {
    const body =
      sseData(cerebrasChunk({ role: "assistant" })) +
      sseData(cerebrasChunk({ content: "ok" })) +
      sseData(cerebrasChunk({ finish: "stop" })) +
      sseData(cerebrasChunk({ noChoices: true, usage: USAGE })) +
      "data: [DONE]\n\n";
    const events = translate(body);
    expect(ofType(events, "message_delta")[0]?.usage).toEqual({
      input_tokens: 400,
      output_tokens: 50,
      cache_read_input_tokens: 600,
      cache_creation_input_tokens: 0,
    });
  });

  it("S2: delta.reasoning becomes a thinking block instead of being ignored", () => {
    const events = translate(
      cerebrasSse([{ reasoning: "Plan: " }, { reasoning: "read." }, { content: "x" }, { finish: "stop" }]),
    );
    expect(blocks(events)[0]).toEqual({ type: "thinking", thinking: "", signature: "" });
    expect(deltasOf(events, 0).slice(0, 2)).toEqual([
      { type: "thinking_delta", thinking: "Plan: " },
      { type: "thinking_delta", thinking: "read." },
    ]);
  });

  it("S3: the thinking block gets exactly one signature_delta, just before it stops", () => {
    const events = translate(
      cerebrasSse([
        { reasoning: "hmm" },
        { tool_calls: [{ index: 0, id: "t", function: { name: "Bash", arguments: "{}" } }] },
        { finish: "tool_calls" },
      ]),
    );
    const d = deltasOf(events, 0);
    expect(d.filter((x) => x.type === "signature_delta")).toEqual([
      { type: "signature_delta", signature: "cerebras" },
    ]);
    expect(d.at(-1)?.type).toBe("signature_delta");
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("S4: reasoning after text is dropped, never written into the text block or a second thinking block", () => {
    const events = translate(
      cerebrasSse([
        { reasoning: "first" },
        { content: "Answer " },
        { reasoning: "second thoughts" },
        { content: "continues" },
        { finish: "stop" },
      ]),
    );
    expect(blocks(events).map((b) => b.type)).toEqual(["thinking", "text"]);
    expect(deltasOf(events, 1)).toEqual([
      { type: "text_delta", text: "Answer " },
      { type: "text_delta", text: "continues" },
    ]);
    expect(JSON.stringify(events)).not.toContain("second thoughts");
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("S5: text after a tool call lands in the text block, before the tool_use block", () => {
    const events = translate(
      cerebrasSse([
        { tool_calls: [{ index: 0, id: "t1", function: { name: "Read", arguments: '{"file_path":"/a"}' } }] },
        { content: "Reading /a." },
        { finish: "tool_calls" },
      ]),
    );
    expect(blocks(events).map((b) => b.type)).toEqual(["text", "tool_use"]);
    expect(deltasOf(events, 0)).toEqual([{ type: "text_delta", text: "Reading /a." }]);
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("S6: parallel calls with interleaved fragments become complete, non-interleaved tool blocks", () => {
    const events = translate(
      cerebrasSse([
        { tool_calls: [{ index: 0, id: "a", function: { name: "Bash", arguments: '{"command":' } }] },
        { tool_calls: [{ index: 1, id: "b", function: { name: "Bash", arguments: '{"command":' } }] },
        { tool_calls: [{ index: 1, function: { arguments: '"pwd"}' } }] },
        { tool_calls: [{ index: 0, function: { arguments: '"ls"}' } }] },
        { finish: "tool_calls" },
      ]),
    );
    expect(deltasOf(events, 0)).toEqual([{ type: "input_json_delta", partial_json: '{"command":"ls"}' }]);
    expect(deltasOf(events, 1)).toEqual([{ type: "input_json_delta", partial_json: '{"command":"pwd"}' }]);
    expect(anthropicStreamViolations(events)).toEqual([]);
  });

  it("S7: a first fragment without id or name still yields the real id and name, not tool_0/call_…", () => {
    const events = translate(
      cerebrasSse([
        { tool_calls: [{ index: 0, function: { arguments: '{"pattern":' } }] },
        { tool_calls: [{ index: 0, id: "7b59f3105", function: { name: "Glob", arguments: '"*.md"}' } }] },
        { finish: "tool_calls" },
      ]),
    );
    expect(blocks(events)).toEqual([{ type: "tool_use", id: "7b59f3105", name: "Glob", input: {} }]);
  });

  it("S8: an error chunk mid-stream gives one standard error event and nothing after it", () => {
    const events = translate(
      cerebrasSse([{ content: "partial" }], { done: false }) +
        sseData({
          error: { message: "boom", type: "server_error", code: "internal_error" },
          status_code: 500,
        }) +
        sseData(cerebrasChunk({ content: "more" })) +
        sseData(cerebrasChunk({ finish: "stop" })) +
        "data: [DONE]\n\n",
    );
    expect(events.at(-1)).toEqual({ type: "error", error: { type: "api_error", message: "boom" } });
    expect(ofType(events, "error")).toHaveLength(1);
    expect(ofType(events, "content_block_stop")).toHaveLength(0);
    expect(ofType(events, "message_delta")).toHaveLength(0);
    expect(ofType(events, "message_stop")).toHaveLength(0);
  });

  it("S9: upstream EOF without finish_reason gives an error event, not end_turn", () => {
    const events = translate(cerebrasSse([{ content: "Half an answ" }], { done: false }));
    expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "api_error" } });
    expect((events.at(-1) as Ev<"error">).error.message).toMatch(/ended before finish_reason/);
    expect(stopReason(events)).toBeUndefined();
  });

  it("S10: an empty completion still has one (empty) text block; reasoning-only + length is max_tokens", () => {
    const empty = translate(cerebrasSse([{ finish: "stop" }]));
    expect(empty.slice(1, 3)).toEqual([
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_stop", index: 0 },
    ]);
    expect(anthropicStreamViolations(empty)).toEqual([]);
    const thinkingOnly = translate(cerebrasSse([{ reasoning: "so much to consider" }, { finish: "length" }]));
    expect(blocks(thinkingOnly).map((b) => b.type)).toEqual(["thinking"]);
    expect(stopReason(thinkingOnly)).toBe("max_tokens");
  });

  it("S11: when no chunk parses, the client gets an error event, never message_delta without message_start", () => {
    for (const body of ["", "garbage without sse framing", "data: not json\n\n", ": only a comment\n\n"]) {
      const events = translate(body);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: "error", error: { type: "api_error" } });
    }
  });

  it("S12: a final data line without a trailing newline is still processed", () => {
    const body =
      cerebrasSse([{ content: "Hi" }], { done: false }) +
      `data: ${JSON.stringify(cerebrasChunk({ finish: "stop", usage: USAGE }))}`;
    const events = translate(body);
    expect(stopReason(events)).toBe("end_turn");
    expect(ofType(events, "message_delta")[0]?.usage.output_tokens).toBe(50);
  });

  it("S13: message_start carries the requested model, a msg_ id and the input estimate; cache counts are reported", () => {
    const t = new CerebrasToAnthropicStream({
      messageId: newAnthropicMessageId(),
      requestedModel: "claude-opus-4-5",
      estimatedInputTokens: 4321,
    });
    const events = [...t.push(cerebrasSse([{ content: "x" }, { finish: "stop", usage: USAGE }])), ...t.end()];
    const start = ofType(events, "message_start")[0]!;
    expect(start.message.model).toBe("claude-opus-4-5");
    expect(start.message.id).toMatch(/^msg_[0-9a-f]{24}$/);
    expect(start.message.usage.input_tokens).toBe(4321);
    expect(ofType(events, "message_delta")[0]?.usage).toMatchObject({
      cache_read_input_tokens: 600,
      cache_creation_input_tokens: 0,
    });
  });

  it("S14: chunks after the finish and after [DONE] are ignored", () => {
    const events = translate(
      cerebrasSse([{ content: "one" }, { finish: "stop" }, { content: "after finish" }]) +
        sseData(cerebrasChunk({ content: "after done" })),
    );
    expect(JSON.stringify(events)).not.toMatch(/after (finish|done)/);
    expect(events.at(-1)).toEqual({ type: "message_stop" });
  });

  it("S15: malformed tool JSON is repaired or de-duplicated before it is emitted", () => {
    const events = translate(
      cerebrasSse([
        { tool_calls: [{ index: 0, id: "a", function: { name: "Bash", arguments: '{"command":"ls",}' } }] },
        {
          tool_calls: [
            {
              index: 1,
              id: "b",
              function: { name: "Bash", arguments: '{"command":"pwd"}{"command":"pwd"}' },
            },
          ],
        },
        { finish: "tool_calls" },
      ]),
    );
    expect(deltasOf(events, 0)).toEqual([{ type: "input_json_delta", partial_json: '{"command":"ls"}' }]);
    expect(deltasOf(events, 1)).toEqual([{ type: "input_json_delta", partial_json: '{"command":"pwd"}' }]);
  });

  it("S16: a client that stops reading cancels the upstream body (so Cerebras stops generating)", async () => {
    let cancelReason: unknown = "not cancelled";
    const enc = new TextEncoder();
    let sent = 0;
    const upstream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(
          enc.encode(sseData(cerebrasChunk(sent === 1 ? { role: "assistant" } : { content: "tok " }))),
        );
      },
      cancel(reason) {
        cancelReason = reason;
      },
    });
    const reader = cerebrasSseToAnthropicSse(upstream, {
      messageId: newAnthropicMessageId(),
      requestedModel: "m",
    }).getReader();
    await reader.read();
    await reader.cancel("client went away");
    expect(cancelReason).toBe("client went away");
    expect(sent).toBeLessThan(10);
  });

  it("S17: finish_reason tool_calls without any tool call is end_turn; extra choices are ignored", () => {
    const events = translate(cerebrasSse([{ content: "No tools needed." }, { finish: "tool_calls" }]));
    expect(stopReason(events)).toBe("end_turn");
    const twoChoices = {
      ...cerebrasChunk({ content: "A" }),
      choices: [
        { index: 0, delta: { content: "A" } },
        {
          index: 1,
          delta: { tool_calls: [{ index: 0, id: "z", function: { name: "Bash", arguments: "{}" } }] },
        },
      ],
    };
    const multi = translate(
      `${sseData(twoChoices)}${sseData(cerebrasChunk({ finish: "stop" }))}data: [DONE]\n\n`,
    );
    expect(blocks(multi).map((b) => b.type)).toEqual(["text"]);
    expect(stopReason(multi)).toBe("end_turn");
  });
});

describe("ccr non-streaming defects (N1–N5) do not occur", () => {
  const opts = { requestedModel: "claude-opus-4-5", messageId: newAnthropicMessageId() };

  it("N1: message.reasoning becomes a thinking block", () => {
    const m = cerebrasToAnthropicMessage(completion({ reasoning: "why", content: "because" }), opts);
    expect(m.content[0]).toEqual({ type: "thinking", thinking: "why", signature: "cerebras" });
  });

  it("N2: the thinking block comes first, before text and tool_use", () => {
    const m = cerebrasToAnthropicMessage(
      completion(
        {
          reasoning: "why",
          content: "doing it",
          tool_calls: [{ id: "a", function: { name: "Bash", arguments: "{}" } }],
        },
        "tool_calls",
      ),
      opts,
    );
    expect(m.content.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]);
  });

  it("N3: tool arguments that do not parse are not wrapped as {text: raw}", () => {
    const m = cerebrasToAnthropicMessage(
      completion(
        { tool_calls: [{ id: "a", function: { name: "Bash", arguments: "{command: ls" } }] },
        "tool_calls",
      ),
      opts,
    );
    const input = (m.content[0] as { input: Record<string, unknown> }).input;
    expect(input).not.toHaveProperty("text");
    expect(input).toEqual({ command: "ls" }); // repaired
    const bad = cerebrasToAnthropicMessage(
      completion(
        { tool_calls: [{ id: "a", function: { name: "Bash", arguments: "please run ls" } }] },
        "tool_calls",
      ),
      opts,
    );
    expect((bad.content[0] as { input: Record<string, unknown> }).input).toMatchObject({
      error: expect.stringContaining("not valid JSON"),
      raw_arguments: "please run ls",
    });
  });

  it("N4: odd bodies give a typed Anthropic error or a valid message, never a generic converter crash", () => {
    for (const odd of [
      { choices: [{ index: 0, message: null, finish_reason: null }] },
      { choices: [{ index: 0, message: { content: null, tool_calls: null } }] },
      {
        choices: [
          {
            index: 0,
            message: { tool_calls: [null, { id: "x" }, { function: null }] },
            finish_reason: "tool_calls",
          },
        ],
      },
    ]) {
      const m = cerebrasToAnthropicMessage(odd, opts);
      expect(m.content).toEqual([{ type: "text", text: "" }]);
      expect(m.stop_reason).toBe("end_turn");
    }
    for (const broken of [undefined, 42, "", { choices: "nope" }]) {
      expect(() => cerebrasToAnthropicMessage(broken, opts)).toThrow(AnthropicHttpError);
    }
  });

  it("N5: the message id is msg_…, not the upstream chatcmpl id", () => {
    const m = cerebrasToAnthropicMessage(completion({ content: "hi" }), opts);
    expect(m.id).toMatch(/^msg_/);
    expect(m.id).not.toContain("chatcmpl");
  });
});
