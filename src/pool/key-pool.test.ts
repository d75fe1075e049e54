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
    const probe = p.acquire(0); // a key takes concurrent requests once it has answered
    if (probe) p.succeeded(probe, []);
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

  it("a refused key (401/403) leaves the rotation by name; the last usable key stays in", () => {
    const { p, now } = pool();
    const a = p.acquire(0);
    if (!a) throw new Error("no lease");
    expect(p.rejected(a, 401)).toBe(true);
    now.t = 1000;
    expect(p.status().current).toBe("b");
    expect(p.status().keys[0]).toMatchObject({
      name: "a",
      state: "removed",
      removed: { status: 401, at: new Date(0).toISOString() },
    });
    expect(p.usableKeys).toBe(2);
    for (let i = 0; i < 5; i++) {
      const l = p.acquire(0);
      expect(l?.key.name).not.toBe("a");
      if (l) p.succeeded(l, []);
    }
    const b = p.acquire(0);
    if (b) expect(p.rejected(b, 403)).toBe(true);
    const c = p.acquire(0);
    expect(c?.key.name).toBe("c");
    // The last key is not removed: its refusal keeps reaching the client, and it fails fast (no cooling).
    if (c) expect(p.rejected(c, 401)).toBe(false);
    expect(p.status().keys[2]).toMatchObject({ state: "available" });
    expect(p.msUntilAvailable(0)).toBe(0);
  });

  it("a key that has not answered yet takes one request at a time while others are free", () => {
    const { p } = pool();
    const first = p.acquire(0); // a: unproven, so its one probe is all it takes
    expect(first?.key.name).toBe("a");
    const second = p.acquire(0);
    expect(second?.key.name).toBe("b");
    expect(p.acquire(0)?.key.name).toBe("c");
    expect(p.acquire(0)).toBeUndefined(); // every key has its probe in flight
    expect(p.msUntilAvailable(0)).toBeGreaterThan(0);
    if (first) p.succeeded(first, []);
    // a answered: it now takes any number of concurrent requests.
    expect([p.acquire(0), p.acquire(0)].map((l) => l?.key.name)).toEqual(["a", "a"]);
    // A rate-limited answer proves the key too (its cooldown then rules it).
    if (second) p.rateLimited(second, 0);
    expect(p.status().keys[1]?.state).toBe("available");
    const single = new KeyPool("https://x/v1/chat/completions", [{ name: "only", value: "k" }]);
    expect([single.acquire(0), single.acquire(0)].map((l) => l?.key.name)).toEqual(["only", "only"]);
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
    // A waiter that only its own timer could wake would outlast the test's timeout.
    let woke = false;
    const waiting = p.waitForChange(10 * 60_000).then(() => {
      woke = true;
    });
    expect(woke).toBe(false);
    if (lease) p.released(lease);
    await waiting;
    expect(woke).toBe(true);
  });
});
