// A bad `transformers[].options` value never takes the plugin out of ccr's path (ccr skips a plugin whose
// constructor throws, and its own conversion then fails with an unrelated 422): the plugin loads, and
// every request through it answers with an error naming the option, its value and the expected form.
// Real ccr processes, the strict Cerebras emulator as upstream (which must see no request at all).

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { eventually } from "../support/eventually";
import { builtPluginPath } from "../support/plugin-path";

const BAD: Array<{ name: string; options: Record<string, unknown>; says: string[] }> = [
  {
    name: "bad-cap",
    options: { maxCompletionTokens: "16k" },
    says: ['maxCompletionTokens = "16k"', "positive whole number"],
  },
  { name: "bad-relay", options: { relay: "false" }, says: ['relay = "false"', "true or false"] },
  {
    name: "bad-spelling",
    options: { maxCompletionToken: 8192 },
    says: ["maxCompletionToken = 8192", "did you mean maxCompletionTokens?"],
  },
  {
    name: "bad-window",
    options: { models: { "gpt-oss-120b": { contextWindow: "64k" } } },
    says: ['models.gpt-oss-120b.contextWindow = "64k"', "whole number of tokens"],
  },
  { name: "bad-log", options: { requestLog: { maxBytes: -1 } }, says: ["requestLog.maxBytes = -1"] },
  // Registered under the reserved name, so the provider that names it gets the error, not ccr's built-in.
  { name: "cerebras", options: {}, says: ['name = "cerebras"', "built-in"] },
];

describe.each<CcrVersion>(["1.0.73", "2.0.0"])("real ccr %s, invalid plugin options", (version) => {
  let emu: Emulator;
  let ccr: CcrInstance;

  beforeAll(async () => {
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b"], keys: ["sk-cerebras-test"] });
    const provider = (name: string) => ({
      name,
      api_base_url: `${emu.url}/chat/completions`,
      api_key: "sk-cerebras-test",
      models: ["gpt-oss-120b"],
      transformer: { use: [name] },
    });
    ccr = await startCcr({
      version,
      config: {
        LOG_LEVEL: "info",
        transformers: [
          { path: builtPluginPath(), options: { name: "good" } },
          ...BAD.map((b) => ({ path: builtPluginPath(), options: { name: b.name, ...b.options } })),
        ],
        Providers: [provider("good"), ...BAD.map((b) => provider(b.name))],
        Router: { default: "good,gpt-oss-120b" },
      },
    });
  }, 60_000);

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
  });

  const ask = (provider: string) =>
    fetch(`${ccr.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": ccr.apiKey },
      body: JSON.stringify({
        model: `${provider},gpt-oss-120b`,
        max_tokens: 64,
        messages: [{ role: "user", content: "hello" }],
      }),
    });

  it.each(BAD)(
    "$name: every request answers 400 naming the option, its value and the expected form",
    async (b) => {
      const before = emu.requests.length;
      for (let i = 0; i < 2; i++) {
        const res = await ask(b.name);
        const text = await res.text();
        expect(res.status, text).toBe(400);
        const body = JSON.parse(text) as { error: { message: string; type: string } };
        expect(body.error.type).toBe("invalid_request_error");
        for (const s of b.says) expect(body.error.message).toContain(s);
        expect(body.error.message).toContain("transformers[].options");
      }
      expect(emu.requests.length).toBe(before); // nothing was sent to Cerebras
      // ccr's log names it too (its logger writes after the response has gone out).
      const logged = JSON.stringify(b.says[0]).slice(1, -1);
      expect(await eventually(ccr.logs, (text) => text.includes(logged))).toContain(logged);
    },
  );

  it("a valid instance of the same plugin in the same ccr still serves", async () => {
    const res = await ask("good");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { content: Array<{ text?: string }> }).content[0]?.text).toContain("hello");
  });
});
