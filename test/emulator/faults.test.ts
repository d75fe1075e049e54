// Scripted replies: queue order and matching, transport faults, delays, large streams.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCerebrasEmulator } from "./server";
import { parseSse, sseJson } from "./sse-parse";
import type { Emulator } from "./types";

const FIXTURES = join(__dirname, "..", "fixtures", "cerebras");
const fixtureJson = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8"));
const QUEUE_ERROR = fixtureJson("error_429_queue_exceeded.json");

let emu: Emulator;
beforeAll(async () => {
  // gemma-4-31b (a model that does not reason) as a dedicated endpoint would still serve it.
  emu = await startCerebrasEmulator({ models: ["gpt-oss-120b", "qwen-3.8-27b", "gemma-4-31b"] });
});
afterAll(() => emu.close());

function post(body: Record<string, unknown>) {
  return fetch(`${emu.url}/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-oss-120b", messages: [{ role: "user", content: "x" }], ...body }),
  });
}
const stream = (body: Record<string, unknown> = {}) => post({ stream: true, ...body });

describe("the reply queue", () => {
  it("replies are consumed in order, then the default reply answers", async () => {
    emu.enqueue({ content: "one" }, { content: "two" });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) texts.push((await (await post({})).json()).choices[0].message.content);
    expect(texts.slice(0, 2)).toEqual(["one", "two"]);
    expect(texts[2]).toContain("You said");
    expect(emu.pendingReplies()).toBe(0);
  });

  it("a reply with match is only used by a request it matches", async () => {
    emu.enqueue({ content: "for qwen", match: (b) => b.model === "qwen-3.8-27b" }, { content: "anyone" });
    const first = await (await post({})).json();
    const second = await (await post({ model: "qwen-3.8-27b" })).json();
    expect(first.choices[0].message.content).toBe("anyone");
    expect(second.choices[0].message.content).toBe("for qwen");
  });

  it("an invalid request does not consume a queued reply", async () => {
    emu.enqueue({ content: "kept" });
    expect((await post({ thinking: { type: "enabled" } })).status).toBe(400);
    expect((await (await post({})).json()).choices[0].message.content).toBe("kept");
  });
});

describe("faults", () => {
  it("http: the scripted status, body and headers (e.g. 429 queue_exceeded)", async () => {
    emu.enqueue({ fault: { kind: "http", status: 429, body: QUEUE_ERROR, headers: { "x-test": "1" } } });
    const res = await post({});
    expect(res.status).toBe(429);
    expect(res.headers.get("x-test")).toBe("1");
    expect(res.headers.get("x-ratelimit-limit-tokens-minute")).not.toBeNull();
    expect(await res.json()).toEqual(QUEUE_ERROR);
  });

  it("midstream-error-chunk: a data line {error, status_code} after N chunks, no [DONE]", async () => {
    emu.enqueue({
      reasoning: ["Let me think"],
      content: "never sent",
      fault: { kind: "midstream-error-chunk", afterChunks: 2, status_code: 429, error: QUEUE_ERROR },
    });
    const events = parseSse(await (await stream()).text());
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[2]?.data ?? "")).toEqual({ error: QUEUE_ERROR, status_code: 429 });
    expect(events[2]?.event).toBeUndefined();
  });

  it("midstream-error-event: an `event: error` frame, then the stream ends", async () => {
    const error = {
      message: "Internal server error",
      type: "server_error",
      param: null,
      code: "internal_error",
    };
    emu.enqueue({ fault: { kind: "midstream-error-event", afterChunks: 1, status_code: 500, error } });
    const events = parseSse(await (await stream()).text());
    expect(events.map((e) => e.event)).toEqual([undefined, "error"]);
    expect(JSON.parse(events[1]?.data ?? "")).toEqual({ error, status_code: 500 });
  });

  it("truncate: the body ends cleanly without the finish chunk or [DONE]", async () => {
    emu.enqueue({ content: ["a", "b", "c"], fault: { kind: "truncate", afterChunks: 2 } });
    const text = await (await stream()).text();
    const chunks = sseJson(text);
    expect(chunks).toHaveLength(2);
    expect(text).not.toContain("[DONE]");
    expect(chunks.some((c) => c.choices[0]?.finish_reason)).toBe(false);
  });

  it("malformed-json: one data line does not parse, the rest of the stream is intact", async () => {
    emu.enqueue({ content: ["a", "b"], fault: { kind: "malformed-json", afterChunks: 1 } });
    const events = parseSse(await (await stream()).text());
    const bad = events.filter((e) => {
      try {
        JSON.parse(e.data);
        return false;
      } catch {
        return e.data !== "[DONE]";
      }
    });
    expect(bad).toHaveLength(1);
    expect(events.at(-1)?.data).toBe("[DONE]");
  });

  it("reset: the client gets the first chunks, then a connection error", async () => {
    emu.enqueue({ content: ["a", "b", "c"], fault: { kind: "reset", afterChunks: 2 } });
    const res = await stream();
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let received = "";
    const read = async () => {
      for (let i = 0; i < 100; i++) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        received += new TextDecoder().decode(value);
      }
      return "too long";
    };
    await expect(read()).rejects.toThrow();
    expect(received).toContain('"role":"assistant"');
  });

  it("no-trailing-newline: the last line is `data: [DONE]` without its blank line", async () => {
    emu.enqueue({ content: "x", fault: { kind: "no-trailing-newline" } });
    const text = await (await stream()).text();
    expect(text.endsWith("}\n\ndata: [DONE]")).toBe(true);
  });

  it("non-streaming truncate gives a body that is not valid JSON", async () => {
    emu.enqueue({ content: "x", fault: { kind: "truncate", afterChunks: 0 } });
    const text = await (await post({})).text();
    expect(() => JSON.parse(text)).toThrow();
  });
});

describe("timing and size", () => {
  it("delayMs delays each chunk", async () => {
    emu.enqueue({ content: ["a", "b", "c"], delayMs: 30 });
    const t = Date.now();
    await (await stream()).text();
    expect(Date.now() - t).toBeGreaterThanOrEqual(5 * 30 - 10);
  });

  it("streams 20,000 content chunks completely (its speed is bench/ccr.ts's concern)", async () => {
    emu.enqueue({ content: Array(20000).fill("tok ") });
    const chunks = sseJson(await (await stream({ model: "gemma-4-31b" })).text());
    expect(chunks.filter((c) => c.choices[0]?.delta?.content === "tok ")).toHaveLength(20000);
  });

  it("a slow reader gets the whole large stream without loss", async () => {
    emu.enqueue({ content: Array(5000).fill("0123456789".repeat(10)) });
    const res = await stream({ model: "gemma-4-31b" });
    const reader = res.body!.getReader();
    let text = "";
    for (let i = 0; i < 100_000; i++) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(sseJson(text).filter((c) => c.choices[0]?.delta?.content)).toHaveLength(5000);
  });

  it("with enforceMaxCompletionTokens, a reply longer than the budget finishes with length", async () => {
    const own = await startCerebrasEmulator({ enforceMaxCompletionTokens: true });
    try {
      own.enqueue({ reasoning: "a b c", content: Array(100).fill("word ") });
      const res = await fetch(`${own.url}/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer sk-test" },
        body: JSON.stringify({
          model: "gpt-oss-120b",
          max_completion_tokens: 20,
          messages: [{ role: "user", content: "x" }],
        }),
      });
      const body = await res.json();
      expect(body.choices[0].finish_reason).toBe("length");
      expect(body.usage.completion_tokens).toBeLessThanOrEqual(20);
      expect(body.choices[0].message.reasoning).toBe("a b c");
    } finally {
      await own.close();
    }
  });
});
