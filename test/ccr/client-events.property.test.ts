// Property, through REAL ccr processes: for any Cerebras stream, the events a client receives are
// exactly the events the core (src/stream/translator.ts) emits for the same bytes — nothing re-encoded,
// reordered, merged or appended by ccr — ping events aside.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CerebrasToAnthropicStream } from "../../src/stream/translator";
import { cerebrasSse, type DeltaSpec, USAGE } from "../stream/support/cerebras-sse";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { pluginCcrConfig } from "../support/plugin-path";
import { type ReplayUpstream, startReplayUpstream } from "../support/replay-upstream";

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

describe.each<CcrVersion>(["2.0.0", "1.0.73"])("client events through real ccr %s", (version) => {
  let upstream: ReplayUpstream;
  let ccr: CcrInstance;

  beforeAll(async () => {
    upstream = await startReplayUpstream();
    ccr = await startCcr({
      version,
      config: {
        LOG: false,
        ...pluginCcrConfig({
          upstreamUrl: upstream.url,
          apiKey: "sk-test",
          options: { discoverModels: false },
        }),
      },
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await upstream?.close();
  });

  async function eventsThroughCcr(sse: string): Promise<Array<Record<string, any>>> {
    upstream.enqueue({ body: sse.match(/[\s\S]{1,64}/g) ?? [sse] }); // many small network writes
    const res = await fetch(`${ccr.baseUrl}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": ccr.apiKey },
      body: JSON.stringify({
        model: "claude-sonnet-4-5",
        max_tokens: 1024,
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      }),
    });
    expect(res.status).toBe(200);
    return (await res.text())
      .split("\n\n")
      .filter((block) => block.startsWith("event: "))
      .map((block) => {
        const [name, data] = block.split("\n");
        const event = JSON.parse(data!.slice("data: ".length));
        expect(name).toBe(`event: ${event.type}`);
        return event;
      })
      .filter((e) => e.type !== "ping");
  }

  it("the client's events equal the core's events, for random streams", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(spec, { maxLength: 12 }),
        fc.constantFrom("stop", "tool_calls", "length", "content_filter", "none"),
        async (specs, finish) => {
          const body =
            finish === "none"
              ? cerebrasSse(specs, { done: false })
              : cerebrasSse([...specs, { finish, usage: USAGE }]);
          const seen = await eventsThroughCcr(body);
          const start = seen[0]?.message;
          const t = new CerebrasToAnthropicStream({
            requestedModel: "claude-sonnet-4-5",
            messageId: start?.id,
            estimatedInputTokens: start?.usage.input_tokens,
          });
          expect(seen).toEqual([...t.push(body), ...t.end()]);
        },
      ),
      { numRuns: 30 },
    );
  });
});
