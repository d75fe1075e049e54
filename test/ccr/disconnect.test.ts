// S16: when the client goes away mid-stream, Cerebras must stop generating (and billing) for nobody.
// ccr never aborts its upstream call; the plugin ties the upstream request to the client's connection.

import Anthropic from "@anthropic-ai/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cerebrasSse, USAGE } from "../stream/support/cerebras-sse";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { pluginCcrConfig } from "../support/plugin-path";
import { type ReplayUpstream, startReplayUpstream } from "../support/replay-upstream";

describe.each<CcrVersion>(["2.0.0", "1.0.73"])("client disconnect through real ccr %s", (version) => {
  let upstream: ReplayUpstream;
  let ccr: CcrInstance;

  beforeAll(async () => {
    upstream = await startReplayUpstream({ models: ["gpt-oss-120b"] });
    ccr = await startCcr({
      version,
      config: pluginCcrConfig({ upstreamUrl: upstream.url, apiKey: "sk-disconnect" }),
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await upstream?.close();
  });

  it("S16: aborting the client stream closes the upstream Cerebras connection", async () => {
    // 400 pieces, 20 ms apart: about 8 s if nobody stops it.
    const pieces = Array.from({ length: 400 }, (_, i) => ({ content: `word${i} ` }));
    const sse = cerebrasSse([...pieces, { finish: "stop", usage: USAGE }]);
    upstream.enqueue({ body: sse.split(/(?<=\n\n)/), delayMs: 20 });
    const client = new Anthropic({ baseURL: ccr.baseUrl, apiKey: ccr.apiKey, maxRetries: 0 });
    const stream = client.messages.stream({
      model: "cerebras,gpt-oss-120b",
      max_tokens: 1024,
      messages: [{ role: "user", content: "go" }],
    });
    const firstText = new Promise<void>((resolve) => stream.on("text", () => resolve()));
    await firstText;
    stream.abort();
    await stream.done().catch(() => {});
    const record = upstream.requests.at(-1)!;
    for (let i = 0; i < 100 && !record.closedEarly; i++) await new Promise((r) => setTimeout(r, 30));
    expect(record.closedEarly).toBe(true);
  });
});
