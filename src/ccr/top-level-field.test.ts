import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopLevelJsonStringScanner } from "./top-level-field";

function scan(text: string, pieces = 1): string | undefined {
  const s = new TopLevelJsonStringScanner("model");
  const size = Math.max(1, Math.ceil(text.length / pieces));
  for (let i = 0; i < text.length; i += size) s.feed(text.slice(i, i + size));
  return s.value;
}

describe("TopLevelJsonStringScanner", () => {
  it("finds a top-level model, first or after nested objects that contain a model key", () => {
    expect(scan('{"model":"claude-sonnet-4-5","messages":[]}')).toBe("claude-sonnet-4-5");
    expect(
      scan(
        '{"messages":[{"role":"user","content":"{\\"model\\":\\"x\\"}","model":"inner"}],"model":"m\\u00e9"}',
      ),
    ).toBe("mé");
    expect(scan('{"metadata":{"model":"no"}, "model" : "yes"}')).toBe("yes");
  });

  it("gives up on a model that is not a string, or a body without one", () => {
    expect(scan('{"model":{"id":"x"},"other":"model"}')).toBeUndefined();
    expect(scan('{"messages":[],"max_tokens":5}')).toBeUndefined();
  });

  it("reads the same value however the text is cut (property)", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (model, rest, first, pieces) => {
          delete (rest as Record<string, unknown>).model;
          const body = first ? { model, ...rest } : { ...rest, model };
          expect(scan(JSON.stringify(body), pieces)).toBe(model);
        },
      ),
    );
  });
});
