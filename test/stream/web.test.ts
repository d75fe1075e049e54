import { describe, expect, it } from "vitest";
import { newAnthropicMessageId } from "../../src/response/ids";
import { cerebrasSse } from "./support/cerebras-sse";
import { upstreamOf } from "./support/upstream-of";
import { cerebrasSseToAnthropicSse } from "./support/web";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const eventNames = (sse: string) => [...sse.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);

describe("cerebrasSseToAnthropicSse", () => {
  it("translates a whole body into named Anthropic SSE events", async () => {
    const body = cerebrasSse([{ content: "Hi" }, { finish: "stop" }]);
    const out = await readAll(
      cerebrasSseToAnthropicSse(upstreamOf([body.slice(0, 50), body.slice(50)]), {
        messageId: newAnthropicMessageId(),
        requestedModel: "m",
      }),
    );
    expect(eventNames(out)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
  });

  it("an upstream read error becomes one error event, then the body ends", async () => {
    const body = cerebrasSse([{ content: "Hi" }], { done: false });
    const out = await readAll(
      cerebrasSseToAnthropicSse(
        upstreamOf([body, Object.assign(new Error("reset"), { code: "ECONNRESET" })]),
        { messageId: newAnthropicMessageId(), requestedModel: "m" },
      ),
    );
    expect(eventNames(out).at(-1)).toBe("error");
    expect(out).toContain('"type":"api_error"');
  });

  it("stops reading and cancels the upstream once the translation has finished", async () => {
    let cancelled = false;
    const body = cerebrasSse([{ content: "Hi" }, { finish: "stop" }]);
    const out = await readAll(
      cerebrasSseToAnthropicSse(
        upstreamOf([body, "data: never read\n\n", "x"], () => (cancelled = true)),
        { messageId: newAnthropicMessageId(), requestedModel: "m" },
      ),
    );
    expect(eventNames(out).at(-1)).toBe("message_stop");
    expect(cancelled).toBe(true);
  });
});
