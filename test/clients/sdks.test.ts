// Clients other than Claude Code and the Anthropic SDK, through real ccr 2.0.0 and 1.0.73 with the
// plugin and the strict Cerebras emulator: the Vercel AI SDK's Anthropic provider (`ai` +
// `@ai-sdk/anthropic`) and LangChain's (`@langchain/anthropic`). Each parses the Anthropic wire format
// its own way; what they report is what a user of them sees. The symptoms of issue 10 are named here:
// the AI SDK reported a 429 as a bare "Too Many Requests" (ccr's envelope hid the reason), and
// LangChain's streams reported 0 input tokens (ccr's message_start carried zero usage).

import { createAnthropic } from "@ai-sdk/anthropic";
import { ChatAnthropic } from "@langchain/anthropic";
import type { AIMessageChunk } from "@langchain/core/messages";
import { APICallError, generateText, jsonSchema, streamText, tool } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { pluginCcrConfig } from "../support/plugin-path";

const KEY = "sk-clients-test";
const MODELS = ["gpt-oss-120b", "qwen-3.8-27b"];

describe.each<CcrVersion>(["2.0.0", "1.0.73"])(
  "other Anthropic clients through real ccr %s + plugin",
  (version) => {
    let emu: Emulator;
    let ccr: CcrInstance;

    beforeAll(async () => {
      emu = await startCerebrasEmulator({ models: MODELS, keys: [KEY] });
      ccr = await startCcr({
        version,
        env: { CEREBRAS_API_KEY: KEY },
        config: pluginCcrConfig({ upstreamUrl: emu.url, models: MODELS, options: { discoverModels: false } }),
      });
    });

    afterAll(async () => {
      await ccr?.stop();
      await emu?.close();
    });

    const aiSdk = () => createAnthropic({ baseURL: `${ccr.baseUrl}/v1`, apiKey: ccr.apiKey });
    const langchain = (streaming: boolean) =>
      new ChatAnthropic({
        model: "claude-sonnet-4-5-20250929",
        anthropicApiUrl: ccr.baseUrl,
        apiKey: ccr.apiKey,
        maxRetries: 0,
        maxTokens: 512,
        streaming,
      });

    it("AI SDK streamText: reasoning, text, a tool call with parsed input, and input usage", async () => {
      emu.enqueue({
        reasoning: "Look it up.",
        content: "Checking the weather.",
        toolCalls: [{ name: "weather", arguments: '{"city":"Paris"}' }],
      });
      const result = streamText({
        model: aiSdk()("claude-sonnet-4-5-20250929"),
        prompt: "Weather in Paris?",
        maxRetries: 0,
        tools: {
          weather: tool({
            description: "The weather in a city",
            inputSchema: jsonSchema<{ city: string }>({
              type: "object",
              properties: { city: { type: "string" } },
              required: ["city"],
            }),
          }),
        },
      });
      expect(await result.reasoningText).toBe("Look it up.");
      expect(await result.text).toBe("Checking the weather.");
      const calls = await result.toolCalls;
      expect(calls.map((c) => [c.toolName, c.input])).toEqual([["weather", { city: "Paris" }]]);
      expect(await result.finishReason).toBe("tool-calls");
      const usage = await result.usage;
      expect(usage.inputTokens).toBeGreaterThan(0);
      expect(usage.outputTokens).toBeGreaterThan(0);
    });

    it("AI SDK generateText (no stream): the text and the finish reason", async () => {
      emu.enqueue({ content: "Plain answer." });
      const result = await generateText({
        model: aiSdk()("claude-sonnet-4-5-20250929"),
        prompt: "hi",
        maxRetries: 0,
      });
      expect(result.text).toBe("Plain answer.");
      expect(result.finishReason).toBe("stop");
      expect(result.usage.inputTokens).toBeGreaterThan(0);
    });

    it("AI SDK: a Cerebras 429 keeps its reason and retry-after (was a bare 'Too Many Requests')", async () => {
      // Two quota 429s: the plugin's one-key pool gives up after keys × 2 of them.
      emu.setKeyBehaviour(KEY, { rateLimitFor: 2, code: "token_quota_exceeded", resetSeconds: 0.05 });
      {
        const err = await generateText({
          model: aiSdk()("claude-sonnet-4-5-20250929"),
          prompt: "hi",
          maxRetries: 0,
        }).catch((e: unknown) => e);
        const apiError = APICallError.isInstance(err) ? err : (err as { lastError?: unknown }).lastError;
        expect(APICallError.isInstance(apiError)).toBe(true);
        const e = apiError as APICallError;
        expect(e.statusCode).toBe(429);
        expect(e.message).not.toBe("Too Many Requests");
        expect(e.message).toMatch(/token|quota|limit/i);
        expect(Number(e.responseHeaders?.["retry-after"])).toBeGreaterThanOrEqual(1);
      }
    });

    it("LangChain stream: the chunks add up to the text, with input tokens counted (was 0)", async () => {
      emu.enqueue({ content: "Streamed through LangChain." });
      let total: AIMessageChunk | undefined;
      for await (const chunk of await langchain(true).stream("hi"))
        total = total ? total.concat(chunk) : chunk;
      // LangChain keeps Anthropic's content as a string or as an array of blocks.
      const text =
        typeof total?.content === "string"
          ? total.content
          : (total?.content ?? []).map((b) => ("text" in b ? b.text : "")).join("");
      expect(text).toBe("Streamed through LangChain.");
      expect(total?.usage_metadata?.input_tokens).toBeGreaterThan(0);
      expect(total?.usage_metadata?.output_tokens).toBeGreaterThan(0);
    });

    it("LangChain invoke: the answer and its usage", async () => {
      emu.enqueue({ content: "Invoked." });
      const msg = await langchain(false).invoke("hi");
      expect(msg.text).toBe("Invoked.");
      expect(msg.usage_metadata?.input_tokens).toBeGreaterThan(0);
    });
  },
);
