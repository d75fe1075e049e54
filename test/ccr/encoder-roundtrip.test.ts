// Property: for any Cerebras stream, the message a real Anthropic SDK client accumulates THROUGH ccr's
// converter (plugin + encoder + ccr's OpenAI→Anthropic conversion) equals the message our core decided.

import Anthropic from "@anthropic-ai/sdk";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import type { AnthropicStreamEvent } from "../../src/wire/anthropic";
import { cerebrasSse, type DeltaSpec, USAGE } from "../stream/support/cerebras-sse";
import { type LlmsServer, startLlmsServer } from "../support/llms-inprocess";
import { builtPluginPath } from "../support/plugin-path";
import { type ReplayUpstream, startReplayUpstream } from "../support/replay-upstream";

let upstream: ReplayUpstream;
let ccr: LlmsServer;
let client: Anthropic;

beforeAll(async () => {
  upstream = await startReplayUpstream();
  ccr = await startLlmsServer({
    transformers: [{ path: builtPluginPath(), options: { discoverModels: false } }],
    providers: [
      {
        name: "cerebras",
        api_base_url: `${upstream.url}/chat/completions`,
        api_key: "sk-test",
        models: ["gpt-oss-120b"],
        transformer: { use: ["ccr-cerebras"] },
      },
    ],
  });
  client = new Anthropic({ baseURL: ccr.url, apiKey: "k", maxRetries: 0 });
});

afterAll(async () => {
  await ccr?.close();
  await upstream?.close();
});

type Folded =
  | { content: any[]; stop_reason: string | null; usage: Record<string, number> }
  | { error: string };

/** The message a client builds from the core's events (what the core "decided"). */
function foldCore(events: AnthropicStreamEvent[]): Folded {
  const content: any[] = [];
  let stop: string | null = null;
  let usage: Record<string, number> = {};
  for (const e of events) {
    if (e.type === "error") return { error: e.error.type };
    if (e.type === "content_block_start") content.push({ ...e.content_block, json: "" });
    if (e.type === "content_block_delta") {
      const b = content[e.index];
      if (e.delta.type === "text_delta") b.text += e.delta.text;
      if (e.delta.type === "thinking_delta") b.thinking += e.delta.thinking;
      if (e.delta.type === "signature_delta") b.signature = e.delta.signature;
      if (e.delta.type === "input_json_delta") b.json += e.delta.partial_json;
    }
    if (e.type === "message_delta") {
      stop = e.delta.stop_reason;
      usage = { ...e.usage };
    }
  }
  const blocks = content
    .map(({ json, ...b }) => (b.type === "tool_use" ? { ...b, input: JSON.parse(json) } : b))
    // ccr cannot emit an empty text block (it ignores empty content): see src/ccr/encoder.ts
    .filter((b) => !(b.type === "text" && b.text === ""));
  return {
    content: blocks,
    stop_reason: stop === "refusal" ? "stop_sequence" : stop,
    usage: {
      input_tokens: usage.input_tokens!,
      output_tokens: usage.output_tokens!,
      cache_read_input_tokens: usage.cache_read_input_tokens!,
    },
  };
}

async function throughCcr(sse: string): Promise<Folded> {
  upstream.enqueue({ body: sse.match(/[\s\S]{1,64}/g) ?? [sse] }); // many small network writes
  try {
    const m = await client.messages
      .stream({
        model: "cerebras,gpt-oss-120b",
        max_tokens: 1024,
        messages: [{ role: "user", content: "hi" }],
      })
      .finalMessage();
    return {
      content: m.content.map((b: any) => (b.type === "text" ? { type: b.type, text: b.text } : b)),
      stop_reason: m.stop_reason,
      usage: {
        input_tokens: m.usage.input_tokens,
        output_tokens: m.usage.output_tokens,
        cache_read_input_tokens: m.usage.cache_read_input_tokens ?? 0,
      },
    };
  } catch (err) {
    return { error: (err as { type?: string; error?: any }).error?.message ?? String(err) };
  }
}

const word = fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/[<>]/g, "_"));
const spec: fc.Arbitrary<DeltaSpec> = fc.oneof(
  word.map((reasoning) => ({ reasoning })),
  word.map((content) => ({ content })),
  fc.record({ name: fc.constantFrom("Read", "Bash"), v: word, i: fc.nat(2) }).map(({ name, v, i }) => ({
    tool_calls: [
      { index: i, id: `call${i}`, type: "function", function: { name, arguments: JSON.stringify({ v }) } },
    ],
  })),
);

describe("encoder round trip through ccr's converter", () => {
  it("the client's message through ccr equals the core's message, for random streams", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { maxLength: 12 }),
        fc.constantFrom("stop", "tool_calls", "length", "content_filter", "none"),
        async (specs, finish) => {
          const body =
            finish === "none"
              ? cerebrasSse(specs, { done: false })
              : cerebrasSse([...specs, { finish, usage: USAGE }]);
          const t = new CerebrasToAnthropicStream({ model: "gpt-oss-120b" });
          const core = foldCore([...t.push(body), ...t.end()]);
          const viaCcr = await throughCcr(body);
          if ("error" in core) expect(viaCcr).toHaveProperty("error");
          else expect(viaCcr).toEqual(core);
        },
      ),
      { numRuns: 40 },
    );
  });
});
