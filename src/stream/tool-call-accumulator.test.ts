import { describe, expect, it } from "vitest";
import { CerebrasToolCallAccumulator } from "./tool-call-accumulator";

function run(fragments: object[]) {
  const acc = new CerebrasToolCallAccumulator();
  for (const f of fragments) acc.add(f);
  return acc
    .complete()
    .map((c) => ({ id: c.id, name: c.name, input: c.arguments.input, ok: c.arguments.ok }));
}

describe("CerebrasToolCallAccumulator", () => {
  it("GLM: each call complete in one fragment", () => {
    expect(
      run([
        { index: 0, id: "a", type: "function", function: { name: "Read", arguments: '{"file_path":"/a"}' } },
        { index: 1, id: "b", type: "function", function: { name: "Read", arguments: '{"file_path":"/b"}' } },
      ]),
    ).toEqual([
      { id: "a", name: "Read", input: { file_path: "/a" }, ok: true },
      { id: "b", name: "Read", input: { file_path: "/b" }, ok: true },
    ]);
  });

  it("incremental arguments keyed by index, interleaved across parallel calls", () => {
    expect(
      run([
        { index: 0, id: "a", function: { name: "Bash", arguments: '{"comm' } },
        { index: 1, id: "b", function: { name: "Glob", arguments: '{"pat' } },
        { index: 0, function: { arguments: 'and":"ls"}' } },
        { index: 1, function: { arguments: 'tern":"*"}' } },
      ]),
    ).toEqual([
      { id: "a", name: "Bash", input: { command: "ls" }, ok: true },
      { id: "b", name: "Glob", input: { pattern: "*" }, ok: true },
    ]);
  });

  it("gpt-oss re-send: a repeated id+name with a complete object replaces the buffer", () => {
    expect(
      run([
        { index: 0, id: "a", function: { name: "Bash", arguments: '{"command":' } },
        { index: 0, function: { arguments: '"echo hi"}' } },
        { index: 0, id: "a", function: { name: "Bash", arguments: '{"command":"echo hi"}' } },
      ]),
    ).toEqual([{ id: "a", name: "Bash", input: { command: "echo hi" }, ok: true }]);
  });

  it("fragments without index continue the latest call (CLIProxyAPI#5058)", () => {
    expect(
      run([
        { id: "a", function: { name: "Bash", arguments: '{"command"' } },
        { function: { arguments: ':"ls"}' } },
        { id: "b", function: { name: "Read", arguments: '{"file_path":"/x"}' } },
      ]),
    ).toEqual([
      { id: "a", name: "Bash", input: { command: "ls" }, ok: true },
      { id: "b", name: "Read", input: { file_path: "/x" }, ok: true },
    ]);
  });

  it("a new arbitrary index with neither id nor name continues the latest call (dirac#215)", () => {
    expect(
      run([
        { index: 0, id: "a", function: { name: "Bash", arguments: '{"command"' } },
        { index: 7, function: { arguments: ':"l' } },
        { index: 9, function: { arguments: 's"}' } },
      ]),
    ).toEqual([{ id: "a", name: "Bash", input: { command: "ls" }, ok: true }]);
  });

  it("id and name arriving after the first fragment are still used (ccr S7)", () => {
    expect(
      run([
        { index: 0, function: { arguments: '{"command":"ls"' } },
        { index: 0, id: "late", function: { name: "Bash", arguments: "}" } },
      ]),
    ).toEqual([{ id: "late", name: "Bash", input: { command: "ls" }, ok: true }]);
  });

  it("a call that never gets a name is dropped; a missing id is generated", () => {
    const out = run([
      { index: 0, id: "nameless", function: { arguments: "{}" } },
      { index: 1, function: { name: "Glob", arguments: '{"pattern":"*"}' } },
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ name: "Glob", input: { pattern: "*" } });
    expect(out[0]!.id).toMatch(/^toolu_/);
  });

  it("counts argument characters for the usage estimate", () => {
    const acc = new CerebrasToolCallAccumulator();
    acc.add({ index: 0, id: "a", function: { name: "B", arguments: "12345" } });
    acc.add({ index: 0, function: { arguments: "678" } });
    expect(acc.argumentChars).toBe(8);
    expect(acc.pending).toBe(1);
  });
});
