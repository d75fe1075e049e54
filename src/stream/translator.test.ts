import { describe, expect, it } from "vitest";
import { cerebrasChunk, cerebrasSse, sseData, USAGE } from "../../test/stream/support/cerebras-sse";
import { anthropicStreamViolations } from "../../test/stream/support/grammar";
import { newAnthropicMessageId } from "../response/ids";
import type { AnthropicStreamEvent } from "../wire/anthropic";
import { CerebrasToAnthropicStream } from "./translator";

const newStream = (extra: { estimatedInputTokens?: number } = {}) =>
  new CerebrasToAnthropicStream({ requestedModel: "claude-x", messageId: "msg_t", ...extra });

function all(sse: string, extra: { estimatedInputTokens?: number } = {}) {
  const t = newStream(extra);
  return [...t.push(sse), ...t.end()];
}

const types = (events: AnthropicStreamEvent[]) =>
  events.map((e) =>
    e.type === "content_block_start"
      ? `start:${e.content_block.type}#${e.index}`
      : e.type === "content_block_delta"
        ? `${e.delta.type}#${e.index}`
        : e.type === "content_block_stop"
          ? `stop#${e.index}`
          : e.type,
  );

const messageDelta = (events: AnthropicStreamEvent[]) =>
  events.find(
    (e): e is Extract<AnthropicStreamEvent, { type: "message_delta" }> => e.type === "message_delta",
  );

describe("CerebrasToAnthropicStream", () => {
  it("emits message_start as soon as the first chunk arrives, and deltas as they come", () => {
    const t = newStream({ estimatedInputTokens: 321 });
    expect(t.push("data: ")).toEqual([]);
    const first = t.push(`${JSON.stringify(cerebrasChunk({ role: "assistant" }))}\n\n`);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      type: "message_start",
      message: { usage: { input_tokens: 321, output_tokens: 0 } },
    });
    expect(types(t.push(sseData(cerebrasChunk({ reasoning: "hm" }))))).toEqual([
      "start:thinking#0",
      "thinking_delta#0",
    ]);
    expect(types(t.push(sseData(cerebrasChunk({ content: "Hi" }))))).toEqual([
      "signature_delta#0",
      "stop#0",
      "start:text#1",
      "text_delta#1",
    ]);
    expect(t.finished).toBe(false);
  });

  it("CRLF line endings, comments, `data:` without a space are all read", () => {
    const sse = `: keep-alive\r\n\r\ndata:${JSON.stringify(cerebrasChunk({ content: "ok" }))}\r\n\r\n${sseData(
      cerebrasChunk({ finish: "stop", usage: USAGE }),
    ).replace(/\n/g, "\r\n")}data: [DONE]\r\n\r\n`;
    const events = all(sse);
    expect(types(events)).toEqual([
      "message_start",
      "start:text#0",
      "text_delta#0",
      "stop#0",
      "message_delta",
      "message_stop",
    ]);
  });

  it("absent usage → the input estimate and characters ÷ 4 for output", () => {
    const events = all(
      cerebrasSse([{ content: "x".repeat(20) }, { reasoning: "late, dropped" }, { finish: "stop" }]),
      {
        estimatedInputTokens: 900,
      },
    );
    // 20 content + 13 late reasoning characters (generated and billed even though dropped) → ceil(33/4)
    expect(messageDelta(events)?.usage).toEqual({
      input_tokens: 900,
      output_tokens: 9,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it("usage is taken from whichever chunk carries it; the last one wins", () => {
    const later = { ...USAGE, prompt_tokens: 1200, completion_tokens: 70 };
    const body =
      cerebrasSse([{ content: "a" }, { finish: "stop", usage: USAGE }], { done: false }) +
      sseData(cerebrasChunk({ noChoices: true, usage: later })) +
      "data: [DONE]\n\n";
    expect(messageDelta(all(body))?.usage).toMatchObject({ input_tokens: 600, output_tokens: 70 });
  });

  it("the end of the body after a finish_reason (no [DONE]) completes normally", () => {
    const events = all(cerebrasSse([{ content: "a" }, { finish: "length", usage: USAGE }], { done: false }));
    expect(messageDelta(events)?.delta.stop_reason).toBe("max_tokens");
    expect(events.at(-1)).toEqual({ type: "message_stop" });
  });

  it("[DONE] without any finish_reason is an error, not end_turn", () => {
    const events = all(cerebrasSse([{ content: "a" }]));
    expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "api_error" } });
    expect(messageDelta(events)).toBeUndefined();
  });

  it("a chunk that is not JSON ends the stream with an error event", () => {
    const events = all(`${sseData(cerebrasChunk({ content: "a" }))}data: {"choices": [\n\n`);
    expect(events.at(-1)).toMatchObject({ type: "error", error: { type: "api_error" } });
    expect((events.at(-1) as { error: { message: string } }).error.message).toContain("not JSON");
  });

  it("fail() maps a transport error; nothing follows an error", () => {
    const t = newStream();
    t.push(sseData(cerebrasChunk({ content: "a" })));
    const failed = t.fail(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    expect(failed).toEqual([
      { type: "error", error: { type: "api_error", message: expect.stringContaining("ECONNRESET") } },
    ]);
    expect(t.finished).toBe(true);
    expect(t.push(sseData(cerebrasChunk({ content: "more" })))).toEqual([]);
    expect(t.end()).toEqual([]);
    expect(t.fail(new Error("again"))).toEqual([]);
  });

  it("a timeout while streaming is a timeout_error", () => {
    const t = newStream();
    const err = Object.assign(new Error("timed out"), { name: "TimeoutError" });
    expect(t.fail(err)).toEqual([
      { type: "error", error: { type: "timeout_error", message: expect.any(String) } },
    ]);
  });

  it("content with a leading <think> block becomes the thinking block, across chunk boundaries", () => {
    const events = all(
      cerebrasSse([
        { content: "<thi" },
        { content: "nk>weigh options</thi" },
        { content: "nk>\n\nDone" },
        { finish: "stop" },
      ]),
    );
    expect(events.filter((e) => e.type === "content_block_delta").map((e) => e.delta)).toEqual([
      { type: "thinking_delta", thinking: "weigh options" },
      { type: "signature_delta", signature: "cerebras" },
      { type: "text_delta", text: "Done" },
    ]);
  });

  it("choices other than index 0 are ignored", () => {
    const chunk = cerebrasChunk({ content: "zero" });
    const other = { ...chunk, choices: [{ index: 1, delta: { content: "one" } }, ...(chunk.choices ?? [])] };
    const events = all(`${sseData(other)}${sseData(cerebrasChunk({ finish: "stop" }))}data: [DONE]\n\n`);
    const texts = events.flatMap((e) =>
      e.type === "content_block_delta" && e.delta.type === "text_delta" ? [e.delta.text] : [],
    );
    expect(texts).toEqual(["zero"]);
  });

  it("a UTF-8 character split between two byte pushes is decoded once, intact", () => {
    const bytes = new TextEncoder().encode(cerebrasSse([{ content: "héllo 🌍" }, { finish: "stop" }]));
    const cut = bytes.indexOf(0xf0) + 2;
    const t = newStream();
    const events = [...t.push(bytes.slice(0, cut)), ...t.push(bytes.slice(cut)), ...t.end()];
    expect(events).toContainEqual({
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text: "héllo 🌍" },
    });
    expect(anthropicStreamViolations(events)).toEqual([]);
  });
});

describe("gateway variants", () => {
  it("reads delta.reasoning_content as reasoning (some OpenAI-compatible gateways rename the field)", () => {
    const t = new CerebrasToAnthropicStream({ messageId: newAnthropicMessageId(), requestedModel: "m" });
    const sse =
      'data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}\n\n' +
      'data: {"choices":[{"index":0,"delta":{"reasoning_content":"think"}}]}\n\n' +
      'data: {"choices":[{"index":0,"delta":{"content":"ok"}}]}\n\n' +
      'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';
    const events = [...t.push(sse), ...t.end()];
    const starts = events
      .filter((e) => e.type === "content_block_start")
      .map((e) => (e as any).content_block.type);
    expect(starts).toEqual(["thinking", "text"]);
  });
});

describe("begin()", () => {
  it("emits message_start at once, and the stream then continues without a second one", () => {
    const t = newStream({ estimatedInputTokens: 42 });
    const early = t.begin();
    expect(types(early)).toEqual(["message_start"]);
    expect(early[0]).toMatchObject({ message: { usage: { input_tokens: 42 } } });
    expect(t.begin()).toEqual([]);
    const rest = [...t.push(cerebrasSse([{ content: "hi" }, { finish: "stop", usage: USAGE }])), ...t.end()];
    expect(types(rest)).not.toContain("message_start");
    expect(anthropicStreamViolations([...early, ...rest])).toEqual([]);
  });
});
