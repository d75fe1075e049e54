// The plugin inside ccr's real engine (@musistudio/llms in-process), with the real Anthropic SDK as the
// client and recorded Cerebras payloads as the upstream. Real ccr processes: ccr-versions.test.ts.

import { readFileSync } from "node:fs";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getModelInfo } from "../../src/models";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import type { AnthropicStreamEvent } from "../../src/wire/anthropic";
import { validateCerebrasRequest } from "../support/cerebras-validator";
import { type LlmsServer, startLlmsServer } from "../support/llms-inprocess";
import { builtPluginPath } from "../support/plugin-path";
import { type ReplayUpstream, startReplayUpstream } from "../support/replay-upstream";

const fixture = (name: string) => readFileSync(`test/fixtures/cerebras/${name}`, "utf8");

let upstream: ReplayUpstream;
let ccr: LlmsServer;
let client: Anthropic;

beforeAll(async () => {
  upstream = await startReplayUpstream({ models: ["gpt-oss-120b", "qwen-3.8-27b"] });
  ccr = await startLlmsServer({
    transformers: [{ path: builtPluginPath(), options: { defaultModel: "zai-glm-4.7" } }],
    providers: [
      {
        name: "cerebras",
        api_base_url: `${upstream.url}/chat/completions`,
        api_key: "sk-test",
        models: ["zai-glm-4.7", "gpt-oss-120b", "qwen-3.8-27b"],
        transformer: { use: ["ccr-cerebras"] },
      },
    ],
  });
  client = new Anthropic({ baseURL: ccr.url, apiKey: "router-key", maxRetries: 0 });
});

afterAll(async () => {
  await ccr?.close();
  await upstream?.close();
});

const ask = (model = "cerebras,zai-glm-4.7", extra: Partial<Anthropic.MessageCreateParams> = {}) =>
  ({
    model,
    max_tokens: 32000,
    system: [{ type: "text", text: "You are a helpful agent.", cache_control: { type: "ephemeral" } }],
    messages: [{ role: "user", content: "Fix the parser test." }],
    tools: [
      {
        name: "Read",
        description: "Reads a file",
        input_schema: {
          $schema: "https://json-schema.org/draft/2020-12/schema",
          type: "object",
          properties: { file_path: { type: "string" } },
          required: ["file_path"],
          additionalProperties: false,
        },
      },
    ],
    thinking: { type: "adaptive" } as never,
    ...extra,
  }) as Anthropic.MessageCreateParams;

/** What our core decides for the same upstream bytes. */
function coreEvents(sse: string, model: string): AnthropicStreamEvent[] {
  const t = new CerebrasToAnthropicStream({ requestedModel: model, messageId: "msg_x" });
  return [...t.push(sse), ...t.end()];
}

/** Event types and block shapes, ignoring what ccr cannot reproduce (ids, message_start usage, delta splits). */
function shape(events: Array<{ type: string; [k: string]: any }>) {
  const out: string[] = [];
  for (const e of events) {
    if (e.type === "content_block_start") out.push(`start:${e.index}:${e.content_block.type}`);
    else if (e.type === "content_block_delta") {
      const s = `delta:${e.index}:${e.delta.type}`;
      if (out[out.length - 1] !== s) out.push(s);
    } else if (e.type === "content_block_stop") out.push(`stop:${e.index}`);
    else if (e.type === "message_delta") out.push(`message_delta:${e.delta.stop_reason}`);
    else if (e.type !== "ping") out.push(e.type);
  }
  return out;
}

describe("plugin inside ccr's engine (in-process)", () => {
  it("streams reasoning, text and a tool call as the core decided, with usage and a valid upstream body", async () => {
    const sse = fixture("glm47_stream_reasoning_text_toolcall.sse");
    upstream.enqueue({ body: sse });
    const events: any[] = [];
    const stream = client.messages.stream(ask() as Anthropic.MessageStreamParams);
    stream.on("streamEvent", (e) => events.push(e));
    const msg = await stream.finalMessage();

    const sent = upstream.requests.at(-1)!;
    expect(sent.headers.authorization).toBe("Bearer sk-test");
    expect(
      validateCerebrasRequest(sent.body, { model: getModelInfo("zai-glm-4.7"), ourAllowList: true }),
    ).toEqual([]);
    expect(sent.body.max_completion_tokens).toBeLessThanOrEqual(16384);

    expect(shape(events)).toEqual(shape(coreEvents(sse, "zai-glm-4.7")));
    expect(msg.content.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]);
    expect(msg.content[0]).toMatchObject({
      thinking:
        "The user wants the failing parser test fixed. I should read tests/test_parser.py before editing.",
    });
    expect(msg.content[1]).toMatchObject({ text: "I'll read the failing test first." });
    expect(msg.content[2]).toMatchObject({
      id: "3e1a9c07b",
      name: "Read",
      input: { file_path: "/repo/tests/test_parser.py" },
    });
    expect(msg.stop_reason).toBe("tool_use");
    expect(msg.usage).toMatchObject({
      input_tokens: 2184 - 1920,
      output_tokens: 96,
      cache_read_input_tokens: 1920,
    });
  });

  it("S1: usage that arrives in a chunk after finish_reason is not lost", async () => {
    const sse = fixture("stream_variant_usage_in_separate_chunk.sse");
    upstream.enqueue({ body: sse }); // one write: finish chunk and usage chunk in the same network read
    const msg = await client.messages.stream(ask() as Anthropic.MessageStreamParams).finalMessage();
    const lastUsage = [...sse.matchAll(/"usage":(\{[^}]*\}[^}]*\})/g)].at(-1)?.[1];
    const usage = JSON.parse(lastUsage!);
    expect(msg.usage.output_tokens).toBe(usage.completion_tokens);
    expect(msg.usage.output_tokens).toBeGreaterThan(0);
  });

  it("S8: a mid-stream Cerebras error reaches the SDK as an error, not a normal end", async () => {
    upstream.enqueue({ body: fixture("stream_midstream_error_chunk.sse") });
    await expect(
      client.messages.stream(ask() as Anthropic.MessageStreamParams).finalMessage(),
    ).rejects.toThrow(/overloaded_error|high traffic/);
  });

  it("S9: a truncated upstream stream is an error, never a silent end_turn", async () => {
    const sse = fixture("glm47_stream_reasoning_text_toolcall.sse");
    upstream.enqueue({ body: sse.slice(0, sse.indexOf('"tool_calls"')).replace(/data: [^\n]*$/, "") });
    await expect(
      client.messages.stream(ask() as Anthropic.MessageStreamParams).finalMessage(),
    ).rejects.toThrow();
  });

  it("answers a non-streaming request with thinking, text and tool_use (N1, N3, N5)", async () => {
    upstream.enqueue({ body: fixture("glm47_nonstream_reasoning_toolcall.json") });
    const msg = await client.messages.create({
      ...ask(),
      max_tokens: 4096,
      stream: false,
    } as Anthropic.MessageCreateParamsNonStreaming);
    expect(msg.id).toMatch(/^msg_/);
    expect(msg.model).toBe(ask().model); // the name the client sent, as the Anthropic API echoes it
    expect(msg.content.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]); // N2: thinking first
    const byType = Object.fromEntries(msg.content.map((b) => [b.type, b]));
    expect(byType.thinking).toMatchObject({ type: "thinking" });
    expect((byType.thinking as Anthropic.ThinkingBlock).thinking).toMatch(/^The user wants/);
    expect(byType.tool_use).toMatchObject({
      name: "Read",
      input: { file_path: "/repo/tests/test_parser.py" },
    });
    expect(msg.stop_reason).toBe("tool_use");
    expect(msg.usage).toMatchObject({ input_tokens: 264, output_tokens: 96, cache_read_input_tokens: 1920 });
  });

  it("fails before sending with Claude Code's exact 'prompt is too long' text when the prompt cannot fit", async () => {
    const before = upstream.requests.length;
    const huge = "lorem ipsum ".repeat(60_000); // ~720k chars, far above a 131k-token window
    const err = await client.messages
      .create({
        ...ask(),
        max_tokens: 4096,
        stream: false,
        messages: [{ role: "user", content: huge }],
      } as never)
      .catch((e) => e);
    expect(err).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String(err.message)).toMatch(/prompt is too long: \d+ tokens > \d+ maximum/);
    expect(upstream.requests.length).toBe(before);
  });

  it("keeps sending a retired model as configured, and turns Cerebras' 404 into a 410 naming the live models", async () => {
    const before = upstream.requests.length;
    upstream.enqueue({ status: 404, body: fixture("error_404_model_not_found.json") });
    const err = await client.messages
      .create({ ...ask("cerebras,zai-glm-4.7"), max_tokens: 4096, stream: false } as never)
      .catch((e) => e);
    expect(upstream.requests.length).toBe(before + 1); // it was sent
    expect(upstream.requests.at(-1)!.body.model).toBe("zai-glm-4.7");
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect(err.status).toBe(410);
    // the live list comes from the upstream's GET /v1/models
    expect(String(err.message)).toMatch(
      /zai-glm-4\.7.*retired by Cerebras on 2026-08-17.*Live models: gpt-oss-120b, qwen-3\.8-27b/s,
    );
  });

  it("a gateway that ignores `stream`: a JSON answer to a streaming request still streams to the client", async () => {
    upstream.enqueue({ body: fixture("glm47_nonstream_reasoning_toolcall.json") });
    const msg = await client.messages.stream(ask() as Anthropic.MessageStreamParams).finalMessage();
    expect(msg.content.map((b) => b.type)).toEqual(["thinking", "text", "tool_use"]);
    expect(msg.stop_reason).toBe("tool_use");
  });

  it("…and a stream answering a non-streaming request is collected into one JSON message", async () => {
    upstream.enqueue({ body: fixture("glm47_stream_reasoning_text_toolcall.sse") });
    const msg = await client.messages.create({ ...ask(), max_tokens: 4096, stream: false } as never);
    expect((msg as Anthropic.Message).content.find((b) => b.type === "tool_use")).toMatchObject({
      name: "Read",
      input: { file_path: "/repo/tests/test_parser.py" },
    });
    upstream.enqueue({ body: fixture("stream_midstream_error_chunk.sse") });
    const err = await client.messages
      .create({ ...ask(), max_tokens: 4096, stream: false } as never)
      .catch((e) => e);
    expect(err.status).toBe(529);
  });
});
