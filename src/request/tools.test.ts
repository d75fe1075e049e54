import { describe, expect, it } from "vitest";
import { expect400, expectValid, toolNamesOf, translate } from "../../test/request/helpers";

const user = [{ role: "user", content: "hi" }];
const readTool = {
  name: "Read",
  description: "Reads a file.",
  input_schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: { file_path: { type: "string" } },
    required: ["file_path"],
    additionalProperties: false,
  },
  cache_control: { type: "ephemeral" },
};

describe("tools", () => {
  it("become function tools with a sanitised deep copy of the schema, no strict and no cache_control", () => {
    const t = translate({ messages: user, tools: [readTool] });
    expect(t.body.tools).toEqual([
      {
        type: "function",
        function: {
          name: "Read",
          description: "Reads a file.",
          parameters: {
            type: "object",
            properties: { file_path: { type: "string" } },
            required: ["file_path"],
            additionalProperties: false,
          },
        },
      },
    ]);
    expect(t.body.tools![0]!.function.parameters).not.toBe(readTool.input_schema);
    expect(toolNamesOf(t)).toEqual(["Read"]);
    expectValid(t);
  });

  it("drop DeferredToolPlaceholder and keep deferred tools without defer_loading", () => {
    const t = translate({
      messages: user,
      tools: [
        { ...readTool, defer_loading: true },
        {
          name: "DeferredToolPlaceholder",
          description: "Reserved placeholder that keeps deferred tool loading active; never call this tool.",
          input_schema: { type: "object", properties: {} },
          defer_loading: true,
        },
      ],
    });
    expect(toolNamesOf(t)).toEqual(["Read"]);
    expect(JSON.stringify(t.body)).not.toContain("defer_loading");
    expectValid(t);
  });

  it("drop Anthropic server tools with a warning", () => {
    const t = translate({
      messages: user,
      tools: [
        { type: "web_search_20250305", name: "web_search", max_uses: 5 },
        { type: "bash_20250124", name: "bash" },
        { type: "text_editor_20250728", name: "str_replace_based_edit_tool" },
        { type: "code_execution_20250825", name: "code_execution" },
        { ...readTool, type: "custom" },
      ],
    });
    expect(toolNamesOf(t)).toEqual(["Read"]);
    expect(t.warnings).toHaveLength(4);
    expect(t.warnings[0]).toContain("web_search_20250305");
    expectValid(t);
  });

  it("give a tool without description or schema an empty description and an empty object schema", () => {
    const t = translate({ messages: user, tools: [{ name: "ping" }] });
    expect(t.body.tools![0]!.function).toEqual({
      name: "ping",
      description: "",
      parameters: { type: "object", properties: {}, additionalProperties: false },
    });
  });

  it("reject invalid or duplicate names and non-object schemas with a 400", () => {
    expect400(() => translate({ messages: user, tools: [{ name: "bad name" }] }), "tools.0.name");
    expect400(() => translate({ messages: user, tools: [{ name: "x".repeat(65) }] }), "tools.0.name");
    expect400(() => translate({ messages: user, tools: [readTool, readTool] }), "tools.1.name: duplicate");
    expect400(
      () => translate({ messages: user, tools: [{ name: "a", input_schema: [] }] }),
      "tools.0.input_schema",
    );
    expect400(() => translate({ messages: user, tools: {} }), "tools:");
    expect400(() => translate({ messages: user, tools: [null] }), "tools.0:");
  });
});

describe("tool_choice", () => {
  const withChoice = (tool_choice: unknown, tools: unknown[] = [readTool]) =>
    translate({ messages: user, tools, tool_choice });

  it("maps auto/any/tool/none to auto/required/named function/none", () => {
    expect(withChoice({ type: "auto" }).body.tool_choice).toBe("auto");
    expect(withChoice({ type: "any" }).body.tool_choice).toBe("required");
    expect(withChoice({ type: "tool", name: "Read" }).body.tool_choice).toEqual({
      type: "function",
      function: { name: "Read" },
    });
    expect(withChoice({ type: "none" }).body.tool_choice).toBe("none");
    for (const c of [{ type: "auto" }, { type: "any" }, { type: "tool", name: "Read" }, { type: "none" }]) {
      expectValid(withChoice(c));
    }
  });

  it("is omitted when no tools remain", () => {
    const t = withChoice({ type: "any", disable_parallel_tool_use: true }, [
      { type: "web_search_20250305", name: "web_search" },
    ]);
    expect(t.body).not.toHaveProperty("tool_choice");
    expect(t.body).not.toHaveProperty("parallel_tool_calls");
    expect(t.body).not.toHaveProperty("tools");
    expectValid(t);
  });

  it("sends parallel_tool_calls only as false", () => {
    expect(withChoice({ type: "auto", disable_parallel_tool_use: true }).body.parallel_tool_calls).toBe(
      false,
    );
    expect(withChoice({ type: "auto", disable_parallel_tool_use: false }).body).not.toHaveProperty(
      "parallel_tool_calls",
    );
    expect(withChoice({ type: "auto" }).body).not.toHaveProperty("parallel_tool_calls");
  });

  it("rejects unknown types and unknown tool names", () => {
    expect400(() => withChoice({ type: "sometimes" }), "tool_choice.type");
    expect400(() => withChoice({ type: "tool" }), "tool_choice.name");
    expect400(() => withChoice({ type: "tool", name: "Write" }), "no tool named 'Write'");
    expect400(() => withChoice("auto"), "tool_choice:");
  });
});
