// The translated streams and messages, served over HTTP to the real @anthropic-ai/sdk client: its
// MessageStream accumulator must produce the expected message (and the same message as the
// non-streaming path), and error streams must reject with an APIError of the mapped type.

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import Anthropic, { APIError } from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnthropicHttpError } from "../../src/errors";
import { cerebrasToAnthropicMessage } from "../../src/response/index";
import { encodeAnthropicSseEvent } from "../../src/stream/sse";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import type { AnthropicMessage } from "../../src/wire/anthropic";
import { cerebrasSse, type DeltaSpec, USAGE } from "./support/cerebras-sse";
import { collapseToCompletion } from "./support/collapse";
import { anthropicStreamViolations } from "./support/grammar";

const FIXTURES = join(__dirname, "../fixtures/cerebras");
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

type Reply = { status: number; contentType: string; body: string; headers?: Record<string, string> };
let reply: Reply = { status: 500, contentType: "text/plain", body: "no reply set" };
let server: Server;
let client: Anthropic;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method !== "POST" || !req.url?.startsWith("/v1/messages")) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(reply.status, { "content-type": reply.contentType, ...reply.headers });
      res.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  client = new Anthropic({ baseURL: `http://127.0.0.1:${port}`, apiKey: "x", maxRetries: 0, timeout: 5000 });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const REQUEST = {
  model: "gpt-oss-120b",
  max_tokens: 1024,
  messages: [{ role: "user" as const, content: "hi" }],
};

function translateToSse(cerebrasSseText: string): string {
  const t = new CerebrasToAnthropicStream({ requestedModel: "claude-sonnet-4-5", messageId: "msg_stream" });
  const events = [...t.push(cerebrasSseText), ...t.end()];
  expect(anthropicStreamViolations(events)).toEqual([]);
  return events.map(encodeAnthropicSseEvent).join("");
}

/** The SDK adds `parsed_output` (its structured-output helper) to the accumulated message; not wire data. */
function wireMessage(message: object): object {
  const { parsed_output: _parsed, ...rest } = message as Record<string, unknown>;
  return rest;
}

async function sdkFinalMessage(cerebrasSseText: string) {
  reply = { status: 200, contentType: "text/event-stream", body: translateToSse(cerebrasSseText) };
  const final = await client.messages.stream(REQUEST).finalMessage();
  return wireMessage(final) as AnthropicMessage;
}

async function sdkStreamError(cerebrasSseText: string): Promise<APIError> {
  reply = { status: 200, contentType: "text/event-stream", body: translateToSse(cerebrasSseText) };
  const err = await client.messages
    .stream(REQUEST)
    .finalMessage()
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(APIError);
  return err as APIError;
}

const nonStream = (completion: unknown) =>
  cerebrasToAnthropicMessage(completion, { requestedModel: "claude-sonnet-4-5", messageId: "msg_stream" });

const GLM_EXPECTED: AnthropicMessage = {
  id: "msg_stream",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5",
  content: [
    {
      type: "thinking",
      thinking:
        "The user wants the failing parser test fixed. I should read tests/test_parser.py before editing.",
      signature: "cerebras",
    },
    { type: "text", text: "I'll read the failing test first." },
    { type: "tool_use", id: "3e1a9c07b", name: "Read", input: { file_path: "/repo/tests/test_parser.py" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: {
    input_tokens: 264,
    output_tokens: 96,
    cache_read_input_tokens: 1920,
    cache_creation_input_tokens: 0,
  },
};

/** The stream fixture's non-streaming twin, written out by hand from the .sse file. */
const GLM_TWIN = {
  id: "chatcmpl-8b2d6c41-0e7f-4f3a-a9c5-1d2e3f4a5b6c",
  object: "chat.completion",
  model: "zai-glm-4.7",
  choices: [
    {
      index: 0,
      finish_reason: "tool_calls",
      message: {
        role: "assistant",
        reasoning:
          "The user wants the failing parser test fixed. I should read tests/test_parser.py before editing.",
        content: "I'll read the failing test first.",
        tool_calls: [
          {
            id: "3e1a9c07b",
            type: "function",
            function: { name: "Read", arguments: '{"file_path": "/repo/tests/test_parser.py"}' },
          },
        ],
      },
    },
  ],
  usage: {
    prompt_tokens: 2184,
    completion_tokens: 96,
    total_tokens: 2280,
    prompt_tokens_details: { cached_tokens: 1920 },
  },
};

describe("streams through the real @anthropic-ai/sdk MessageStream", () => {
  it("glm47_stream_reasoning_text_toolcall.sse → the expected message, equal to the non-streaming twin", async () => {
    const final = await sdkFinalMessage(fixtureText("glm47_stream_reasoning_text_toolcall.sse"));
    expect(final).toEqual(GLM_EXPECTED);
    expect(final).toEqual(nonStream(GLM_TWIN));
  });

  it("stream_variant_usage_in_separate_chunk.sse → thinking + text, end_turn, usage from the trailing chunk", async () => {
    const final = await sdkFinalMessage(fixtureText("stream_variant_usage_in_separate_chunk.sse"));
    expect(final).toEqual({
      id: "msg_stream",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-4-5",
      content: [
        { type: "thinking", thinking: "Simple greeting; answer briefly.", signature: "cerebras" },
        { type: "text", text: "Hello!" },
      ],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: {
        input_tokens: 12,
        output_tokens: 9,
        cache_read_input_tokens: 0,
        cache_creation_input_tokens: 0,
      },
    });
  });

  it("stream_midstream_error_chunk.sse → APIError overloaded_error", async () => {
    const err = await sdkStreamError(fixtureText("stream_midstream_error_chunk.sse"));
    expect(err.type).toBe("overloaded_error");
  });

  it("stream_midstream_error_event.sse → APIError api_error", async () => {
    const err = await sdkStreamError(fixtureText("stream_midstream_error_event.sse"));
    expect(err.type).toBe("api_error");
  });

  it("a 429 quota error chunk → APIError rate_limit_error", async () => {
    const body = `${cerebrasSse([{ content: "x" }], { done: false })}data: ${JSON.stringify({
      error: JSON.parse(fixtureText("error_429_request_quota.json")),
      status_code: 429,
    })}\n\n`;
    expect((await sdkStreamError(body)).type).toBe("rate_limit_error");
  });

  it("a truncated stream → APIError api_error, never a silent end_turn", async () => {
    const err = await sdkStreamError(cerebrasSse([{ content: "Half an ans" }], { done: false }));
    expect(err.type).toBe("api_error");
  });

  const cases: Array<[string, DeltaSpec[]]> = [
    [
      "text after a tool call, parallel calls with interleaved fragments",
      [
        { content: "Let me look." },
        {
          tool_calls: [
            { index: 0, id: "c1", type: "function", function: { name: "Bash", arguments: '{"comm' } },
          ],
        },
        {
          tool_calls: [
            { index: 1, id: "c2", type: "function", function: { name: "Glob", arguments: '{"pattern"' } },
          ],
        },
        { tool_calls: [{ index: 0, function: { arguments: 'and":"ls -la"}' } }] },
        { content: " Also globbing." },
        { tool_calls: [{ index: 1, function: { arguments: ':"**/*.ts"}' } }] },
        { finish: "tool_calls", usage: USAGE },
      ],
    ],
    [
      "reasoning only, cut by length",
      [{ reasoning: "Step one. " }, { reasoning: "Step two." }, { finish: "length", usage: USAGE }],
    ],
    ["an empty completion", [{ finish: "stop", usage: USAGE }]],
    [
      "unrepairable tool arguments",
      [
        {
          tool_calls: [
            { index: 0, id: "c9", type: "function", function: { name: "Bash", arguments: "run ls" } },
          ],
        },
        { finish: "tool_calls" },
      ],
    ],
    [
      "multi-byte text and no usage",
      [{ reasoning: "考虑一下" }, { content: "Grüße 🌍 " }, { content: "done" }, { finish: "stop" }],
    ],
  ];

  it.each(cases)("%s: the SDK's final message equals the non-streaming translation", async (_name, specs) => {
    const final = await sdkFinalMessage(cerebrasSse(specs));
    const expected = nonStream(collapseToCompletion(specs));
    expect(final).toEqual(expected);
  });

  it("text after a tool call ends up before the tool blocks, in one text block", async () => {
    const final = await sdkFinalMessage(cerebrasSse(cases[0]![1]));
    expect(final.content.map((b) => b.type)).toEqual(["text", "tool_use", "tool_use"]);
    expect(final.content[0]).toEqual({ type: "text", text: "Let me look. Also globbing." });
    expect(final.content[2]).toEqual({
      type: "tool_use",
      id: "c2",
      name: "Glob",
      input: { pattern: "**/*.ts" },
    });
    expect(final.stop_reason).toBe("tool_use");
  });
});

describe("non-streaming messages through the real SDK (messages.create)", () => {
  it("glm47_nonstream_reasoning_toolcall.json → the expected message", async () => {
    const message = cerebrasToAnthropicMessage(
      JSON.parse(fixtureText("glm47_nonstream_reasoning_toolcall.json")),
      {
        requestedModel: "claude-sonnet-4-5",
        messageId: "msg_ns",
      },
    );
    reply = { status: 200, contentType: "application/json", body: JSON.stringify(message) };
    const got = await client.messages.create(REQUEST);
    expect(got).toEqual({
      ...GLM_EXPECTED,
      id: "msg_ns",
      content: [
        {
          type: "thinking",
          thinking:
            "The user wants the failing parser test fixed. I should read tests/test_parser.py before changing anything, so I will call the Read tool.",
          signature: "cerebras",
        },
        ...GLM_EXPECTED.content.slice(1),
      ],
    });
  });

  it("an error body inside a 200 → the SDK's RateLimitError with rate_limit_error", async () => {
    let thrown: unknown;
    try {
      nonStream(JSON.parse(fixtureText("error_429_request_quota.json")));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AnthropicHttpError);
    const e = thrown as AnthropicHttpError;
    reply = {
      status: e.status,
      contentType: "application/json",
      body: JSON.stringify(e.body),
      headers: e.headers,
    };
    const err = await client.messages.create(REQUEST).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(err).toBeInstanceOf(Anthropic.RateLimitError);
    expect((err as APIError).type).toBe("rate_limit_error");
  });
});
