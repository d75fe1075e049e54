// Anthropic `tools` / `tool_choice` → Cerebras function tools / tool_choice / parallel_tool_calls.

import { isJsonObject } from "../json-object";
import type { CerebrasTool, CerebrasToolChoice } from "../wire/cerebras";
import type { AnthropicToolChoice, AnthropicToolParam } from "./anthropic-request";
import { fail, shortJson } from "./input";
import { sanitizeToolSchema } from "./schema";
import { fitToolSchema } from "./schema-fit";

/** Claude Code's stand-in for Anthropic's tool search ("never call this tool"). */
export const DEFERRED_TOOL_PLACEHOLDER = "DeferredToolPlaceholder";
export const TOOL_NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;

/** Anthropic tools, minus server tools and the placeholder, as Cerebras functions (schemas sanitised). */
export function anthropicToCerebrasTools(
  input: readonly AnthropicToolParam[] | null | undefined,
  warnings: string[],
): CerebrasTool[] {
  if (input === undefined || input === null) return [];
  const tools: CerebrasTool[] = [];
  const names = new Set<string>();
  input.forEach((tool, i) => {
    const name = tool.name;
    if (tool.type !== undefined && tool.type !== null && tool.type !== "custom") {
      warnings.push(
        `dropped the Anthropic server tool ${typeof name === "string" ? name : "?"} (${shortJson(tool.type, 60)}): Cerebras has no server tools`,
      );
      return;
    }
    if (typeof name !== "string" || !TOOL_NAME_RE.test(name)) {
      fail(`tools.${i}.name`, "tool names must match ^[a-zA-Z0-9_-]{1,64}$");
    }
    if (name === DEFERRED_TOOL_PLACEHOLDER) return;
    if (names.has(name)) fail(`tools.${i}.name`, `duplicate tool name '${name}'`);
    names.add(name);
    if (tool.input_schema !== undefined && tool.input_schema !== null && !isJsonObject(tool.input_schema)) {
      fail(`tools.${i}.input_schema`, "must be a JSON schema object");
    }
    const description = typeof tool.description === "string" ? tool.description : "";
    const fitted = fitToolSchema(description, sanitizeToolSchema(tool.input_schema));
    tools.push({
      type: "function",
      function: { name, description: fitted.description, parameters: fitted.parameters },
    });
  });
  return tools;
}

export interface ToolChoiceTranslation {
  tool_choice?: CerebrasToolChoice;
  parallel_tool_calls?: false;
}

/** Omitted entirely when no tools remain; `parallel_tool_calls` is sent only as `false`. */
export function anthropicToCerebrasToolChoice(
  c: AnthropicToolChoice | null | undefined,
  toolNames: readonly string[],
): ToolChoiceTranslation {
  if (c === undefined || c === null) return {};
  const out: ToolChoiceTranslation = {};
  switch (c.type) {
    case "auto":
      out.tool_choice = "auto";
      break;
    case "any":
      out.tool_choice = "required";
      break;
    case "none":
      out.tool_choice = "none";
      break;
    case "tool": {
      if (typeof c.name !== "string" || c.name === "")
        fail("tool_choice.name", "tool_choice of type 'tool' needs a name");
      if (toolNames.length && !toolNames.includes(c.name)) {
        fail("tool_choice.name", `no tool named '${c.name}' is available`);
      }
      out.tool_choice = { type: "function", function: { name: c.name } };
      break;
    }
  }
  if (toolNames.length === 0) return {};
  if (c.disable_parallel_tool_use === true && out.tool_choice !== "none") out.parallel_tool_calls = false;
  return out;
}
