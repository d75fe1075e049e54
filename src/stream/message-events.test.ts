import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { newAnthropicMessageId } from "../response/ids";
import { cerebrasToAnthropicMessage } from "../response/index";
import { anthropicMessageToStreamEvents, anthropicStreamEventsToMessage } from "./message-events";
import { CerebrasToAnthropicStream } from "./translator";

const fixture = (n: string) => readFileSync(`test/fixtures/cerebras/${n}`, "utf8");

describe("message ⇄ stream events", () => {
  it("a streamed fixture folds into the same message as its non-streaming twin", () => {
    const t = new CerebrasToAnthropicStream({ requestedModel: "zai-glm-4.7", messageId: "msg_1" });
    const folded = anthropicStreamEventsToMessage([
      ...t.push(fixture("glm47_stream_reasoning_text_toolcall.sse")),
      ...t.end(),
    ]);
    const direct = cerebrasToAnthropicMessage(
      JSON.parse(fixture("glm47_nonstream_reasoning_toolcall.json")),
      {
        requestedModel: "zai-glm-4.7",
        messageId: "msg_1",
      },
    );
    // The two fixtures' reasoning texts differ; text and the tool call are the same.
    expect(folded.content.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]);
    expect(folded.content.slice(1)).toEqual(direct.content.slice(1));
    expect(folded.stop_reason).toBe("tool_use");
    expect(folded.usage).toMatchObject({
      input_tokens: 264,
      output_tokens: 96,
      cache_read_input_tokens: 1920,
    });
  });

  it("message → events → message is the identity", () => {
    const m = cerebrasToAnthropicMessage(JSON.parse(fixture("glm47_nonstream_reasoning_toolcall.json")), {
      requestedModel: "zai-glm-4.7",
      messageId: "msg_2",
    });
    expect(anthropicStreamEventsToMessage(anthropicMessageToStreamEvents(m))).toEqual(m);
  });

  it("an error event is thrown, not folded into a message", () => {
    const t = new CerebrasToAnthropicStream({ messageId: newAnthropicMessageId(), requestedModel: "m" });
    const events = [...t.push(fixture("stream_midstream_error_chunk.sse")), ...t.end()];
    expect(() => anthropicStreamEventsToMessage(events)).toThrow();
  });
});
