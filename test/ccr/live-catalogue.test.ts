// The plugin follows the account's listing: before the first listing arrives it uses the model table
// (no request waits), afterwards every clamp, the pre-flight context check, the vision decision, the
// parameters sent and the claude-* mapping use what the listing says. Strict emulator as Cerebras.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CerebrasCcrTransformer } from "../../src/ccr/transformer";
import type { CerebrasRequest } from "../../src/wire/cerebras";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";

let emu: Emulator;
beforeAll(async () => {
  emu = await startCerebrasEmulator({
    modelsByKey: {
      // A free-tier account: small windows, qwen without vision, gpt-oss without temperature.
      "sk-free": {
        "gpt-oss-120b": {
          contextWindow: 8192,
          maxOutput: 2048,
          supportedParameters: ["max_completion_tokens"],
        },
        "qwen-3.8-27b": { contextWindow: 65536, maxOutput: 8192, vision: false },
      },
      "sk-qwen-only": ["qwen-3.8-27b"],
    },
  });
});
afterAll(async () => {
  await emu?.close();
});

function plugin(apiKey = "sk-free") {
  const t = new CerebrasCcrTransformer({ relay: false });
  const provider = {
    name: "cerebras",
    baseUrl: `${emu.url}/chat/completions`,
    apiKey,
    models: ["gpt-oss-120b", "qwen-3.8-27b"],
  };
  const send = async (body: Record<string, unknown>) =>
    (await t.transformRequestIn(body, provider as never, { req: { body, id: "r" } } as never))
      .body as CerebrasRequest;
  // The catalogue refresh the first request started (one at a time, so this is that same request).
  const listingArrived = () =>
    (t as unknown as { catalogue: { refresh(u: string, k: string): Promise<unknown> } }).catalogue.refresh(
      provider.baseUrl,
      provider.apiKey,
    );
  return { send, listingArrived };
}

const ask = (model: string, extra: Record<string, unknown> = {}) => ({
  model,
  max_tokens: 30000,
  temperature: 0.5,
  messages: [{ role: "user", content: "hi" }],
  ...extra,
});

describe("the plugin's live catalogue", () => {
  it("uses the table until the listing arrives, then the listing's limits and parameters", async () => {
    const p = plugin();
    const before = await p.send(ask("gpt-oss-120b"));
    expect(before.max_completion_tokens).toBe(16384); // the table: 40960, capped
    expect(before.temperature).toBe(0.5);
    await p.listingArrived();
    const after = await p.send(ask("gpt-oss-120b"));
    expect(after.max_completion_tokens).toBe(2048);
    expect(after).not.toHaveProperty("temperature");
    // The strict emulator (this account's listing) refuses the first body and takes the second.
    const post = (body: unknown) =>
      fetch(`${emu.url}/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer sk-free", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post(before)).status).toBe(400);
    expect((await post(after)).status).toBe(200);
  });

  it("checks the prompt against the listed window before sending", async () => {
    const p = plugin();
    const long = ask("gpt-oss-120b", { messages: [{ role: "user", content: "word ".repeat(12000) }] });
    await p.send(long); // the table's 131072 window: fits
    await p.listingArrived();
    const err = await p.send(long).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as { statusCode?: number }).statusCode).toBe(400);
    expect(String((err as Error).message)).toMatch(/prompt is too long/);
  });

  it("decides vision by the listing: an image for a model listed without vision becomes a placeholder", async () => {
    const p = plugin();
    const image = {
      type: "image",
      source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" },
    };
    const withImage = ask("qwen-3.8-27b", {
      messages: [{ role: "user", content: [image, { type: "text", text: "?" }] }],
    });
    expect(JSON.stringify((await p.send(withImage)).messages)).toContain("image_url"); // table: vision
    await p.listingArrived();
    expect(JSON.stringify((await p.send(withImage)).messages)).not.toContain("image_url");
  });

  it("maps claude-* names by the served-default rule when no defaultModel is configured", async () => {
    const p = plugin("sk-qwen-only");
    expect((await p.send(ask("claude-sonnet-4-5"))).model).toBe("gpt-oss-120b"); // the table's best
    await p.listingArrived();
    expect((await p.send(ask("claude-sonnet-4-5"))).model).toBe("qwen-3.8-27b"); // the only one served
  });
});
