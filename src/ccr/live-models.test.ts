import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { modelsUrl } from "../models-endpoint";
import { ModelCatalogue } from "./live-models";

const OPENROUTER = {
  data: [
    {
      id: "cerebras/gpt-oss-120b",
      context_length: 65536,
      max_output_length: 32768,
      input_modalities: ["text"],
    },
    { id: "cerebras/qwen-3.8-27b", context_length: 65536, max_output_length: 16384 },
  ],
};

/** A fake fetch whose answers the test releases by hand (no timing involved). */
function gatedFetch(answer: () => Response) {
  const calls: string[] = [];
  const gates: Array<() => void> = [];
  const impl = (async (url: string) => {
    calls.push(url);
    await new Promise<void>((r) => gates.push(r));
    return answer();
  }) as never;
  return { impl, calls, release: () => gates.splice(0).forEach((g) => g()) };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(): string {
  const d = mkdtempSync(join(tmpdir(), "ccr-cat-"));
  dirs.push(d);
  return join(d, "cerebras-models.json");
}

describe("ModelCatalogue", () => {
  it("derives the models URL from the chat-completions URL, dropping the query", () => {
    expect(modelsUrl("https://api.cerebras.ai/v1/chat/completions")).toBe(
      "https://api.cerebras.ai/v1/models",
    );
    expect(modelsUrl("https://gw.example/v1/acct/gw/cerebras/chat/completions?x=1", "openrouter")).toBe(
      "https://gw.example/v1/acct/gw/cerebras/models?format=openrouter",
    );
  });

  it("never makes a request wait: the first call answers from the table and refreshes in the background", async () => {
    const f = gatedFetch(() => new Response(JSON.stringify(OPENROUTER)));
    const cat = new ModelCatalogue({ fetchImpl: f.impl, file: null });
    expect(cat.facts("http://x/v1/chat/completions", "k")).toBeUndefined();
    expect(cat.facts("http://x/v1/chat/completions", "k")).toBeUndefined();
    expect(f.calls).toEqual(["http://x/v1/models?format=openrouter"]); // one refresh at a time
    f.release();
    await cat.refresh("http://x/v1/chat/completions", "k");
    expect(cat.facts("http://x/v1/chat/completions", "k")?.map((m) => [m.id, m.contextWindow])).toEqual([
      ["gpt-oss-120b", 65536],
      ["qwen-3.8-27b", 65536],
    ]);
  });

  it("keeps one listing per account, on disk, and starts the next process from it", async () => {
    const file = tempFile();
    let now = 1_000_000;
    const f = gatedFetch(() => new Response(JSON.stringify(OPENROUTER)));
    const a = new ModelCatalogue({ fetchImpl: f.impl, file, now: () => now });
    a.facts("http://x/v1", "key-a");
    f.release();
    await a.refresh("http://x/v1", "key-a");
    expect(readFileSync(file, "utf8")).not.toContain("key-a");

    const none = (async () => {
      throw new Error("offline");
    }) as never;
    const b = new ModelCatalogue({ fetchImpl: none, file, now: () => now });
    expect(b.facts("http://x/v1", "key-a")?.length).toBe(2);
    expect(b.facts("http://x/v1", "key-b")).toBeUndefined(); // another account: not its listing
    now += 2 * 60 * 60_000; // older than the TTL: still used while a refresh is tried
    expect(b.facts("http://x/v1", "key-a")?.length).toBe(2);
  });

  it("an unreachable or malformed listing logs one warning and never throws", async () => {
    const warnings: string[] = [];
    let now = 0;
    let calls = 0;
    const bad = (async () => {
      calls++;
      return new Response("<html>oops</html>", { status: 200 });
    }) as never;
    const cat = new ModelCatalogue({
      fetchImpl: bad,
      file: null,
      now: () => now,
      warn: (m) => warnings.push(m),
    });
    for (let i = 0; i < 3; i++) {
      expect(cat.facts("http://y/v1", "k")).toBeUndefined();
      await cat.refresh("http://y/v1", "k");
      now += 120_000;
    }
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not be read .*built-in model table/);
  });

  it("tolerates a corrupt file on disk", () => {
    const file = tempFile();
    writeFileSync(file, "{ not json");
    const cat = new ModelCatalogue({ fetchImpl: (async () => new Response("{}")) as never, file });
    expect(cat.facts("http://z/v1", "k")).toBeUndefined();
  });
});
