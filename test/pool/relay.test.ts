// The key pool end to end against the Cerebras emulator: key rotation, waiting, retries, mapped errors,
// and its own access control.

import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { startPoolService } from "../../src/pool";
import { POOL_TOKEN_HEADER } from "../../src/pool/token";
import {
  callPoolAsResponse,
  chatBody,
  fixtureJson,
  keysUsed,
  type Pair,
  readSse,
  startPair,
} from "./support/relay-pair";

const QUEUE = fixtureJson("error_429_queue_exceeded.json");
const TWO_KEYS = { alpha: "csk-alpha-000000000001", beta: "csk-beta-000000000002" };

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

describe("key pool", () => {
  it("a 429 on key A is retried on key B within the same client request", async () => {
    pair = await startPair(TWO_KEYS);
    pair.emu.setKeyBehaviour(TWO_KEYS.alpha, { rateLimitFor: 1, resetSeconds: 5 });
    const res = await callPoolAsResponse(pair, chatBody("hello", { stream: true }));
    expect(res.status).toBe(200);
    expect(readSse(await res.text()).content).toBe('You said: "hello"');
    expect(keysUsed(pair.emu)).toEqual([TWO_KEYS.alpha, TWO_KEYS.beta]);
    expect(pair.emu.requests.map((r) => r.status)).toEqual([429, 200]);
    // The pool now sticks to beta while alpha cools.
    await (await callPoolAsResponse(pair, chatBody("again"))).text();
    expect(keysUsed(pair.emu)[2]).toBe(TWO_KEYS.beta);
    const status = pair.relay.status();
    expect(status.pools[0]?.current).toBe("beta");
    expect(status.pools[0]?.keys.find((k) => k.name === "alpha")?.state).toBe("cooling");
  });

  it("when every key is cooling the request waits for the soonest reset, then succeeds", async () => {
    pair = await startPair(TWO_KEYS);
    pair.emu.setKeyBehaviour(TWO_KEYS.alpha, { rateLimitFor: 1, resetSeconds: 0.3 });
    pair.emu.setKeyBehaviour(TWO_KEYS.beta, { rateLimitFor: 1, resetSeconds: 0.6 });
    const t0 = Date.now();
    const res = await callPoolAsResponse(pair, chatBody("patience"));
    const elapsed = Date.now() - t0;
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.content).toBe('You said: "patience"');
    expect(keysUsed(pair.emu)).toEqual([TWO_KEYS.alpha, TWO_KEYS.beta, TWO_KEYS.alpha]);
    expect(elapsed).toBeGreaterThanOrEqual(280); // it did wait for alpha's reset; the key order shows which
  });

  it("gives up after keys × 2 attempts with a 429 and retry-after", async () => {
    const keys = {
      k1: "csk-one-0000000000000001",
      k2: "csk-two-0000000000000002",
      k3: "csk-three-00000000003",
    };
    pair = await startPair(keys);
    for (const v of Object.values(keys)) {
      pair.emu.setKeyBehaviour(v, { rateLimitFor: Number.POSITIVE_INFINITY, resetSeconds: 0.1 });
    }
    const res = await callPoolAsResponse(pair, chatBody("never"));
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await res.json();
    expect(body).toEqual({
      type: "error",
      error: {
        type: "rate_limit_error",
        message: "Tokens per minute limit exceeded - too many tokens processed.",
      },
    });
    expect(pair.emu.requests).toHaveLength(6);
    expect(new Set(keysUsed(pair.emu))).toEqual(new Set(Object.values(keys)));
  });

  it("does not wait longer than maxWaitMs for a cooling key: answers 429 with the reset as retry-after", async () => {
    pair = await startPair(TWO_KEYS, { maxWaitMs: 200 });
    // Resets far beyond the test's timeout: had the pool waited for one, the test would time out.
    pair.emu.setKeyBehaviour(TWO_KEYS.alpha, { rateLimitFor: 1, resetSeconds: 50 });
    pair.emu.setKeyBehaviour(TWO_KEYS.beta, { rateLimitFor: 1, resetSeconds: 42.2 });
    const res = await callPoolAsResponse(pair, chatBody("x"));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("43"); // the soonest reset, rounded up
    expect((await res.json()).error.type).toBe("rate_limit_error");
    expect(pair.emu.requests).toHaveLength(2);
  });

  it("skips a key whose remaining tokens cannot fit the request until its reset", async () => {
    pair = await startPair(TWO_KEYS, {}, { rateLimits: { tokensPerMinute: 10_000 } });
    const first = await callPoolAsResponse(pair, chatBody("one", { max_completion_tokens: 4000 }), {
      reserve: 4100,
    });
    expect(first.status).toBe(200);
    await first.text();
    const left = Number(first.headers.get("x-ratelimit-remaining-tokens-minute"));
    expect(left).toBeLessThan(8000);
    // alpha has `left` tokens; a request that reserves 8000 cannot fit and goes to beta without a 429.
    await (await callPoolAsResponse(pair, chatBody("two"), { reserve: 8000 })).text();
    // A small one still fits alpha, which stays the current key.
    await (await callPoolAsResponse(pair, chatBody("three"), { reserve: 100 })).text();
    expect(keysUsed(pair.emu)).toEqual([TWO_KEYS.alpha, TWO_KEYS.beta, TWO_KEYS.alpha]);
    expect(pair.emu.requests.every((r) => r.status === 200)).toBe(true);
    expect(pair.relay.status().pools[0]?.keys[0]?.remainingTokens).toBeLessThan(8000);
  });
});

describe("retries of transient errors", () => {
  it("queue_exceeded twice then success gives one successful response", async () => {
    pair = await startPair({ only: "csk-only-00000000000001" });
    const fault = { kind: "http", status: 429, body: QUEUE } as const;
    pair.emu.enqueue({ fault }, { fault }, { content: "finally" });
    const res = await callPoolAsResponse(pair, chatBody("busy?"));
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.content).toBe("finally");
    expect(pair.emu.requests.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(res.headers.get("x-ccr-cerebras-attempts")).toBe("3");
  });

  it("queue_exceeded as the first in-stream event is retried and the client gets one clean stream", async () => {
    pair = await startPair({ only: "csk-only-00000000000001" });
    pair.emu.enqueue(
      {
        content: "doomed words",
        fault: { kind: "midstream-error-chunk", afterChunks: 1, status_code: 429, error: QUEUE },
      },
      { content: "clean answer" },
    );
    const res = await callPoolAsResponse(pair, chatBody("stream please", { stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const sse = readSse(await res.text());
    expect(sse).toEqual({ content: "clean answer", errors: 0, roleChunks: 1, done: true });
    expect(pair.emu.requests).toHaveLength(2);
  });

  it("an in-stream error after content has started is passed through untouched, not retried", async () => {
    pair = await startPair({ only: "csk-only-00000000000001" });
    pair.emu.enqueue({
      content: "partial answer",
      fault: { kind: "midstream-error-chunk", afterChunks: 2, status_code: 429, error: QUEUE },
    });
    const res = await callPoolAsResponse(pair, chatBody("x", { stream: true }));
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(readSse(text)).toMatchObject({ content: "partial", errors: 1, done: false });
    expect(text).toContain(JSON.stringify({ error: QUEUE, status_code: 429 }));
    expect(pair.emu.requests).toHaveLength(1);
  });

  it("persistent queue_exceeded ends as 529 overloaded_error with retry-after 2", async () => {
    pair = await startPair(
      { only: "csk-only-00000000000001" },
      { retry: { maxRetries: 2, baseDelayMs: 10 } },
    );
    const fault = { kind: "http", status: 429, body: QUEUE } as const;
    pair.emu.enqueue({ fault }, { fault }, { fault }, { content: "unused" });
    const res = await callPoolAsResponse(pair, chatBody("x"));
    expect(res.status).toBe(529);
    expect(res.headers.get("retry-after")).toBe("2");
    const body = await res.json();
    expect(body.error.type).toBe("overloaded_error");
    expect(body.error.message).toContain("queue_exceeded");
    expect(pair.emu.requests).toHaveLength(3);
  });

  it("a 500 is retried with backoff; after maxRetries the mapped 500 is returned", async () => {
    pair = await startPair(
      { only: "csk-only-00000000000001" },
      { retry: { maxRetries: 2, baseDelayMs: 10 } },
    );
    const fault = {
      kind: "http",
      status: 500,
      body: { message: "Internal server error", type: "server_error", param: null, code: "internal_error" },
    } as const;
    pair.emu.enqueue({ fault }, { fault }, { fault }, { content: "unused" });
    const res = await callPoolAsResponse(pair, chatBody("x"));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      type: "error",
      error: { type: "api_error", message: "Internal server error" },
    });
    expect(pair.emu.requests).toHaveLength(3);
  });

  it("a refused connection is retried", async () => {
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (++calls === 1)
        throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
      return fetch(input, init);
    };
    pair = await startPair({ only: "csk-only-00000000000001" }, { fetchImpl: flaky });
    const res = await callPoolAsResponse(pair, chatBody("knock knock"));
    expect(res.status).toBe(200);
    expect(calls).toBe(2);
    expect(pair.emu.requests).toHaveLength(1);
  });
});

describe("client disconnect", () => {
  it("aborts the upstream call when ccr goes away mid-stream", async () => {
    const signals: AbortSignal[] = [];
    const watching: typeof fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    };
    pair = await startPair({ only: "csk-only-00000000000001" }, { fetchImpl: watching });
    pair.emu.enqueue({ content: "slow ".repeat(200), delayMs: 20 });
    const client = new AbortController();
    const res = await callPoolAsResponse(pair, chatBody("x", { stream: true }), { signal: client.signal });
    const reader = res.body?.getReader();
    await reader?.read();
    client.abort();
    for (let i = 0; i < 100 && !signals[0]?.aborted; i++) await new Promise((r) => setTimeout(r, 10));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });
});

describe("errors that are never retried", () => {
  it("a 400 is passed through mapped, without a retry", async () => {
    pair = await startPair(TWO_KEYS);
    const res = await callPoolAsResponse(pair, chatBody("x", { thinking: { type: "enabled" } }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.type).toBe("error");
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toContain("thinking");
    expect(pair.emu.requests).toHaveLength(1);
    expect(res.headers.get("retry-after")).toBeNull();
  });

  it("a context-length 400 becomes `prompt is too long: X tokens > Y maximum` (Claude Code compacts on it)", async () => {
    pair = await startPair(TWO_KEYS);
    const body = fixtureJson("error_400_context_length.json");
    pair.emu.enqueue({ fault: { kind: "http", status: 400, body } });
    const res = await callPoolAsResponse(pair, chatBody("long"));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      type: "error",
      error: { type: "invalid_request_error", message: "prompt is too long: 69553 tokens > 65536 maximum" },
    });
    expect(pair.emu.requests).toHaveLength(1);
  });

  it("a context overflow detected by the emulator maps to the compaction text too", async () => {
    pair = await startPair(TWO_KEYS, {}, { models: { "gpt-oss-120b": { contextWindow: 2000 } } });
    const res = await callPoolAsResponse(
      pair,
      chatBody("word ".repeat(3000), { max_completion_tokens: 100 }),
    );
    expect(res.status).toBe(400);
    const message: string = (await res.json()).error.message;
    const m = /^prompt is too long: (\d+) tokens > 2000 maximum$/.exec(message);
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThan(2000);
  });

  it("a 401 for a revoked key takes it out of rotation by name; another key serves the request", async () => {
    const notices: string[] = [];
    pair = await startPair(TWO_KEYS, { notice: (m) => notices.push(m) });
    pair.emu.setKeyBehaviour(TWO_KEYS.alpha, { revoked: true });
    const res = await callPoolAsResponse(pair, chatBody("x"));
    expect(res.status).toBe(200);
    expect((await res.json()).choices[0].message.content).toBe('You said: "x"');
    await (await callPoolAsResponse(pair, chatBody("y"))).text();
    expect(keysUsed(pair.emu)).toEqual([TWO_KEYS.alpha, TWO_KEYS.beta, TWO_KEYS.beta]);
    expect(pair.relay.status().pools[0]?.keys[0]).toMatchObject({
      name: "alpha",
      state: "removed",
      removed: { status: 401 },
    });
    expect(notices).toEqual([
      'Cerebras refused pool key "alpha" (401); it is out of rotation until ccr restarts (1 of 2 keys left)',
    ]);
  });

  it("when the last usable key is refused too, the 401 names it", async () => {
    pair = await startPair(TWO_KEYS);
    pair.emu.setKeyBehaviour(TWO_KEYS.alpha, { revoked: true });
    pair.emu.setKeyBehaviour(TWO_KEYS.beta, { revoked: true });
    const res = await callPoolAsResponse(pair, chatBody("x"));
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.type).toBe("authentication_error");
    expect(body.error.message).toContain('(pool key "beta")');
    expect(keysUsed(pair.emu)).toEqual([TWO_KEYS.alpha, TWO_KEYS.beta]);
  });
});

describe("single provider key", () => {
  it("without CEREBRAS_API_KEYS the Authorization key is used, as pool key `default`", async () => {
    const { startCerebrasEmulator } = await import("../emulator/server");
    const emu = await startCerebrasEmulator({ keys: ["csk-provider-key-0000001"] });
    const relay = await startPoolService({ env: {} });
    try {
      const res = await callPoolAsResponse(
        { relay, upstream: `${emu.url}/chat/completions` },
        chatBody("hi"),
        {
          authorization: "Bearer csk-provider-key-0000001",
        },
      );
      expect(res.status).toBe(200);
      await res.text();
      expect(keysUsed(emu)).toEqual(["csk-provider-key-0000001"]);
      expect(relay.status().pools[0]?.keys.map((k) => k.name)).toEqual(["default"]);
    } finally {
      await relay.close();
      await emu.close();
    }
  });
});

describe("access control", () => {
  it("its HTTP endpoint serves the status only, to holders of its token, and forwards nothing", async () => {
    pair = await startPair(TWO_KEYS);
    const { url, token } = pair.relay;
    for (const given of [undefined, "", "0".repeat(48), `${token}x`, token.slice(1)]) {
      const res = await fetch(`${url}/_status`, {
        headers: given === undefined ? {} : { [POOL_TOKEN_HEADER]: given },
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.type).toBe("authentication_error");
    }
    // The chat endpoint that let a token holder send the pool's keys to any URL is gone.
    const chat = await fetch(`${url}/v1/chat/completions`, {
      method: "POST",
      headers: {
        [POOL_TOKEN_HEADER]: token,
        "x-ccr-cerebras-upstream": `${pair.emu.url}/chat/completions`,
        "content-type": "application/json",
      },
      body: JSON.stringify(chatBody("sneaky")),
    });
    expect(chat.status).toBe(404);
    await chat.text();
    expect(pair.emu.requests).toHaveLength(0);
    const status = await fetch(`${url}/_status`, { headers: { [POOL_TOKEN_HEADER]: token } });
    expect(status.status).toBe(200);
    expect((await status.json()).url).toBe(url);
    expect(token).toMatch(/^[0-9a-f]{48}$/);
  });

  it("listens on 127.0.0.1 only", async () => {
    pair = await startPair(TWO_KEYS);
    const url = new URL(pair.relay.url);
    expect(url.hostname).toBe("127.0.0.1");
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === "IPv4")
      .map((i) => i?.address as string);
    for (const address of others.slice(0, 2)) {
      await expect(
        fetch(`http://${address}:${url.port}/_status`, { signal: AbortSignal.timeout(2000) }),
      ).rejects.toThrow();
    }
  });
});
