// A silent upstream is bounded: before the first event the attempt is abandoned and retried (nothing has
// reached the client yet), mid-stream the stream ends with an error the plugin turns into an Anthropic
// `error` event. Real HTTP upstreams that stop writing; the bounds are made small through the key pool's
// options, and the tests assert outcomes (what the client gets, how many attempts), never durations.

import { createServer, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { cerebrasSseToCcrStream } from "../../src/ccr/stream";
import { type PoolService, startPoolService } from "../../src/pool";
import { cerebrasChunk, cerebrasSse, sseData, USAGE } from "../stream/support/cerebras-sse";
import { callPoolAsResponse, chatBody, readSse } from "./support/relay-pair";

// The silence bound of these tests. An upstream that answers at once must never be taken for a silent one,
// even when this 2-core machine stalls the test process's event loop for a while under a full suite, so
// the bound is far above any such stall (150 ms was not: a late timer could abandon a healthy attempt).
const BOUND_MS = 1000; // the messages below say "1 s"

type Behaviour = "silent" | "headers-only" | "stops-mid-stream" | "answers" | "answers-json-late";

/** An upstream whose n-th request gets `plan[n]` (the last entry repeats); silent ones are held open. */
async function startUpstream(plan: Behaviour[]) {
  const held: ServerResponse[] = [];
  const seen: Behaviour[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const b = plan[Math.min(seen.length, plan.length - 1)] as Behaviour;
      seen.push(b);
      if (b === "answers") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(cerebrasSse([{ content: "all good" }, { finish: "stop", usage: USAGE }]));
        return;
      }
      if (b === "answers-json-late") {
        // A non-streaming answer comes whole, after the generation: silence before it is normal.
        setTimeout(() => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              ...cerebrasChunk({}),
              object: "chat.completion",
              choices: [
                {
                  index: 0,
                  finish_reason: "stop",
                  message: { role: "assistant", content: "late but whole" },
                },
              ],
              usage: USAGE,
            }),
          );
        }, BOUND_MS + 300);
        return;
      }
      held.push(res);
      if (b === "silent") return;
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.flushHeaders();
      if (b === "stops-mid-stream") {
        res.write(sseData(cerebrasChunk({ role: "assistant" })));
        res.write(sseData(cerebrasChunk({ content: "the beginning" })));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1/chat/completions`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

async function setup(
  plan: Behaviour[],
  whole = 60_000,
): Promise<{ relay: PoolService; upstream: string; seen: Behaviour[] }> {
  const up = await startUpstream(plan);
  closers.push(up.close);
  const relay = await startPoolService({
    env: { CEREBRAS_API_KEYS: JSON.stringify({ a: "csk-stall-a", b: "csk-stall-b" }) },
    retry: {
      maxRetries: 2,
      baseDelayMs: 1,
      maxDelayMs: 5,
      maxTotalMs: 60_000,
      firstEventTimeoutMs: BOUND_MS,
      streamIdleTimeoutMs: BOUND_MS,
      wholeAnswerTimeoutMs: whole,
    },
  });
  closers.push(() => relay.close());
  return { relay, upstream: up.url, seen: up.seen };
}

describe("an upstream that goes silent", () => {
  it("before the first byte: the attempt is abandoned and retried; the client gets the retry's answer", async () => {
    const { relay, upstream, seen } = await setup(["silent", "answers"]);
    const res = await callPoolAsResponse({ relay, upstream }, chatBody("x", { stream: true }));
    expect(res.status).toBe(200);
    expect(readSse(await res.text())).toMatchObject({ content: "all good", errors: 0, done: true });
    expect(seen).toEqual(["silent", "answers"]);
    expect(relay.status().totals).toMatchObject({ requests: 1, successes: 1, retries: 1 });
  });

  it("after the headers, before the first event: retried the same way", async () => {
    const { relay, upstream, seen } = await setup(["headers-only", "answers"]);
    const res = await callPoolAsResponse({ relay, upstream }, chatBody("x", { stream: true }));
    expect(res.status).toBe(200);
    expect(readSse(await res.text()).content).toBe("all good");
    expect(seen).toEqual(["headers-only", "answers"]);
  });

  it("on every attempt: after the retries the client gets a 504 timeout_error saying so", async () => {
    const { relay, upstream, seen } = await setup(["silent"]);
    const res = await callPoolAsResponse({ relay, upstream }, chatBody("x", { stream: true }));
    expect(res.status).toBe(504);
    const body = await res.json();
    expect(body.error.type).toBe("timeout_error");
    expect(body.error.message).toBe(
      `Cerebras did not answer in time (nothing within 1 s before the first event)`,
    );
    expect(seen).toEqual(["silent", "silent", "silent"]); // maxRetries 2
  });

  it("mid-stream: the stream ends with an error, which the plugin sends as an Anthropic error event", async () => {
    const { relay, upstream, seen } = await setup(["stops-mid-stream"]);
    const out = await relay.call({
      upstream,
      body: new TextEncoder().encode(JSON.stringify(chatBody("x", { stream: true }))),
      cerebrasModel: "gpt-oss-120b",
    });
    if (out.kind !== "stream") throw new Error(`expected a stream, got ${out.kind}`);
    const client = cerebrasSseToCcrStream(
      out.body,
      {
        requestedModel: "gpt-oss-120b",
        messageId: "msg_stall",
        estimatedInputTokens: 10,
        errorContext: {},
        release: () => {},
      },
      true,
    );
    const text = await new Response(client).text();
    expect(text).toContain("the beginning");
    const error = /data: (\{"error":.*\})/.exec(text)?.[1];
    expect(JSON.parse(error ?? "null")).toEqual({
      error: {
        type: "timeout_error",
        message: `Cerebras did not answer in time (no data for 1 s mid-stream; the answer is incomplete)`,
      },
    });
    expect(text).not.toContain('"stop_reason":"end_turn"');
    expect(seen).toEqual(["stops-mid-stream"]); // too late to retry: part of the answer was sent
  });

  it("a non-streaming answer may be silent longer than the first-event bound: it comes whole at the end", async () => {
    const { relay, upstream, seen } = await setup(["answers-json-late"]);
    const res = await callPoolAsResponse({ relay, upstream }, chatBody("x", { stream: false }), {
      stream: false,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.content).toBe("late but whole");
    expect(seen).toEqual(["answers-json-late"]);
  });

  it("a non-streaming answer that never comes: 504 after the whole-answer bound, not retried", async () => {
    const { relay, upstream, seen } = await setup(["silent"], BOUND_MS);
    const res = await callPoolAsResponse({ relay, upstream }, chatBody("x", { stream: false }), {
      stream: false,
    });
    expect(res.status).toBe(504);
    expect((await res.json()).error.message).toBe(`Cerebras did not answer in time (no answer within 1 s)`);
    expect(seen).toEqual(["silent"]);
  });
});
