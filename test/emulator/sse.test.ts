// Unit tests of the SSE framing and writer.

import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { END, RESET, sseFrames, writeFrames } from "./sse";

const chunks = [{ n: 0 }, { n: 1 }, { n: 2 }];

describe("sseFrames", () => {
  it("frames every chunk as `data: <json>\\n\\n` and ends with [DONE]", () => {
    expect([...sseFrames(chunks, "id")]).toEqual([
      'data: {"n":0}\n\n',
      'data: {"n":1}\n\n',
      'data: {"n":2}\n\n',
      "data: [DONE]\n\n",
    ]);
  });

  it("puts a fault after exactly afterChunks chunks", () => {
    const frames = [...sseFrames(chunks, "id", { kind: "reset", afterChunks: 1 })];
    expect(frames).toEqual(['data: {"n":0}\n\n', RESET]);
  });

  it("a fault whose afterChunks is past the end comes before [DONE]", () => {
    const frames = [...sseFrames(chunks, "id", { kind: "truncate", afterChunks: 99 })];
    expect(frames.at(-1)).toBe(END);
    expect(frames).toHaveLength(4);
  });
});

describe("writeFrames", () => {
  it("never writes while the destination asks to drain", async () => {
    let writesWhileFull = 0;
    let received = "";
    const dest = new Writable({
      highWaterMark: 64,
      write(chunk, _enc, cb) {
        received += chunk.toString();
        setImmediate(cb);
      },
    });
    const original = dest.write.bind(dest);
    (dest as any).write = (chunk: any, ...rest: any[]) => {
      if (dest.writableNeedDrain) writesWhileFull++;
      return original(chunk, ...rest);
    };
    const big = Array.from({ length: 300 }, (_, n) => ({ n, pad: "x".repeat(200) }));
    await writeFrames(dest as any, sseFrames(big, "id"), { signal: new AbortController().signal });
    await new Promise((r) => dest.on("finish", r));
    expect(writesWhileFull).toBe(0);
    expect(received.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(received.split("\n\n").length - 1).toBe(301);
  });
});
