import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isRoleOnlyChunk, peekCerebrasStream } from "./sse-peek";

const fixture = (name: string) =>
  readFileSync(join(__dirname, "..", "..", "test", "fixtures", "cerebras", name), "utf8");

/** A reader over `text`, cut into pieces of `size` bytes. */
function readerOf(text: string, size = 7) {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  }).getReader();
}

const joined = (prefix: Uint8Array[]) => Buffer.concat(prefix).toString("utf8");

describe("peekCerebrasStream", () => {
  it("an error event right after the role chunk is a failed attempt (event: error fixture)", async () => {
    const r = await peekCerebrasStream(readerOf(fixture("stream_midstream_error_event.sse")));
    expect(r.kind).toBe("error");
    if (r.kind === "error") {
      expect(r.status).toBe(500);
      expect(r.payload).toMatchObject({ error: { code: "internal_error" }, status_code: 500 });
    }
  });

  it("content before the error settles it: the error is the client's to see (error chunk fixture)", async () => {
    const text = fixture("stream_midstream_error_chunk.sse");
    const reader = readerOf(text, 10_000);
    const r = await peekCerebrasStream(reader);
    expect(r.kind).toBe("commit");
    expect(joined(r.prefix)).toBe(text);
  });

  it("a data error as the first event after the role chunk is caught", async () => {
    const text = fixture("stream_midstream_error_chunk.sse");
    const lines = text.split("\n\n");
    const withoutReasoning = [lines[0], lines[2], ""].join("\n\n");
    const r = await peekCerebrasStream(readerOf(withoutReasoning));
    expect(r).toMatchObject({ kind: "error", status: 429, payload: { error: { code: "queue_exceeded" } } });
  });

  it("commits at the first reasoning delta and keeps every byte read so far", async () => {
    const text = fixture("glm47_stream_reasoning_text_toolcall.sse");
    const r = await peekCerebrasStream(readerOf(text));
    expect(r.kind).toBe("commit");
    const seen = joined(r.prefix);
    expect(text.startsWith(seen)).toBe(true);
    expect(seen).toContain('"reasoning"');
    expect(seen.length).toBeLessThan(text.length);
  });

  it("gives up peeking after the byte limit", async () => {
    const role = `data: ${JSON.stringify({ choices: [{ delta: { role: "assistant" }, index: 0 }] })}\n\n`;
    const r = await peekCerebrasStream(readerOf(role.repeat(100), 50), 1000);
    expect(r.kind).toBe("commit");
    if (r.kind === "commit") expect(r.ended).toBe(false);
    expect(joined(r.prefix).length).toBeGreaterThanOrEqual(1000);
    expect(joined(r.prefix).length).toBeLessThan(1100);
  });

  it("a stream that ends during the peek is committed as ended", async () => {
    const r = await peekCerebrasStream(readerOf("data: [DONE]\n\n"));
    expect(r).toMatchObject({ kind: "commit" });
  });
});

describe("isRoleOnlyChunk", () => {
  it("is true only for chunks that carry nothing but the role", () => {
    expect(isRoleOnlyChunk({ choices: [{ delta: { role: "assistant", content: "" } }] })).toBe(true);
    expect(isRoleOnlyChunk({ choices: [{ delta: { content: "x" } }] })).toBe(false);
    expect(isRoleOnlyChunk({ choices: [{ delta: {}, finish_reason: "stop" }] })).toBe(false);
    expect(isRoleOnlyChunk({ choices: [], usage: { prompt_tokens: 1 } })).toBe(false);
  });
});
