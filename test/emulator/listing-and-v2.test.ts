// The emulator follows the account's listing (every form, per account) and API version 2; each rule is
// shown refusing the body the previous translator sent, and accepting what the translator sends now.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchModelListing } from "../../src/models-endpoint";
import { anthropicToCerebrasRequest } from "../../src/request/index";
import { type Emulator, startCerebrasEmulator } from "./server";

let emu: Emulator;

beforeAll(async () => {
  emu = await startCerebrasEmulator({
    keys: ["sk-test"],
    modelsByKey: {
      "sk-gateway": ["zai-glm-4.7", "gpt-oss-120b"],
      "sk-free": {
        "gpt-oss-120b": {
          contextWindow: 65536,
          maxOutput: 8192,
          supportedParameters: ["max_completion_tokens"],
        },
      },
    },
  });
});
afterAll(async () => {
  await emu?.close();
});

const post = (body: unknown, key = "sk-test") =>
  fetch(`${emu.url}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const list = async (key: string, format?: string) =>
  (
    await fetch(`${emu.url}/models${format ? `?format=${format}` : ""}`, {
      headers: { authorization: `Bearer ${key}` },
    })
  ).json();

describe("the emulator's model listing", () => {
  it("is per account: each key sees, and may use, only its own models", async () => {
    expect((await list("sk-test")).data.map((m: { id: string }) => m.id)).toEqual([
      "gpt-oss-120b",
      "qwen-3.8-27b",
    ]);
    expect((await list("sk-gateway")).data.map((m: { id: string }) => m.id)).toEqual([
      "zai-glm-4.7",
      "gpt-oss-120b",
    ]);
    const msg = [{ role: "user", content: "hi" }];
    expect((await post({ model: "zai-glm-4.7", messages: msg }, "sk-gateway")).status).toBe(200);
    expect((await post({ model: "zai-glm-4.7", messages: msg }, "sk-test")).status).toBe(404);
  });

  it("answers the openrouter and huggingface forms, which the plugin reads back as the same facts", async () => {
    const hf = await list("sk-free", "huggingface");
    expect(hf.data[0]).toMatchObject({
      id: "gpt-oss-120b",
      context_length: 65536,
      capabilities: { vision: false },
    });
    const r = await fetchModelListing(emu.url, "sk-free");
    expect(r.models).toEqual([
      {
        id: "gpt-oss-120b",
        contextWindow: 65536,
        maxOutput: 8192,
        vision: false,
        reasoning: true,
        supportedParameters: ["max_completion_tokens"],
      },
    ]);
  });
});

describe("API version 2 rules (each rejects the body the previous translator sent)", () => {
  const repeatedIds = {
    model: "gpt-oss-120b",
    max_tokens: 1000,
    messages: [
      { role: "user", content: "go" },
      { role: "assistant", content: [{ type: "tool_use", id: "call_0", name: "Read", input: { p: "a" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_0", content: "A" }] },
      { role: "assistant", content: [{ type: "tool_use", id: "call_0", name: "Read", input: { p: "b" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_0", content: "B" }] },
    ],
    tools: [{ name: "Read", input_schema: { type: "object", properties: { p: { type: "string" } } } }],
  };

  it("duplicate tool-call ids across turns: refused; the renamed ids are accepted", async () => {
    const oldBody = {
      model: "gpt-oss-120b",
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: "", tool_calls: [call("call_0")] },
        { role: "tool", tool_call_id: "call_0", content: "A" },
        { role: "assistant", content: "", tool_calls: [call("call_0")] },
        { role: "tool", tool_call_id: "call_0", content: "B" },
      ],
    };
    const refused = await post(oldBody);
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/Duplicate tool call id 'call_0'/);
    const now = anthropicToCerebrasRequest(repeatedIds).body;
    expect((await post(now)).status).toBe(200);
  });

  it("tool_choice without tools: refused", async () => {
    const res = await post({
      model: "gpt-oss-120b",
      messages: [{ role: "user", content: "x" }],
      tool_choice: "auto",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/tool_choice is only allowed when tools are provided/);
  });

  it("a parameter the listing does not name, or an output above the listed maximum: refused", async () => {
    // The table's facts for gpt-oss-120b (what the translator used before the listing): 16384 and temperature.
    const req = {
      model: "gpt-oss-120b",
      max_tokens: 30000,
      temperature: 0.5,
      messages: [{ role: "user", content: "x" }],
    };
    const old = anthropicToCerebrasRequest(req).body;
    const refused = await post(old, "sk-free");
    expect(refused.status).toBe(400);
    const listing = await fetchModelListing(emu.url, "sk-free");
    const now = anthropicToCerebrasRequest(req, { listedModels: listing.models ?? undefined }).body;
    expect(now).not.toHaveProperty("temperature");
    expect(now.max_completion_tokens).toBe(8192);
    expect((await post(now, "sk-free")).status).toBe(200);
  });
});

function call(id: string) {
  return { id, type: "function", function: { name: "Read", arguments: "{}" } };
}
