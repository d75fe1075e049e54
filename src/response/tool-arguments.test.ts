import { describe, expect, it } from "vitest";
import { parseCerebrasToolArguments, splitConcatenatedObjects } from "./tool-arguments";

describe("parseCerebrasToolArguments", () => {
  it("valid JSON object passes through unrepaired", () => {
    const r = parseCerebrasToolArguments('{"file_path": "/repo/a.py", "limit": 5}', "Read");
    expect(r).toEqual({
      ok: true,
      input: { file_path: "/repo/a.py", limit: 5 },
      json: '{"file_path":"/repo/a.py","limit":5}',
      repaired: false,
    });
  });

  it("empty arguments are a call without parameters", () => {
    expect(parseCerebrasToolArguments("", "TodoRead")).toMatchObject({ ok: true, input: {}, json: "{}" });
    expect(parseCerebrasToolArguments("  \n", "TodoRead")).toMatchObject({ ok: true, input: {} });
  });

  it("code-fenced JSON with a trailing comma is repaired", () => {
    const r = parseCerebrasToolArguments('```json\n{"command": "ls -la",}\n```', "Bash");
    expect(r).toMatchObject({ ok: true, input: { command: "ls -la" }, repaired: true });
  });

  it("unclosed brackets (truncated arguments) are closed", () => {
    const r = parseCerebrasToolArguments('{"todos": [{"content": "x", "status": "pending"}', "TodoWrite");
    expect(r).toMatchObject({
      ok: true,
      input: { todos: [{ content: "x", status: "pending" }] },
      repaired: true,
    });
  });

  it("gpt-oss doubled object {…}{…} is de-duplicated, not merged or wrapped", () => {
    const r = parseCerebrasToolArguments('{"command":"echo hi"}{"command":"echo hi"}', "Bash");
    expect(r).toEqual({
      ok: true,
      input: { command: "echo hi" },
      json: '{"command":"echo hi"}',
      repaired: true,
    });
  });

  it("a partial stream followed by the complete re-send keeps the re-send", () => {
    const r = parseCerebrasToolArguments('{"command": "echo{"command":"echo hi"}', "Bash");
    expect(r).toMatchObject({ ok: true, input: { command: "echo hi" }, repaired: true });
  });

  it("a double-encoded object (a JSON string holding JSON) is unwrapped", () => {
    const r = parseCerebrasToolArguments(JSON.stringify('{"pattern":"*.ts"}'), "Glob");
    expect(r).toMatchObject({ ok: true, input: { pattern: "*.ts" }, repaired: true });
  });

  it("two different concatenated objects are not guessed at", () => {
    const r = parseCerebrasToolArguments('{"a":1}{"b":2}', "Bash");
    expect(r.ok).toBe(false);
    expect(r.input).toMatchObject({ raw_arguments: '{"a":1}{"b":2}' });
  });

  it("plain prose is NOT a silent {} or {text}: an error input the client rejects visibly", () => {
    const raw = "call Bash with ls";
    const r = parseCerebrasToolArguments(raw, "Bash");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.input).toEqual({
      error: expect.stringContaining('Cerebras returned arguments for tool "Bash" that are not valid JSON'),
      raw_arguments: raw,
    });
    expect(r.input).not.toHaveProperty("text");
    expect(JSON.parse(r.json)).toEqual(r.input);
    expect(r.error).toMatch(/string/);
  });

  it("an array is not a valid tool input", () => {
    const r = parseCerebrasToolArguments('["echo","hi"]', "Bash");
    expect(r).toMatchObject({ ok: false, error: "expected a JSON object, got an array" });
  });

  it("a scalar or null is not a valid tool input", () => {
    expect(parseCerebrasToolArguments("42", "Bash").ok).toBe(false);
    expect(parseCerebrasToolArguments("null", "Bash").ok).toBe(false);
  });
});

describe("splitConcatenatedObjects", () => {
  it("splits top-level objects and respects braces inside strings", () => {
    expect(splitConcatenatedObjects('{"a":"}{"} {"b":[1,{"c":2}]}')).toEqual([
      '{"a":"}{"}',
      '{"b":[1,{"c":2}]}',
    ]);
  });
  it("refuses anything that is not only objects", () => {
    expect(splitConcatenatedObjects('{"a":1} x')).toBeUndefined();
    expect(splitConcatenatedObjects('{"a":1')).toBeUndefined();
    expect(splitConcatenatedObjects("[1]")).toBeUndefined();
  });
});
