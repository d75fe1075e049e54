// Many requests at once share one pool: every one completes with its own content, the injected 429s
// are ridden through, and the pool's books balance afterwards.

import { afterEach, describe, expect, it } from "vitest";
import { callPoolAsResponse, chatBody, type Pair, readSse, startPair } from "./support/relay-pair";

const KEYS = {
  k1: "csk-conc-0000000000000001",
  k2: "csk-conc-0000000000000002",
  k3: "csk-conc-0000000000000003",
};

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

/** 50 concurrent streaming requests, each asking for its own number back. */
function fiftyStreams(p: Pair) {
  return Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const res = await callPoolAsResponse(p, chatBody(`request number ${i}`, { stream: true }));
      return { i, status: res.status, sse: readSse(await res.text()) };
    }),
  );
}

describe("concurrency", () => {
  it("50 concurrent streaming requests over a 3-key pool with injected 429s all complete with correct content", async () => {
    pair = await startPair(KEYS);
    pair.emu.setKeyBehaviour(KEYS.k1, { rateLimitFor: 7, resetSeconds: 0.4 });
    pair.emu.setKeyBehaviour(KEYS.k2, { rateLimitFor: 5, resetSeconds: 0.2, code: "request_quota_exceeded" });
    pair.emu.setKeyBehaviour(KEYS.k3, { rateLimitFor: 3, resetSeconds: 0.3 });
    const p = pair;
    const results = await fiftyStreams(p);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.sse).toEqual({
        content: `You said: "request number ${r.i}"`,
        errors: 0,
        roleChunks: 1,
        done: true,
      });
    }
    const statuses = p.emu.requests.map((r) => r.status);
    const limited = statuses.filter((s) => s === 429).length;
    // Every request starts on k1, so its 7 failures are certain; which of the others are hit depends on timing.
    expect(limited).toBeGreaterThanOrEqual(7);
    expect(limited).toBeLessThanOrEqual(15);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses).toHaveLength(50 + limited);
    const status = p.relay.status();
    expect(status.totals).toEqual({
      requests: 50,
      successes: 50,
      errors: 0,
      rateLimited: limited,
      retries: limited,
    });
    const keys = status.pools[0]?.keys ?? [];
    expect(keys.reduce((n, k) => n + k.inFlight, 0)).toBe(0);
    expect(keys.map((k) => k.totals.requests)).toEqual(
      Object.values(KEYS).map((v) => p.emu.requests.filter((r) => r.key === v).length),
    );
    expect(keys.map((k) => k.totals.rateLimited)).toEqual(
      Object.values(KEYS).map((v) => p.emu.requests.filter((r) => r.key === v && r.status === 429).length),
    );
  });
});

describe("a revoked key in the pool", () => {
  it("three keys, one revoked, 50 concurrent requests: all served, the revoked key tried once and removed by name", async () => {
    const notices: string[] = [];
    pair = await startPair(KEYS, { notice: (m) => notices.push(m) });
    pair.emu.setKeyBehaviour(KEYS.k1, { revoked: true });
    const p = pair;
    const results = await fiftyStreams(p);
    for (const r of results) {
      expect(r.status).toBe(200);
      expect(r.sse.content).toBe(`You said: "request number ${r.i}"`);
    }
    // Until k1 answered, it took one request at a time: one 401, not 50.
    expect(p.emu.requests.filter((r) => r.key === KEYS.k1)).toHaveLength(1);
    expect(p.emu.requests.filter((r) => r.status === 200)).toHaveLength(50);
    const keys = p.relay.status().pools[0]?.keys ?? [];
    expect(keys.map((k) => [k.name, k.state])).toEqual([
      ["k1", "removed"],
      ["k2", "available"],
      ["k3", "available"],
    ]);
    expect(notices).toEqual([
      'Cerebras refused pool key "k1" (401); it is out of rotation until ccr restarts (2 of 3 keys left)',
    ]);
    expect(p.relay.status().totals).toMatchObject({ requests: 50, successes: 50, errors: 0 });
  });
});
