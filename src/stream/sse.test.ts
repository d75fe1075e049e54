import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeAnthropicSseEvent, encodeAnthropicSseEvents } from "./sse";

describe("encodeAnthropicSseEvent", () => {
  it("names the event and repeats the type in data, ending with a blank line", () => {
    expect(encodeAnthropicSseEvent({ type: "message_stop" })).toBe(
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it("keeps line breaks inside text on one data line", () => {
    const s = encodeAnthropicSseEvent({
      type: "content_block_delta",
      index: 0,
      delta: { type: "text_delta", text: "a\nb\r\nc" },
    });
    expect(s.split("\n")).toHaveLength(4);
    expect(JSON.parse(s.split("\n")[1]!.slice(6)).delta.text).toBe("a\nb\r\nc");
  });

  it("encodes a batch in order", () => {
    expect(encodeAnthropicSseEvents([{ type: "ping" }, { type: "message_stop" }])).toBe(
      'event: ping\ndata: {"type":"ping"}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it("writes text and thinking deltas exactly as JSON.stringify would (fast path)", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.string({ unit: "binary" }), fc.boolean(), (index, text, thinking) => {
        const e = thinking
          ? ({
              type: "content_block_delta",
              index,
              delta: { type: "thinking_delta", thinking: text },
            } as const)
          : ({ type: "content_block_delta", index, delta: { type: "text_delta", text } } as const);
        expect(encodeAnthropicSseEvent(e)).toBe(`event: content_block_delta\ndata: ${JSON.stringify(e)}\n\n`);
      }),
      { numRuns: 300 },
    );
  });
});
