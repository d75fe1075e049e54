import { describe, expect, it } from "vitest";
import { parseCerebrasApiKeys } from "./keys";

describe("parseCerebrasApiKeys", () => {
  it("reads a JSON object of name → key", () => {
    expect(parseCerebrasApiKeys('{"work":"csk-a","home":" csk-b "}')).toEqual([
      { name: "work", value: "csk-a" },
      { name: "home", value: "csk-b" },
    ]);
  });

  it("names a comma list key1, key2, … and skips blanks and duplicates", () => {
    expect(parseCerebrasApiKeys(" csk-a, csk-b,,csk-a ")).toEqual([
      { name: "key1", value: "csk-a" },
      { name: "key2", value: "csk-b" },
    ]);
  });

  it("is undefined when unset or blank, so the provider's single key is used", () => {
    expect(parseCerebrasApiKeys(undefined)).toBeUndefined();
    expect(parseCerebrasApiKeys("  ")).toBeUndefined();
  });

  it("a malformed value fails without printing any key", () => {
    const attempt = () => parseCerebrasApiKeys('{"a":"csk-secret-1", broken');
    expect(attempt).toThrow(/CEREBRAS_API_KEYS/);
    expect(() => parseCerebrasApiKeys('{"a":"csk-secret-1","b":42}')).toThrow(/entry "b"/);
    try {
      attempt();
    } catch (e) {
      expect(String((e as Error).message)).not.toContain("csk-secret-1");
    }
  });
});
