// Tool calls and tool results: pairing, ordering and rendering (messages.ts + content.ts).

import { describe, expect, it } from "vitest";
import { conversation, expectValid, readCall, toolResult, translate } from "../../test/request/helpers";

describe("tool calls and results", () => {
  it("sends every tool_use as a tool_call in order, ids kept exactly, arguments as a JSON string", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Reading." },
            readCall("3e1a9c07b", "/x"),
            { type: "tool_use", id: "toolu_01AbC-d_e", name: "Bash", input: { command: "ls -la" } },
          ],
        },
        { role: "user", content: [toolResult("3e1a9c07b", "x"), toolResult("toolu_01AbC-d_e", "y")] },
      ],
    });
    const assistant = conversation(t)[1]!;
    expect(assistant).toEqual({
      role: "assistant",
      content: "Reading.",
      tool_calls: [
        { id: "3e1a9c07b", type: "function", function: { name: "Read", arguments: '{"file_path":"/x"}' } },
        {
          id: "toolu_01AbC-d_e",
          type: "function",
          function: { name: "Bash", arguments: '{"command":"ls -la"}' },
        },
      ],
    });
    expectValid(t);
  });

  it("orders tool messages by the assistant's calls, not by the order of the result blocks, text after them", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a"), readCall("b"), readCall("c")] },
        {
          role: "user",
          content: [
            { type: "text", text: "<system-reminder>note</system-reminder>" },
            toolResult("c", "C"),
            toolResult("a", "A"),
            toolResult("b", "B"),
            { type: "text", text: "Tool loaded." },
          ],
        },
      ],
    });
    expect(conversation(t).slice(2)).toEqual([
      { role: "tool", tool_call_id: "a", content: "A" },
      { role: "tool", tool_call_id: "b", content: "B" },
      { role: "tool", tool_call_id: "c", content: "C" },
      { role: "user", content: "<system-reminder>note</system-reminder>\n\nTool loaded." },
    ]);
    expectValid(t);
  });

  it("answers a call that has no result with a synthetic failed result", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a"), readCall("b")] },
        { role: "user", content: [toolResult("b", "B")] },
      ],
    });
    expect(conversation(t).slice(2)).toEqual([
      { role: "tool", tool_call_id: "a", content: "Error: no result was recorded for this tool call" },
      { role: "tool", tool_call_id: "b", content: "B" },
    ]);
    expectValid(t);
  });

  it("answers the calls of two assistant messages in a row before the second one", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a")] },
        { role: "assistant", content: [readCall("b")] },
        { role: "user", content: [toolResult("b", "B")] },
      ],
    });
    expect(conversation(t).map((m) => m.role)).toEqual(["user", "assistant", "tool", "assistant", "tool"]);
    expectValid(t);
  });

  it("turns a result whose id matches no call into user text", () => {
    const t = translate({
      messages: [
        { role: "user", content: [toolResult("ghost", "boo")] },
        { role: "assistant", content: "ok" },
      ],
    });
    expect(conversation(t)[0]).toEqual({ role: "user", content: "[tool result for ghost]: boo" });
    expectValid(t);
  });

  it("keeps one of several results for the same id and turns the others into text", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a")] },
        { role: "user", content: [toolResult("a", "first"), toolResult("a", "second")] },
      ],
    });
    expect(conversation(t).slice(2)).toEqual([
      { role: "tool", tool_call_id: "a", content: "first" },
      { role: "user", content: "[tool result for a]: second" },
    ]);
    expectValid(t);
  });

  it("renders tool_result content: text arrays joined with newlines, tool_reference, empty and missing", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a"), readCall("b"), readCall("c"), readCall("d")] },
        {
          role: "user",
          content: [
            toolResult("a", [
              { type: "text", text: "one" },
              { type: "text", text: "two" },
            ]),
            toolResult("b", [
              { type: "tool_reference", tool_name: "WebFetch" },
              { type: "tool_reference", tool_name: "NotebookEdit" },
            ]),
            toolResult("c", ""),
            toolResult("d"),
            { type: "text", text: "Tool loaded." },
          ],
        },
      ],
    });
    expect(conversation(t).slice(2)).toEqual([
      { role: "tool", tool_call_id: "a", content: "one\ntwo" },
      { role: "tool", tool_call_id: "b", content: "Tool loaded: WebFetch\nTool loaded: NotebookEdit" },
      { role: "tool", tool_call_id: "c", content: "(no output)" },
      { role: "tool", tool_call_id: "d", content: "(no output)" },
      { role: "user", content: "Tool loaded." },
    ]);
  });

  it("prefixes failed results with Error: unless they already carry <tool_use_error>", () => {
    const t = translate({
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a"), readCall("b")] },
        {
          role: "user",
          content: [
            toolResult("a", "permission denied", { is_error: true }),
            toolResult("b", "<tool_use_error>Error: No such tool available: Read</tool_use_error>", {
              is_error: true,
            }),
          ],
        },
      ],
    });
    expect(
      conversation(t)
        .slice(2)
        .map((m) => m.content),
    ).toEqual([
      "Error: permission denied",
      "<tool_use_error>Error: No such tool available: Read</tool_use_error>",
    ]);
  });

  it("replaces an image inside a tool result by a placeholder for a text-only model", () => {
    const t = translate({
      model: "gpt-oss-120b",
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a", "/shot.png")] },
        {
          role: "user",
          content: [
            toolResult("a", [
              { type: "image", source: { type: "base64", media_type: "image/png", data: "QUJD" } },
            ]),
          ],
        },
      ],
    });
    const tool = conversation(t)[2]!;
    expect(tool.content).toBe("[image omitted: image/png, the model cannot see images]");
    expect(JSON.stringify(t.body)).not.toContain("QUJD");
    expectValid(t);
  });

  it("moves an image inside a tool result into the following user message for a vision model", () => {
    const t = translate({
      model: "qwen-3.8-27b",
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: [readCall("a", "/shot.png")] },
        {
          role: "user",
          content: [
            toolResult("a", [
              { type: "text", text: "Screenshot:" },
              { type: "image", source: { type: "base64", media_type: "image/png", data: "QUJD" } },
            ]),
            { type: "text", text: "What is shown?" },
          ],
        },
      ],
    });
    const [tool, user] = conversation(t).slice(2);
    expect(tool).toEqual({
      role: "tool",
      tool_call_id: "a",
      content: "Screenshot:\n[image: shown in the next user message]",
    });
    expect(user).toEqual({
      role: "user",
      content: [
        { type: "text", text: "[image from the result of tool call a]" },
        { type: "image_url", image_url: { url: "data:image/png;base64,QUJD" } },
        { type: "text", text: "What is shown?" },
      ],
    });
    expectValid(t);
  });
});

describe("tool-call ids repeated across turns (API version 2 refuses duplicates)", () => {
  it("renames a repeated call id and its result, consistently, and keeps earlier turns unchanged", () => {
    const turns = [
      { role: "user", content: "go" },
      { role: "assistant", content: [readCall("call_0", "/a")] },
      { role: "user", content: [toolResult("call_0", "A")] },
      { role: "assistant", content: [readCall("call_0", "/b"), readCall("call_0_2", "/c")] },
      { role: "user", content: [toolResult("call_0", "B"), toolResult("call_0_2", "C")] },
    ];
    const t = translate({ messages: turns });
    const ids = conversation(t).flatMap((m) =>
      m.role === "assistant"
        ? (m.tool_calls ?? []).map((c) => c.id)
        : m.role === "tool"
          ? [m.tool_call_id]
          : [],
    );
    // call_0, its result; then call_0 → call_0_2, and the client's own call_0_2 → call_0_2_2.
    expect(ids).toEqual(["call_0", "call_0", "call_0_2", "call_0_2_2", "call_0_2", "call_0_2_2"]);
    const tools = conversation(t).filter((m) => m.role === "tool");
    expect(tools.map((m) => m.content)).toEqual(["A", "B", "C"]);
    expectValid(t);
    // The first turns serialise identically whether or not later turns exist (prompt cache prefix).
    const shorter = translate({ messages: turns.slice(0, 3) });
    expect(JSON.stringify(conversation(t).slice(0, 3))).toBe(JSON.stringify(conversation(shorter)));
  });
});
