// The bundled plugin inside REAL ccr processes (1.0.73 and 2.0.0 from npm), the real Anthropic SDK as
// client, and the strict Cerebras emulator (unknown field → 400, like Cerebras) as upstream.

import { readFileSync } from "node:fs";
import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { eventually } from "../support/eventually";
import { builtPluginPath } from "../support/plugin-path";
import { type ReplayUpstream, startReplayUpstream } from "../support/replay-upstream";

const MODELS = ["zai-glm-4.7", "gpt-oss-120b", "qwen-3.8-27b"];
const fixture = (p: string) => readFileSync(`test/fixtures/${p}`, "utf8");

function pluginConfig(emulatorUrl: string, replayUrl: string) {
  const provider = (name: string, base: string) => ({
    name,
    api_base_url: `${base}/chat/completions`,
    api_key: "$CEREBRAS_API_KEY",
    models: MODELS,
    transformer: { use: ["ccr-cerebras"] },
  });
  return {
    LOG_LEVEL: "debug", // ccr's default, which logs every upstream request with its headers
    transformers: [
      { path: builtPluginPath(), options: { defaultModel: "zai-glm-4.7" } },
      // One client delta per Cerebras delta, so the client's events can be compared one to one.
      { path: builtPluginPath(), options: { name: "ccr-cerebras-exact", coalesceDeltas: false } },
    ],
    Providers: [
      provider("cerebras", emulatorUrl),
      provider("replay", replayUrl),
      { ...provider("exact", replayUrl), transformer: { use: ["ccr-cerebras-exact"] } },
    ],
    Router: { default: "cerebras,zai-glm-4.7", background: "cerebras,gpt-oss-120b" },
  };
}

const READ_TOOL: Anthropic.Tool = {
  name: "Read",
  description: "Reads a file",
  input_schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: {
      file_path: { type: "string", format: "uri-reference" },
      limit: { type: "integer", minimum: 1 },
    },
    required: ["file_path"],
    additionalProperties: false,
  } as Anthropic.Tool.InputSchema,
};
const BASH_TOOL: Anthropic.Tool = {
  name: "Bash",
  description: "Runs a command",
  input_schema: {
    type: "object",
    properties: { command: { type: "string", minLength: 1 } },
    required: ["command"],
  },
};

describe.each<CcrVersion>(["1.0.73", "2.0.0"])("real ccr %s with the plugin", (version) => {
  let emu: Emulator;
  let replay: ReplayUpstream;
  let ccr: CcrInstance;
  let client: Anthropic;

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ models: MODELS, keys: ["sk-cerebras-test"] });
    replay = await startReplayUpstream({ models: MODELS });
    ccr = await startCcr({
      version,
      config: pluginConfig(emu.url, replay.url),
      env: { CEREBRAS_API_KEY: "sk-cerebras-test" },
    });
    client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
    await replay?.close();
  });

  const base = {
    max_tokens: 32000,
    system: [
      { type: "text" as const, text: "You are an agent.", cache_control: { type: "ephemeral" as const } },
    ],
    tools: [READ_TOOL, BASH_TOOL],
    thinking: { type: "adaptive" } as never,
  };

  it("loads the plugin: the strict emulator accepts the rebuilt body, and ccr's logs show no load error", async () => {
    emu.enqueue({ reasoning: "Greeting.", content: "Hello there." });
    const msg = await client.messages
      .stream({ ...base, model: "cerebras,zai-glm-4.7", messages: [{ role: "user", content: "hi" }] })
      .finalMessage();
    expect(msg.content.map((b) => b.type)).toEqual(["thinking", "text"]);
    expect(msg.content[1]).toMatchObject({ text: "Hello there." });
    const sent = emu.requests.at(-1)!;
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      model: "zai-glm-4.7",
      max_completion_tokens: 16384,
    });
    expect(sent.body).not.toHaveProperty("reasoning"); // ccr's converter adds it (R8); the plugin must not
    // ccr's logger writes asynchronously, after the answer went out.
    const logs = await eventually(ccr.logs, (text) => text.includes("final request"));
    expect(logs).not.toMatch(/load transformer .*error/);
    expect(logs).toContain("final request"); // ccr did log the upstream request…
    expect(logs).not.toContain("sk-cerebras-test"); // …without the Cerebras key
  });

  it("non-streaming: reasoning, text and a tool call", async () => {
    emu.enqueue({
      reasoning: "Read it.",
      content: "Reading.",
      toolCalls: [{ name: "Read", arguments: '{"file_path":"/a.txt"}' }],
    });
    const msg = await client.messages.create({
      ...base,
      max_tokens: 4096,
      model: "cerebras,zai-glm-4.7",
      messages: [{ role: "user", content: "read /a.txt" }],
    });
    expect(msg.id).toMatch(/^msg_/);
    expect(msg.stop_reason).toBe("tool_use");
    const types = msg.content.map((b) => b.type).sort();
    expect(types).toEqual(["text", "thinking", "tool_use"]);
    expect(msg.content.find((b) => b.type === "tool_use")).toMatchObject({
      name: "Read",
      input: { file_path: "/a.txt" },
    });
  });

  it("parallel tool calls stream as separate, complete tool_use blocks (S6, S7)", async () => {
    emu.enqueue({
      content: "Both.",
      toolCalls: [
        { id: "c1", name: "Read", arguments: '{"file_path":"/x"}', split: 3 },
        { id: "c2", name: "Bash", arguments: '{"command":"echo hi"}', split: 2 },
      ],
    });
    const msg = await client.messages
      .stream({ ...base, model: "cerebras,gpt-oss-120b", messages: [{ role: "user", content: "go" }] })
      .finalMessage();
    expect(msg.content.map((b) => b.type)).toEqual(["text", "tool_use", "tool_use"]);
    expect(msg.content[0]).toMatchObject({ text: "Both." });
    expect(msg.content[1]).toMatchObject({ id: "c1", name: "Read", input: { file_path: "/x" } });
    expect(msg.content[2]).toMatchObject({ id: "c2", name: "Bash", input: { command: "echo hi" } });
    expect(msg.stop_reason).toBe("tool_use");
  });

  it("runs a multi-turn tool loop; Cerebras gets tool messages right after the call", async () => {
    emu.enqueue({ toolCalls: [{ id: "t1", name: "Bash", arguments: '{"command":"echo 42"}' }] });
    const first = await client.messages
      .stream({
        ...base,
        model: "cerebras,zai-glm-4.7",
        messages: [{ role: "user", content: "run echo 42" }],
      })
      .finalMessage();
    expect(first.stop_reason).toBe("tool_use");
    emu.enqueue({ content: "It printed 42." });
    const second = await client.messages
      .stream({
        ...base,
        model: "cerebras,zai-glm-4.7",
        messages: [
          { role: "user", content: "run echo 42" },
          { role: "assistant", content: first.content as Anthropic.ContentBlockParam[] },
          {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: "t1", content: [{ type: "text", text: "42" }] },
              { type: "text", text: "<system-reminder>keep going</system-reminder>" },
            ],
          },
        ],
      })
      .finalMessage();
    expect(second.content.at(-1)).toMatchObject({ type: "text", text: "It printed 42." });
    const msgs = (emu.requests.at(-1)!.body as { messages: Array<{ role: string; content: unknown }> })
      .messages;
    expect(msgs.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool", "user"]);
    expect(msgs[3]).toMatchObject({ role: "tool", tool_call_id: "t1", content: "42" });
  });

  it("/model switching: each provider,model reaches Cerebras as that model; the name the client sent is echoed back", async () => {
    for (const [asked, upstreamModel] of [
      ["cerebras,zai-glm-4.7", "zai-glm-4.7"],
      ["cerebras,gpt-oss-120b", "gpt-oss-120b"],
      ["claude-sonnet-4-5-20250929", "zai-glm-4.7"], // Router.default
      ["claude-haiku-4-5-20251001", "gpt-oss-120b"], // Router.background
    ] as const) {
      emu.enqueue({ content: `I am ${upstreamModel}` });
      const msg = await client.messages.create({
        model: asked,
        max_tokens: 1024,
        messages: [{ role: "user", content: "who are you" }],
      });
      expect(emu.requests.at(-1)!.body).toMatchObject({ model: upstreamModel });
      expect(msg.model).toBe(asked);
      expect(msg.content[0]).toMatchObject({ text: `I am ${upstreamModel}` });
    }
  });

  it("real Claude Code request bodies (2.0.77 and 2.1.330) pass the strict emulator", async () => {
    for (const f of [
      "claude-code-2.0.77/05-main-with-tools-tool-result.json",
      "claude-code-2.1.330/01-main-with-tools-first-turn.json",
    ]) {
      const body = {
        ...JSON.parse(fixture(f)),
        model: "cerebras,zai-glm-4.7",
        stream: false,
        max_tokens: 4096,
      };
      emu.enqueue({ content: "ok" });
      const res = await fetch(`${ccr.baseUrl}/v1/messages?beta=true`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": ccr.apiKey },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as Anthropic.Message).content[0]).toMatchObject({
        type: "text",
        text: "ok",
      });
    }
  });

  it("a mid-stream Cerebras error reaches the client as an error (S8), a truncated stream too (S9)", async () => {
    emu.enqueue({
      content: "partial answer that will be cut",
      fault: {
        kind: "midstream-error-chunk",
        afterChunks: 2,
        status_code: 429,
        error: {
          message: "We're experiencing high traffic right now! Please try again soon.",
          type: "too_many_requests_error",
          param: "queue",
          code: "queue_exceeded",
        },
      },
    });
    const req = {
      ...base,
      model: "cerebras,zai-glm-4.7",
      messages: [{ role: "user" as const, content: "hi" }],
    };
    await expect(client.messages.stream(req).finalMessage()).rejects.toThrow(/overloaded_error/);
    emu.enqueue({ content: "this will be truncated", fault: { kind: "truncate", afterChunks: 2 } });
    await expect(client.messages.stream(req).finalMessage()).rejects.toThrow(/ended before finish_reason/);
  });

  it("every event the client receives is what the core decided for the same upstream bytes", async () => {
    for (const name of [
      "glm47_stream_reasoning_text_toolcall.sse",
      "stream_variant_usage_in_separate_chunk.sse",
    ]) {
      const sse = fixture(`cerebras/${name}`);
      for (const provider of ["exact", "replay"]) {
        replay.enqueue({ body: sse.split(/(?<=\n\n)/) });
        const model = `${provider},zai-glm-4.7`;
        // Raw bytes: the SDK's own events share the message snapshot it accumulates into.
        const res = await fetch(`${ccr.baseUrl}/v1/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": ccr.apiKey },
          body: JSON.stringify({ ...base, model, stream: true, messages: [{ role: "user", content: "x" }] }),
        });
        const seen = (await res.text())
          .split("\n\n")
          .filter((b) => b.startsWith("event: "))
          .map((b) => JSON.parse(b.slice(b.indexOf("\ndata: ") + 7)));
        const start = seen[0]!.message;
        expect(start.usage.input_tokens).toBeGreaterThan(0); // the estimate, before Cerebras counts
        const t = new CerebrasToAnthropicStream({
          requestedModel: model,
          messageId: start.id,
          estimatedInputTokens: start.usage.input_tokens,
        });
        expect(seen.filter((e) => e.type !== "ping")).toEqual([...t.push(sse), ...t.end()]);
      }
    }
  });
});
