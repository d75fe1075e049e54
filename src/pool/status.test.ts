import { describe, expect, it } from "vitest";
import { KeyPool } from "./key-pool";
import { buildRelayStatus, formatPoolServiceStatus } from "./status";

describe("formatPoolServiceStatus", () => {
  it("prints one row per key with its state, budget and counts, marking the current key", () => {
    const now = 1_000_000;
    const pool = new KeyPool(
      "https://api.cerebras.ai/v1/chat/completions",
      [
        { name: "work", value: "csk-work-secret" },
        { name: "home", value: "csk-home-secret" },
      ],
      () => now,
    );
    const a = pool.acquire(0);
    if (a) pool.rateLimited(a, 12_300);
    const b = pool.acquire(0);
    if (b)
      pool.succeeded(b, [
        { resource: "tokens", window: "minute", remaining: 45000, resetAt: now + 30_000 },
        { resource: "requests", window: "day", remaining: 97, resetAt: now + 3_600_000 },
      ]);
    pool.totals.requests = 1;
    pool.totals.successes = 1;
    pool.totals.retries = 1;
    pool.totals.rateLimited = 1;
    const status = buildRelayStatus("http://127.0.0.1:4000", now - 3725_000, [pool.status()], now);
    const text = formatPoolServiceStatus(status);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^ccr-cerebras relay http:\/\/127\.0\.0\.1:4000 {2}pid \d+ {2}up 1h02m$/);
    expect(lines[1]).toBe("client requests 1  answered 1  failed 0  |  upstream retries 1  upstream 429s 1");
    // The per-key columns count upstream calls; the legend says so, since they differ from the totals.
    expect(text).toMatch(
      /^ {2}\(CALLS, OK, 429, FAILED: calls to Cerebras with that key, one per client request plus each retry/m,
    );
    expect(text).toContain("(current key: home)");
    const work = lines.find((l) => l.includes(" work "));
    const home = lines.find((l) => l.includes("* home"));
    expect(
      work
        ?.trim()
        .split(/\s{2,}/)
        .map((c) => c.trim()),
    ).toEqual(["work", "cooling 12.3s", "1", "-", "-", "0", "1", "0", "1", "1"]);
    expect(
      home
        ?.trim()
        .split(/\s{2,}/)
        .map((c) => c.trim()),
    ).toEqual(["* home", "available", "0", "45000", "97", "0", "1", "1", "0", "0"]);
    expect(text).not.toContain("secret");
  });

  it("says so when no request has gone through yet", () => {
    const text = formatPoolServiceStatus(buildRelayStatus("http://127.0.0.1:1", Date.now(), []));
    expect(text).toContain("no request has reached Cerebras");
  });
});
