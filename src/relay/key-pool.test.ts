import { describe, expect, it } from "vitest";
import { KeyPool } from "./key-pool";
import type { RateBudget } from "./rate-headers";

const KEYS = [
  { name: "a", value: "csk-a" },
  { name: "b", value: "csk-b" },
  { name: "c", value: "csk-c" },
];

function pool(now = { t: 0 }) {
  return { p: new KeyPool("https://api.cerebras.ai/v1/chat/completions", KEYS, () => now.t), now };
}

const tokens = (remaining: number, resetAt: number): RateBudget => ({
  resource: "tokens",
  window: "minute",
  remaining,
  resetAt,
});

describe("KeyPool", () => {
  it("sticks to the current key while it succeeds", () => {
    const { p } = pool();
    for (let i = 0; i < 3; i++) {
      const lease = p.acquire(100);
      expect(lease?.key.name).toBe("a");
      if (lease) p.succeeded(lease, []);
    }
  });

  it("a quota 429 cools the key for its reset and moves the pool to the next key", () => {
    const { p, now } = pool();
    const first = p.acquire(0);
    if (first) p.rateLimited(first, 2000);
    expect(p.acquire(0)?.key.name).toBe("b");
    expect(p.status().current).toBe("b");
    expect(p.status().keys[0]).toMatchObject({
      name: "a",
      state: "cooling",
      coolingSeconds: 2,
      consecutiveErrors: 1,
    });
    now.t = 2000;
    expect(p.status().keys[0]?.state).toBe("available");
  });

  it("with every key cooling nothing is leased, and the wait is the soonest reset", () => {
    const { p, now } = pool();
    for (const ms of [3000, 1000, 2000]) {
      const lease = p.acquire(0);
      if (lease) p.rateLimited(lease, ms);
    }
    expect(p.acquire(0)).toBeUndefined();
    expect(p.msUntilAvailable(0)).toBe(1000);
    now.t = 1000;
    expect(p.acquire(0)?.key.name).toBe("b");
  });

  it("a transient error rests the key only for the backoff and keeps it current", () => {
    const { p, now } = pool();
    const lease = p.acquire(0);
    if (lease) p.transient(lease, 50, 503);
    expect(p.status().current).toBe("a");
    now.t = 50;
    expect(p.acquire(0)?.key.name).toBe("a");
  });

  it("skips a key whose remaining tokens cannot fit the reserve until its reset passes", () => {
    const { p, now } = pool();
    const lease = p.acquire(1000);
    if (lease) p.succeeded(lease, [tokens(5000, 10_000)]);
    expect(p.acquire(6000)?.key.name).toBe("b");
    expect(p.acquire(4000)?.key.name).toBe("a");
    now.t = 10_000;
    expect(p.acquire(6000)?.key.name).toBe("a");
  });

  it("concurrent leases reserve their tokens, without counting ones the budget already includes", () => {
    const { p } = pool();
    const before = p.acquire(3000); // in flight when the budget is read: already charged by Cerebras
    const observed = p.acquire(1000);
    if (observed) p.succeeded(observed, [tokens(5000, 60_000)]);
    const x = p.acquire(3000);
    expect(x?.key.name).toBe("a"); // 5000 - 0 unseen ≥ 3000: `before` is not subtracted again
    expect(p.acquire(3000)?.key.name).toBe("b"); // 5000 - 3000 (x) < 3000
    if (x) p.succeeded(x, []);
    expect(p.acquire(2000)?.key.name).toBe("a");
    expect(before?.key.name).toBe("a");
  });

  it("a remaining-requests budget of zero blocks the key until its reset", () => {
    const { p, now } = pool();
    const lease = p.acquire(0);
    if (lease) p.succeeded(lease, [{ resource: "requests", window: "day", remaining: 0, resetAt: 5000 }]);
    expect(p.acquire(0)?.key.name).toBe("b");
    expect(p.status().keys[0]?.remainingRequests).toBe(0);
    now.t = 5000;
    expect(p.acquire(0)?.key.name).toBe("a");
  });

  it("a refused key (401/403) is moved away from without cooling, so an all-refused pool fails fast", () => {
    const { p } = pool();
    const lease = p.acquire(0);
    if (lease) p.rejected(lease);
    expect(p.status().current).toBe("b");
    expect(p.status().keys[0]).toMatchObject({ state: "available", consecutiveErrors: 1 });
    expect(p.msUntilAvailable(0)).toBe(0);
  });

  it("ending a lease twice counts once", () => {
    const { p } = pool();
    const lease = p.acquire(0);
    if (!lease) throw new Error("no lease");
    p.succeeded(lease, []);
    p.rateLimited(lease, 5000);
    p.released(lease);
    expect(p.status().keys[0]).toMatchObject({ state: "available", inFlight: 0, consecutiveErrors: 0 });
    expect(p.status().keys[0]?.totals).toMatchObject({
      requests: 1,
      successes: 1,
      errors: 0,
      rateLimited: 0,
    });
  });

  it("waitForChange wakes a waiter when a lease ends", async () => {
    const { p } = pool();
    const lease = p.acquire(0);
    const t0 = Date.now();
    const waiting = p.waitForChange(5000);
    if (lease) p.released(lease);
    await waiting;
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
