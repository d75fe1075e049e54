import { describe, expect, it, vi } from "vitest";
import { cerebrasSse } from "../../test/stream/support/cerebras-sse";
import { upstreamOf } from "../../test/stream/support/upstream-of";
import type { AnthropicStreamEvent } from "../wire/anthropic";
import { cerebrasSseToAnthropicEvents } from "./event-stream";
import { CerebrasToAnthropicStream } from "./translator";

async function batchesOf<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) out.push(read.value);
  return out;
}

const translator = () => new CerebrasToAnthropicStream({ requestedModel: "m", messageId: "msg_t" });
const types = (events: AnthropicStreamEvent[]) => events.map((e) => e.type);

describe("cerebrasSseToAnthropicEvents", () => {
  it("an upstream read error becomes the last event (an error event), not an error of the output", async () => {
    const body = cerebrasSse([{ content: "Hi" }], { done: false });
    const reset = Object.assign(new Error("reset"), { code: "ECONNRESET" });
    const events = (
      await batchesOf(cerebrasSseToAnthropicEvents(upstreamOf([body, reset]), { translator: translator() }))
    ).flat();
    const last = events.at(-1);
    expect(last?.type).toBe("error");
    expect(last).toMatchObject({
      error: { type: "api_error", message: expect.stringContaining("ECONNRESET") },
    });
  });

  it("an empty body (null) is a truncated stream: one error event", async () => {
    const events = (await batchesOf(cerebrasSseToAnthropicEvents(null, { translator: translator() }))).flat();
    expect(events).toEqual([
      expect.objectContaining({
        type: "error",
        error: expect.objectContaining({ message: expect.stringContaining("truncated") }),
      }),
    ]);
  });

  it("cancels the upstream once the translator has finished, and ends the output once", async () => {
    let cancelled = false;
    let ends = 0;
    const body = cerebrasSse([{ content: "Hi" }, { finish: "stop" }]);
    const chunks = await batchesOf(
      cerebrasSseToAnthropicEvents<string>(
        upstreamOf([body, "data: never read\n\n", "x"], () => (cancelled = true)),
        {
          translator: translator(),
          encode: (events, enqueue) => enqueue(types(events).join(",")),
          onEnd: () => ends++,
        },
      ),
    );
    expect(chunks.join(",").split(",").at(-1)).toBe("message_stop");
    // The pipe passes the translator's end on to the upstream a few ticks later.
    await vi.waitFor(() => expect(cancelled).toBe(true));
    expect(ends).toBe(1);
  });

  it("cancelling the output has cancelled the upstream, with its reason, when the cancel settles", async () => {
    let reason: unknown = "not cancelled";
    let ends = 0;
    const body = cerebrasSse([{ content: "Hi" }], { done: false });
    const reader = cerebrasSseToAnthropicEvents(
      upstreamOf([body, body, body], (r) => (reason = r)),
      { translator: translator(), onEnd: () => ends++ },
    ).getReader();
    await reader.read();
    await reader.cancel("client went away");
    expect(reason).toBe("client went away");
    expect(ends).toBe(1);
  });

  it("translates the first slice of a large first read on its own, so its events go out first", async () => {
    const body = cerebrasSse([
      { content: "a".repeat(300) },
      { content: "b".repeat(300) },
      { finish: "stop" },
    ]);
    const batches = await batchesOf(
      cerebrasSseToAnthropicEvents(upstreamOf([body]), { translator: translator(), firstSliceBytes: 200 }),
    );
    // 200 bytes hold the role chunk only: the first batch is message_start, the text comes after.
    expect(types(batches[0]!)).toEqual(["message_start"]);
    expect(types(batches.flat()).at(-1)).toBe("message_stop");
    const whole = (
      await batchesOf(cerebrasSseToAnthropicEvents(upstreamOf([body]), { translator: translator() }))
    ).length;
    expect(whole).toBe(1);
  });
});
