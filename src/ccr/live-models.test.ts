import { describe, expect, it } from "vitest";
import { modelsUrl } from "../models-endpoint";
import { LiveModelCache } from "./live-models";

describe("live model discovery", () => {
  it("derives the models URL from the chat-completions URL, dropping the query", () => {
    expect(modelsUrl("https://api.cerebras.ai/v1/chat/completions")).toBe(
      "https://api.cerebras.ai/v1/models",
    );
    expect(modelsUrl("https://gw.example/v1/acct/gw/cerebras/chat/completions?x=1")).toBe(
      "https://gw.example/v1/acct/gw/cerebras/models",
    );
  });

  it("asks once, caches, strips the cerebras/ prefix, and sends the key", async () => {
    const calls: Array<{ url: string; auth: string }> = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push({ url, auth: (init.headers as Record<string, string>).authorization! });
      return new Response(
        JSON.stringify({ data: [{ id: "gpt-oss-120b" }, { id: "cerebras/qwen-3.8-27b" }] }),
      );
    }) as never;
    const cache = new LiveModelCache(60_000, 1000, fake);
    const [a, b] = await Promise.all([
      cache.get("http://x/v1/chat/completions", "k"),
      cache.get("http://x/v1/chat/completions", "k"),
    ]);
    expect(a).toEqual(["gpt-oss-120b", "qwen-3.8-27b"]);
    expect(b).toEqual(a);
    expect(await cache.get("http://x/v1/chat/completions", "k")).toEqual(a);
    expect(calls).toEqual([{ url: "http://x/v1/models", auth: "Bearer k" }]);
  });

  it("gives undefined when Cerebras cannot be asked, and does not ask again at once", async () => {
    let n = 0;
    const failing = (async () => {
      n++;
      return new Response("nope", { status: 500 });
    }) as never;
    const cache = new LiveModelCache(60_000, 1000, failing);
    expect(await cache.get("http://y/v1/chat/completions", "k")).toBeUndefined();
    expect(await cache.get("http://y/v1/chat/completions", "k")).toBeUndefined();
    expect(n).toBe(1);
  });
});
