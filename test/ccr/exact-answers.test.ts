// What a client receives through REAL ccr (1.0.73 and 2.0.0) for a Cerebras request is what the
// Anthropic API would send (envelopes, statuses, retry-after, block order, usage, refusal, the empty
// text block, the requested model, pings), while another provider in the same ccr is served exactly as
// by a ccr without the plugin. The real @anthropic-ai/sdk is the client; raw bytes are read where the SDK
// would hide them.

import { createServer, type Server } from "node:http";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { builtPluginPath } from "../support/plugin-path";
import { type ReplayUpstream, startReplayUpstream } from "../support/replay-upstream";

const MODELS = ["gpt-oss-120b", "qwen-3.8-27b"];
const KEY = "sk-exact-test";
const PING_MS = 150;

/** An upstream that answers only once the test opens the gate (a Cerebras slow to answer). */
interface GatedUpstream {
  url: string;
  /** Resolves when a request has arrived and is waiting. */
  waiting(): Promise<void>;
  open(body: string, status?: number): void;
  close(): Promise<void>;
}

async function startGatedUpstream(): Promise<GatedUpstream> {
  let release: ((answer: { body: string; status: number }) => void) | undefined;
  let arrived: (() => void) | undefined;
  let arrival = new Promise<void>((r) => {
    arrived = r;
  });
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      new Promise<{ body: string; status: number }>((r) => {
        release = r;
        arrived?.();
      }).then(({ body, status }) => {
        res.writeHead(status, { "content-type": status === 200 ? "text/event-stream" : "application/json" });
        res.end(body);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`,
    waiting: () => arrival,
    open(body, status = 200) {
      release?.({ body, status });
      arrival = new Promise<void>((r) => {
        arrived = r;
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface SseEvent {
  event: string;
  data: any;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
      return { event, data: JSON.parse(data) };
    });
}

const OTHER_COMPLETION = JSON.stringify({
  id: "chatcmpl-other-1",
  object: "chat.completion",
  created: 1767905301,
  model: "gpt-4o-mini",
  choices: [
    { index: 0, message: { role: "assistant", content: "from the other provider" }, finish_reason: "stop" },
  ],
  usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 },
});
const OTHER_STREAM = [
  { role: "assistant", content: "" },
  { content: "from the " },
  { content: "other provider" },
]
  .map(
    (delta) =>
      `data: ${JSON.stringify({ id: "chatcmpl-other-2", object: "chat.completion.chunk", created: 1767905301, model: "gpt-4o-mini", choices: [{ index: 0, delta }] })}\n\n`,
  )
  .concat(
    `data: ${JSON.stringify({ id: "chatcmpl-other-2", object: "chat.completion.chunk", created: 1767905301, model: "gpt-4o-mini", choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 } })}\n\n`,
    "data: [DONE]\n\n",
  );

describe.each<CcrVersion>(["2.0.0", "1.0.73"])("exact Anthropic answers through real ccr %s", (version) => {
  let emu: Emulator;
  let gated: GatedUpstream;
  let other: ReplayUpstream;
  let ccr: CcrInstance;
  let plain: CcrInstance;
  let client: Anthropic;

  const otherProvider = () => ({
    name: "other",
    api_base_url: `${other.url}/chat/completions`,
    api_key: "sk-other",
    models: ["gpt-4o-mini"],
  });

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ models: MODELS, keys: [KEY] });
    gated = await startGatedUpstream();
    other = await startReplayUpstream();
    const cerebras = (name: string, base: string) => ({
      name,
      api_base_url: `${base}/chat/completions`,
      api_key: "$CEREBRAS_API_KEY",
      models: MODELS,
      transformer: { use: ["ccr-cerebras"] },
    });
    [ccr, plain] = await Promise.all([
      startCcr({
        version,
        env: { CEREBRAS_API_KEY: KEY },
        config: {
          transformers: [
            // The default ping interval (10 s) here: a short one could start a stream (and turn a
            // later HTTP error into an `event: error`) whenever this loaded machine is slow for a moment.
            { path: builtPluginPath(), options: { discoverModels: false } },
            // Short pings only for the provider whose upstream the ping tests hold back.
            {
              path: builtPluginPath(),
              options: { name: "ccr-cerebras-ping", discoverModels: false, pingIntervalMs: PING_MS },
            },
            // ccr itself calls Cerebras (`relay: false`): successes are still the plugin's own answers.
            {
              path: builtPluginPath(),
              options: { name: "ccr-cerebras-norelay", relay: false, discoverModels: false },
            },
          ],
          Providers: [
            cerebras("cerebras", emu.url),
            { ...cerebras("slow", gated.url), transformer: { use: ["ccr-cerebras-ping"] } },
            { ...cerebras("norelay", emu.url), transformer: { use: ["ccr-cerebras-norelay"] } },
            otherProvider(),
          ],
          Router: { default: "cerebras,gpt-oss-120b", image: "cerebras,qwen-3.8-27b" },
        },
      }),
      // The same other provider in a ccr that never loaded the plugin: the reference bytes.
      startCcr({
        version,
        config: { Providers: [otherProvider()], Router: { default: "other,gpt-4o-mini" } },
      }),
    ]);
    client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
  });

  afterAll(async () => {
    await Promise.all([ccr?.stop(), plain?.stop()]);
    await Promise.all([emu?.close(), gated?.close(), other?.close()]);
  });

  const post = (target: CcrInstance, body: object) =>
    fetch(`${target.baseUrl}/v1/messages`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": target.apiKey,
        "anthropic-version": "2023-06-01",
      },
      body: JSON.stringify(body),
    });
  const ask = (extra: Record<string, unknown> = {}) => ({
    model: "claude-sonnet-4-5-20250929",
    max_tokens: 1024,
    messages: [{ role: "user", content: "hi" }],
    ...extra,
  });

  it("an error is Anthropic's envelope with the mapped status, and a 429 carries retry-after", async () => {
    emu.setKeyBehaviour(KEY, { rateLimitFor: 2, code: "token_quota_exceeded", resetSeconds: 0.05 });
    const err = await client.messages.create(ask() as never).catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.RateLimitError);
    expect(err.status).toBe(429);
    expect(err.error).toEqual({
      type: "error",
      error: { type: "rate_limit_error", message: expect.any(String) },
    });
    expect(Number(err.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(err.requestID).toMatch(/^req_/);

    // A streaming request that fails before anything was sent: an HTTP error too, as JSON.
    emu.enqueue({
      fault: {
        kind: "http",
        status: 401,
        body: { message: "Wrong API Key", type: "invalid_request_error", code: "wrong_api_key" },
      },
    });
    const res = await post(ccr, ask({ stream: true }));
    expect(res.status).toBe(403); // 401 → 403, which Claude Code shows at once (src/errors.ts)
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      type: "error",
      error: { type: "authentication_error", message: expect.stringContaining("CEREBRAS_API_KEY") },
    });
  });

  it("a bad request never reaches Cerebras and is a 400 invalid_request_error envelope", async () => {
    const before = emu.requests.length;
    const res = await post(ccr, ask({ messages: [{ role: "user", content: 42 }] }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      type: "error",
      error: { type: "invalid_request_error", message: expect.any(String) },
    });
    expect(emu.requests.length).toBe(before);
  });

  it("an error in the middle of a stream is one Anthropic `event: error`, and nothing follows it", async () => {
    emu.enqueue({
      content: "partial answer that will break",
      fault: {
        kind: "midstream-error-chunk",
        afterChunks: 3,
        status_code: 500,
        error: { message: "boom", type: "server_error" },
      },
    });
    const res = await post(ccr, ask({ stream: true }));
    expect(res.status).toBe(200);
    const events = parseSse(await res.text());
    const last = events.at(-1)!;
    expect(last.event).toBe("error");
    expect(last.data).toEqual({ type: "error", error: { type: "api_error", message: expect.any(String) } });
    expect(events.filter((e) => e.event === "error")).toHaveLength(1);
    expect(events.map((e) => e.event)).not.toContain("message_stop");
    await expect(client.messages.stream(ask() as never).finalMessage()).resolves.toBeDefined(); // the next request is unaffected
  });

  it("blocks come thinking → text → tool_use, streaming and not; message_start carries the input estimate", async () => {
    const reply = {
      reasoning: "Think first.",
      content: "Then talk.",
      toolCalls: [{ name: "Read", arguments: '{"file_path":"a.txt"}' }],
    };
    const tools = [
      {
        name: "Read",
        description: "Reads",
        input_schema: { type: "object", properties: { file_path: { type: "string" } } },
      },
    ];
    emu.enqueue(reply);
    const msg = await client.messages.create(ask({ tools }) as never);
    expect(msg.content.map((b: any) => b.type)).toEqual(["thinking", "text", "tool_use"]);
    emu.enqueue(reply);
    const res = await post(ccr, ask({ tools, stream: true }));
    const events = parseSse(await res.text());
    expect(events[0]!.data.message.usage.input_tokens).toBeGreaterThan(0);
    expect(
      events.filter((e) => e.event === "content_block_start").map((e) => e.data.content_block.type),
    ).toEqual(["thinking", "text", "tool_use"]);
  });

  it("with relay off (ccr makes the call), a success is still the exact answer", async () => {
    const model = "norelay,gpt-oss-120b";
    emu.enqueue({ reasoning: "Hm.", content: "Plain." });
    const msg = await client.messages.create(ask({ model }) as never);
    expect(msg.model).toBe(model);
    expect(msg.content.map((b: any) => b.type)).toEqual(["thinking", "text"]);
    emu.enqueue({ content: "" });
    const streamed = await client.messages.stream(ask({ model }) as never).finalMessage();
    expect(streamed.content).toEqual([{ type: "text", text: "" }]);
  });

  it("a request ccr's image agent works on is left to ccr, which rewrites its answers", async () => {
    const png =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    emu.enqueue({ reasoning: "Hm.", content: "Seen." });
    const msg = await client.messages.create(
      ask({
        messages: [
          {
            role: "user",
            content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: png } }],
          },
          { role: "assistant", content: "An image." },
          { role: "user", content: "What was it?" },
        ],
      }) as never,
    );
    const tools = (emu.requests.at(-1)!.body as { tools?: Array<{ function: { name: string } }> }).tools;
    expect(tools?.map((t) => t.function.name)).toContain("analyzeImage"); // ccr's agent was active
    expect(msg.content.map((b: any) => b.type)).toEqual(["text", "thinking"]); // ccr's converter (N2)
  });

  it("content_filter is `refusal`, and an empty completion is one empty text block, in both modes", async () => {
    emu.enqueue({ content: "I can't.", finishReason: "content_filter" });
    expect((await client.messages.create(ask() as never)).stop_reason).toBe("refusal");
    emu.enqueue({ content: "I can't.", finishReason: "content_filter" });
    expect((await client.messages.stream(ask() as never).finalMessage()).stop_reason).toBe("refusal");
    emu.enqueue({ content: "" });
    expect((await client.messages.create(ask() as never)).content).toEqual([{ type: "text", text: "" }]);
    emu.enqueue({ content: "" });
    expect((await client.messages.stream(ask() as never).finalMessage()).content).toEqual([
      { type: "text", text: "" },
    ]);
  });

  it("the model the client asked for is echoed, whatever ccr's router picked", async () => {
    for (const model of ["claude-sonnet-4-5-20250929", "cerebras,qwen-3.8-27b"]) {
      emu.enqueue({ content: "a" });
      expect((await client.messages.create(ask({ model }) as never)).model).toBe(model);
      emu.enqueue({ content: "b" });
      expect((await client.messages.stream(ask({ model }) as never).finalMessage()).model).toBe(model);
    }
    expect(emu.requests.at(-1)!.body).toMatchObject({ model: "qwen-3.8-27b" });
  });

  /** A streaming request to the gated upstream, read until the first ping; `rest()` reads the remainder. */
  async function streamUntilPing() {
    const res = await post(ccr, ask({ model: "slow,gpt-oss-120b", stream: true }));
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    // Bounded by the test's timeout: the upstream stays closed until a ping has been seen.
    while (!text.includes("event: ping")) {
      const r = await reader.read();
      if (r.done) break;
      text += decoder.decode(r.value, { stream: true });
    }
    await gated.waiting();
    return {
      async rest(): Promise<SseEvent[]> {
        for (;;) {
          const r = await reader.read();
          if (r.done) break;
          text += decoder.decode(r.value, { stream: true });
        }
        return parseSse(text);
      },
    };
  }

  it("while Cerebras is awaited, the stream starts with message_start and pings keep it company", async () => {
    const stream = await streamUntilPing();
    gated.open(
      'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-oss-120b","choices":[{"index":0,"delta":{"content":"late hello"}}]}\n\n' +
        'data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"gpt-oss-120b","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
    );
    const names = (await stream.rest()).map((e) => e.event);
    expect(names[0]).toBe("message_start");
    expect(names[1]).toBe("ping");
    expect(names.filter((n) => n !== "ping")).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
  });

  it("an error after the waiting stream started is one `event: error` after message_start, nothing after it", async () => {
    const stream = await streamUntilPing();
    gated.open(
      JSON.stringify({
        message: "bad field",
        type: "invalid_request_error",
        param: "x",
        code: "wrong_api_format",
      }),
      400,
    );
    const events = (await stream.rest()).filter((e) => e.event !== "ping");
    expect(events.map((e) => e.event)).toEqual(["message_start", "error"]);
    expect(events[1]!.data).toEqual({
      type: "error",
      error: { type: "invalid_request_error", message: expect.stringContaining("bad field") },
    });
  });

  it("another provider in the same ccr is answered byte for byte as by a ccr without the plugin", async () => {
    const normalise = (s: string) => s.replace(/msg_\d+/g, "msg_N");
    const cases: Array<{ body: object; reply: string | string[]; status?: number }> = [
      { body: { stream: false }, reply: OTHER_COMPLETION },
      { body: { stream: true }, reply: OTHER_STREAM },
      {
        body: { stream: false },
        reply: '{"error":{"message":"bad","type":"invalid_request_error"}}',
        status: 400,
      },
    ];
    for (const c of cases) {
      const answers = [];
      for (const target of [ccr, plain]) {
        other.enqueue({ body: c.reply, status: c.status });
        const res = await post(target, ask({ model: "other,gpt-4o-mini", ...c.body }));
        answers.push({
          status: res.status,
          type: res.headers.get("content-type"),
          body: normalise(await res.text()),
        });
      }
      expect(answers[0]).toEqual(answers[1]);
    }
    expect(other.requests.at(-1)!.body).toEqual(other.requests.at(-2)!.body);
  });
});
