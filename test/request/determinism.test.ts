// Determinism and prefix stability on a synthetic multi-turn Claude Code 2.1.x history, and the
// translation of the largest inputs (their speed is `npm run bench`'s job).

import { describe, expect, it } from "vitest";
import { anthropicToCerebrasRequest } from "../../src/request/index";
import { loadJson, roomyContext } from "./helpers";

const base = loadJson("claude-code-2.1.330/01-main-with-tools-first-turn.json");

/** Turn k of a session: the 2.1.330 first turn plus k tool rounds, with everything Claude Code adds. */
function turn(k: number, model: string): Record<string, unknown> {
  const messages: unknown[] = [...base.messages];
  for (let i = 0; i < k; i++) {
    const id = i % 2 ? `toolu_01${i}abc` : `${i}e1a9c07b`;
    messages.push({
      role: "assistant",
      content: [
        { type: "thinking", thinking: `Plan ${i}.`, signature: `sig${i}` },
        { type: "text", text: `Step ${i}.` },
        { type: "tool_use", id, name: "Read", input: { file_path: `/p/${i}.txt` } },
        { type: "tool_use", id: `${id}b`, name: "Bash", input: { command: `ls ${i}` } },
      ],
    });
    messages.push({
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: `${id}b`, content: `out ${i}`, is_error: i === 2 },
        {
          type: "tool_result",
          tool_use_id: id,
          content: [{ type: "text", text: `1\tline ${i}` }],
          cache_control: i === k - 1 ? { type: "ephemeral" } : undefined,
        },
        { type: "text", text: "<system-reminder>keep going</system-reminder>" },
      ],
    });
    if (i === 1)
      messages.push({ role: "system", content: "[Truncated: PARTIAL view — call Read with offset]" });
  }
  return {
    ...base,
    model,
    system: [
      {
        type: "text",
        text: `x-anthropic-billing-header: cc_version=2.1.330.${k}a${k}; cc_entrypoint=sdk-cli;`,
      },
      ...base.system.slice(1),
    ],
    messages,
  };
}

describe("determinism", () => {
  it.each(["zai-glm-4.7", "gpt-oss-120b", "qwen-3.8-27b"])(
    "each turn's messages are a byte-identical prefix of the next (%s)",
    (model) => {
      let prev: string | undefined;
      for (let k = 0; k <= 5; k++) {
        const body = anthropicToCerebrasRequest(turn(k, model)).body;
        const json = JSON.stringify(body.messages);
        if (prev !== undefined) expect(json.startsWith(prev.slice(0, -1))).toBe(true);
        expect(json.length).toBeGreaterThan(prev?.length ?? 0);
        prev = json;
      }
    },
  );

  it("gives byte-identical bodies for the same input, and replays thinking for GLM", () => {
    const a = JSON.stringify(anthropicToCerebrasRequest(turn(4, "zai-glm-4.7")).body);
    const b = JSON.stringify(anthropicToCerebrasRequest(turn(4, "zai-glm-4.7")).body);
    expect(a).toBe(b);
    expect(a).toContain("<think>Plan 3.</think>Step 3.");
    expect(a).toContain("<system-reminder>\\n[Truncated: PARTIAL view");
  });
});

// Speed is measured by `npm run bench` (bench/core.ts times both inputs below); here only the result is checked.
describe("large inputs", () => {
  it("translates the largest Claude Code fixture (~80 KB) with every tool call answered", () => {
    const req = {
      ...loadJson("claude-code-2.0.77/05-main-with-tools-tool-result.json"),
      model: "zai-glm-4.7",
    };
    const body = anthropicToCerebrasRequest(req).body;
    const calls = body.messages.flatMap((m) => ("tool_calls" in m && m.tool_calls ? m.tool_calls : []));
    const answered = new Set(body.messages.flatMap((m) => (m.role === "tool" ? [m.tool_call_id] : [])));
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(answered.has(c.id)).toBe(true);
  });

  it("translates a synthetic 1 MB history, keeping every tool round in order", () => {
    const messages: unknown[] = [{ role: "user", content: "start" }];
    let rounds = 0;
    for (let i = 0; JSON.stringify(messages).length < 1_000_000; i++) {
      const id = `toolu_${i}`;
      messages.push({
        role: "assistant",
        content: [
          { type: "thinking", thinking: "t".repeat(300), signature: "s" },
          { type: "text", text: "Reading." },
          { type: "tool_use", id, name: "Read", input: { file_path: `/src/file${i}.ts` } },
        ],
      });
      messages.push({
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: id,
            content: [{ type: "text", text: "const x = 1;\n".repeat(150) }],
          },
          { type: "text", text: "<system-reminder>ok</system-reminder>" },
        ],
      });
      rounds++;
    }
    const req = { ...base, model: "gpt-oss-120b", messages };
    expect(JSON.stringify(req).length).toBeGreaterThan(1_000_000);
    const opts = roomyContext(["gpt-oss-120b"]); // 1 MB is ~250k tokens: more than any Cerebras context
    const body = anthropicToCerebrasRequest(req, opts).body;
    const toolMessages = body.messages.filter((m) => m.role === "tool");
    expect(toolMessages).toHaveLength(rounds);
    expect(toolMessages.map((m) => m.tool_call_id)).toEqual(
      Array.from({ length: rounds }, (_, i) => `toolu_${i}`),
    );
  });
});
