import { describe, expect, it } from "vitest";
import { Redactor } from "./redact";

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
