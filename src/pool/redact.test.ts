import { describe, expect, it } from "vitest";
import { Redactor, urlForLog, urlSecrets } from "./redact";

describe("Redactor", () => {
  it("replaces every known key, the longest first, also in JSON-escaped form", () => {
    const r = new Redactor();
    r.add("csk-abc");
    r.add("csk-abc-long");
    r.add('csk-"quoted"');
    const text = JSON.stringify({ m: 'csk-abc-long then csk-abc and csk-"quoted"' });
    const out = r.redact(text);
    expect(out).toBe(JSON.stringify({ m: "[redacted] then [redacted] and [redacted]" }));
  });

  it("drops credentials from headers", () => {
    const r = new Redactor();
    r.add("csk-zzz");
    const h = new Headers({
      Authorization: "Bearer csk-zzz",
      "x-ccr-cerebras-token": "t",
      "x-echo": "key csk-zzz",
    });
    expect(r.headers(h)).toEqual({
      authorization: "[redacted]",
      "x-ccr-cerebras-token": "[redacted]",
      "x-echo": "key [redacted]",
    });
  });
});

describe("URL credentials", () => {
  const url = "https://user:pa%24%24word-123@gw.example/v1/chat/completions?key=gw-tok%2Fen-123456&v=1";

  it("names the query values and user info long enough to be secrets, raw and decoded", () => {
    expect(urlSecrets(url).sort()).toEqual(
      ["gw-tok%2Fen-123456", "gw-tok/en-123456", "pa$$word-123", "pa%24%24word-123"].sort(),
    );
    expect(urlSecrets("https://api.cerebras.ai/v1/chat/completions")).toEqual([]);
  });

  it("logs the URL with every query value and the user info masked", () => {
    const logged = urlForLog(url);
    expect(logged).not.toMatch(/gw-tok|word-123|user/);
    expect(new URL(logged).searchParams.get("v")).toBe("[redacted]");
    expect(new URL(logged).pathname).toBe("/v1/chat/completions");
  });
});
