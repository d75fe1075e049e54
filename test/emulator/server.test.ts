// The emulator against the Cerebras fixtures: reply shapes, auth, strictness, errors and headers.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCerebrasEmulator } from "./server";
import { parseSse, sseJson } from "./sse-parse";
import type { Emulator } from "./types";

const FIXTURES = join(__dirname, "..", "fixtures", "cerebras");
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const fixtureJson = (name: string) => JSON.parse(fixtureText(name));
/** The body of a `.http` fixture (status line, headers, blank line, body). */
const httpFixture = (name: string) => {
  const [head = "", body = ""] = fixtureText(name).split(/\r?\n\r?\n/);
  const headers = Object.fromEntries(
    head
      .split(/\r?\n/)
      .slice(1)
      .map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
  );
  return { headers, body: JSON.parse(body) };
};

const user = (content: string) => ({ role: "user", content });

let emu: Emulator;
beforeAll(async () => {
  // gemma-4-31b (a model that does not reason) as a dedicated endpoint would still serve it.
  emu = await startCerebrasEmulator({ models: ["gpt-oss-120b", "qwen-3.8-27b", "gemma-4-31b"] });
});
afterAll(() => emu.close());

function post(body: unknown, key: string | null = "sk-test", target: Emulator = emu) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  return fetch(`${target.url}/chat/completions`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("replies have the Cerebras shape", () => {
  it("non-streaming: same keys in the same order as the fixture, reasoning in message.reasoning", async () => {
    emu.enqueue({
      reasoning: "I should read it.",
      content: "I'll read the failing test first.",
      toolCalls: [{ name: "Read", arguments: '{"file_path": "/repo/tests/test_parser.py"}' }],
    });
    const res = await post({ model: "gpt-oss-120b", messages: [user("fix the test")] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const got = await res.json();
    const want = fixtureJson("glm47_nonstream_reasoning_toolcall.json");
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(Object.keys(got.choices[0])).toEqual(Object.keys(want.choices[0]));
    expect(Object.keys(got.choices[0].message)).toEqual(Object.keys(want.choices[0].message));
    expect(Object.keys(got.usage)).toEqual(Object.keys(want.usage));
    expect(Object.keys(got.time_info)).toEqual(Object.keys(want.time_info));
    expect(got.object).toBe("chat.completion");
    expect(got.choices[0].finish_reason).toBe("tool_calls");
    expect(got.choices[0].message.reasoning).toBe("I should read it.");
    const call = got.choices[0].message.tool_calls[0];
    expect(call.id).toMatch(/^[0-9a-f]{9}$/);
    expect(call.function).toEqual({ name: "Read", arguments: '{"file_path": "/repo/tests/test_parser.py"}' });
  });

  it("streaming: role chunk, reasoning, content, one tool-call chunk, finish chunk with usage, [DONE]", async () => {
    emu.enqueue({
      reasoning: ["The user", " wants"],
      content: ["I'll read", " it."],
      toolCalls: [{ id: "3e1a9c07b", name: "Read", arguments: '{"file_path": "/a"}' }],
    });
    const res = await post({ model: "gpt-oss-120b", stream: true, messages: [user("go")] });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const text = await res.text();
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    const got = sseJson(text);
    const want = sseJson(fixtureText("glm47_stream_reasoning_text_toolcall.sse"));
    const shape = (chunks: any[]) =>
      chunks.map((c) => {
        const choice = c.choices[0];
        const kind = choice.finish_reason ? "finish" : Object.keys(choice.delta)[0];
        return { kind, keys: Object.keys(c).join(",") };
      });
    const dedupe = (s: { kind: string | undefined; keys: string }[]) =>
      s.filter((x, i) => i === 0 || x.kind !== s[i - 1]?.kind);
    expect(dedupe(shape(got))).toEqual(dedupe(shape(want)));
    expect(got[0].choices[0].delta).toEqual({ role: "assistant" });
    expect(got.map((c) => c.choices[0].delta.reasoning ?? "").join("")).toBe("The user wants");
    expect(got.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("I'll read it.");
    const toolChunks = got.filter((c) => c.choices[0].delta.tool_calls);
    expect(toolChunks).toHaveLength(1);
    const wantCall = want.find((c) => c.choices[0].delta.tool_calls).choices[0].delta.tool_calls[0];
    const gotCall = toolChunks[0].choices[0].delta.tool_calls[0];
    expect(Object.keys(gotCall)).toEqual(Object.keys(wantCall));
    expect(gotCall).toEqual({
      index: 0,
      id: "3e1a9c07b",
      type: "function",
      function: { name: "Read", arguments: '{"file_path": "/a"}' },
    });
    const last = got.at(-1);
    expect(last.choices[0].finish_reason).toBe("tool_calls");
    expect(last.usage.prompt_tokens).toBeGreaterThan(0);
  });

  it("usage 'separate-chunk' follows the fixture variant: finish chunk, then a choices:[] usage chunk", async () => {
    emu.enqueue({ content: "Hello!", usage: "separate-chunk" });
    const got = sseJson(
      await (await post({ model: "gpt-oss-120b", stream: true, messages: [user("hi")] })).text(),
    );
    const want = sseJson(fixtureText("stream_variant_usage_in_separate_chunk.sse"));
    expect(got.at(-2).choices[0].finish_reason).toBe("stop");
    expect(got.at(-2).usage).toBeUndefined();
    expect(Object.keys(got.at(-1))).toEqual(Object.keys(want.at(-1)));
    expect(got.at(-1).choices).toEqual([]);
  });

  it("a tool call with split streams its arguments in pieces that rejoin exactly", async () => {
    const args = JSON.stringify({ command: "echo hi", description: "Print hi" });
    emu.enqueue({ toolCalls: [{ name: "Bash", arguments: args, split: 3 }] });
    const got = sseJson(
      await (await post({ model: "gpt-oss-120b", stream: true, messages: [user("x")] })).text(),
    );
    const deltas = got.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
    expect(deltas).toHaveLength(3);
    expect(deltas[0].function.name).toBe("Bash");
    expect(deltas.slice(1).every((d: any) => d.id === undefined && d.index === 0)).toBe(true);
    expect(deltas.map((d: any) => d.function.arguments).join("")).toBe(args);
  });

  it("sends no reasoning when the request has reasoning_effort none", async () => {
    emu.enqueue({ reasoning: "hidden", content: "visible" });
    const got = await (
      await post({ model: "qwen-3.8-27b", reasoning_effort: "none", messages: [user("x")] })
    ).json();
    expect(got.choices[0].message.reasoning).toBeUndefined();
    expect(got.choices[0].message.content).toBe("visible");
  });

  it("the default reply quotes the last user message and finishes with stop", async () => {
    const got = await (
      await post({
        model: "gemma-4-31b",
        messages: [user("first"), { role: "assistant", content: "ok" }, user("second one")],
      })
    ).json();
    expect(got.choices[0].message.content).toContain('"second one"');
    expect(got.choices[0].finish_reason).toBe("stop");
  });

  it("reports cached tokens in 128-token blocks when a prompt repeats a long prefix", async () => {
    const long = "lorem ipsum dolor sit amet ".repeat(200);
    const own = await startCerebrasEmulator();
    try {
      const first = await (
        await post({ model: "gpt-oss-120b", messages: [user(long)] }, "sk-test", own)
      ).json();
      const second = await (
        await post({ model: "gpt-oss-120b", messages: [user(`${long} and more`)] }, "sk-test", own)
      ).json();
      expect(first.usage.prompt_tokens_details.cached_tokens).toBe(0);
      const cached = second.usage.prompt_tokens_details.cached_tokens;
      expect(cached).toBeGreaterThan(0);
      expect(cached % 128).toBe(0);
      expect(cached).toBeLessThanOrEqual(second.usage.prompt_tokens);
    } finally {
      await own.close();
    }
  });
});

describe("strict like Cerebras", () => {
  it("401 with a flat body for a missing or wrong key", async () => {
    for (const key of [null, "sk-wrong"]) {
      const res = await post({ model: "gpt-oss-120b", messages: [user("x")] }, key);
      expect(res.status).toBe(401);
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(["code", "message", "param", "type"]);
    }
  });

  it("a retired model answers exactly the fixture's 404 model_not_found body", async () => {
    const res = await post({ model: "zai-glm-4.7", messages: [user("x")] });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(fixtureJson("error_404_model_not_found.json"));
  });

  it("reasoning_content on an assistant message is the fixture's 400 wrong_api_format", async () => {
    const res = await post({
      model: "gpt-oss-120b",
      messages: [
        user("a"),
        user("b"),
        { role: "assistant", content: "c", reasoning_content: "r" },
        user("d"),
      ],
    });
    expect(res.status).toBe(400);
    const want = httpFixture("error_400_wrong_api_format_reasoning_content.http").body;
    expect(await res.json()).toEqual({ ...want, message: want.message.split("\n")[0] });
  });

  it("stream_options is refused with 422", async () => {
    const res = await post({
      model: "gpt-oss-120b",
      stream: true,
      stream_options: { include_usage: true },
      messages: [user("x")],
    });
    expect(res.status).toBe(422);
  });

  it("a body that is not JSON is refused with 422", async () => {
    expect((await post("{not json")).status).toBe(422);
  });

  it("prompt + max_completion_tokens over the context window → 400 'Current length is X while limit is Y'", async () => {
    const res = await post({
      model: "qwen-3.8-27b",
      max_completion_tokens: 30000,
      messages: [user("word ".repeat(40000))],
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    const want = fixtureJson("error_400_context_length.json");
    expect(Object.keys(body)).toEqual(Object.keys(want));
    expect(body.code).toBe(want.code);
    const m = /Current length is (\d+) while limit is (\d+)$/.exec(body.message);
    expect(Number(m?.[2])).toBe(65536);
    expect(Number(m?.[1])).toBeGreaterThan(65536);
    expect(body.message.startsWith("Please reduce the length of the messages or completion.")).toBe(true);
  });

  it("the fixture request from Claude Code is accepted when its model is live", async () => {
    const own = await startCerebrasEmulator({ models: ["zai-glm-4.7"] });
    try {
      const res = await post(fixtureJson("request_glm47_from_claude_code.json"), "sk-test", own);
      expect(res.status).toBe(200);
      expect(parseSse(await res.text()).at(-1)?.data).toBe("[DONE]");
    } finally {
      await own.close();
    }
  });

  it("strict: false lets a body Cerebras would refuse through (model and context checks remain)", async () => {
    const own = await startCerebrasEmulator({ strict: false });
    try {
      const refused = { model: "gpt-oss-120b", reasoning: { effort: "high" }, messages: [user("x")] };
      expect((await post(refused)).status).toBe(400);
      expect((await post(refused, "sk-test", own)).status).toBe(200);
      expect((await post({ ...refused, model: "zai-glm-4.7" }, "sk-test", own)).status).toBe(404);
    } finally {
      await own.close();
    }
  });

  it("the models record form overrides capabilities (a free-tier 65k window for gpt-oss-120b)", async () => {
    const own = await startCerebrasEmulator({ models: { "gpt-oss-120b": { contextWindow: 65536 } } });
    try {
      const res = await post(
        { model: "gpt-oss-120b", max_completion_tokens: 16384, messages: [user("word ".repeat(40000))] },
        "sk-test",
        own,
      );
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/while limit is 65536$/);
    } finally {
      await own.close();
    }
  });

  it("unknown paths are 404", async () => {
    const res = await fetch(`${emu.url}/completions`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });
});

describe("headers and key behaviour", () => {
  it("every response carries the six documented x-ratelimit headers, resets as float seconds", async () => {
    const documented = Object.keys(httpFixture("error_429_token_quota.http").headers).filter((h) =>
      h.startsWith("x-ratelimit-"),
    );
    expect(documented).toHaveLength(6);
    for (const res of [
      await post({ model: "gpt-oss-120b", messages: [user("x")] }),
      await post({ model: "nope", messages: [user("x")] }),
      await fetch(`${emu.url}/models`, { headers: { authorization: "Bearer sk-test" } }),
    ]) {
      for (const h of documented) expect(res.headers.get(h), h).not.toBeNull();
      expect(res.headers.get("x-ratelimit-reset-tokens-minute")).toMatch(/^\d+\.\d+$/);
      await res.arrayBuffer();
    }
  });

  it("setKeyBehaviour: the key fails N times with the token-quota 429, then works", async () => {
    emu.setKeyBehaviour("sk-pool-1", { rateLimitFor: 2, resetSeconds: 7.25 });
    const want = httpFixture("error_429_token_quota.http").body;
    for (let i = 0; i < 2; i++) {
      const res = await post({ model: "gpt-oss-120b", messages: [user("x")] }, "sk-pool-1");
      expect(res.status).toBe(429);
      expect(res.headers.get("x-ratelimit-reset-tokens-minute")).toBe("7.25");
      expect(await res.json()).toEqual(want);
    }
    expect((await post({ model: "gpt-oss-120b", messages: [user("x")] }, "sk-pool-1")).status).toBe(200);
  });

  it("setKeyBehaviour revoked: 401 on every request", async () => {
    emu.setKeyBehaviour("sk-revoked", { revoked: true });
    expect((await post({ model: "gpt-oss-120b", messages: [user("x")] }, "sk-revoked")).status).toBe(401);
  });

  it("records each chat request with its key, headers, body and status", async () => {
    const before = emu.requests.length;
    await (await post({ model: "gpt-oss-120b", messages: [user("recorded")] })).text();
    const rec = emu.requests[before];
    if (!rec) throw new Error("the request was not recorded");
    expect(rec.key).toBe("sk-test");
    expect(rec.status).toBe(200);
    expect((rec.body as { messages: { content: string }[] }).messages[0]?.content).toBe("recorded");
    expect(rec.headers["content-type"]).toBe("application/json");
  });
});

describe("models endpoints", () => {
  const get = (path: string) => fetch(`${emu.url}${path}`, { headers: { authorization: "Bearer sk-test" } });

  it("lists the live models in OpenAI form", async () => {
    const body = await (await get("/models")).json();
    expect(body.object).toBe("list");
    expect(body.data.map((m: any) => m.id)).toEqual(["gpt-oss-120b", "qwen-3.8-27b", "gemma-4-31b"]);
    expect(Object.keys(body.data[0])).toEqual(["id", "object", "created", "owned_by"]);
  });

  it("?format=openrouter gives context_length and max_output_length", async () => {
    const body = await (await get("/models?format=openrouter")).json();
    const gpt = body.data.find((m: any) => m.id === "cerebras/gpt-oss-120b");
    expect(gpt.context_length).toBe(131072);
    expect(gpt.max_output_length).toBe(40960);
  });

  it("retrieves one model, and 404 model_not_found for a retired one", async () => {
    expect((await (await get("/models/gpt-oss-120b")).json()).id).toBe("gpt-oss-120b");
    const res = await get("/models/zai-glm-4.7");
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe("model_not_found");
  });
});
