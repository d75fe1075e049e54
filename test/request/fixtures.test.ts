// The real Claude Code requests in test/fixtures translate to bodies the strict validator accepts,
// for every model family, and test/fixtures/cerebras/request_glm47_from_claude_code.json is reproduced.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { anthropicToCerebrasRequest, type RequestTranslation } from "../../src/request/index";
import type { CerebrasMessage } from "../../src/wire/cerebras";
import { validateCerebrasRequest } from "../support/cerebras-validator";
import { FIXTURES, loadJson, modelInfoOf, systemOf, toolNamesOf } from "./helpers";

/** The model each capture actually asked for (recorded in its environment text; see fixtures/README.md). */
const CLAUDE_NAMES: Record<string, string> = {
  "claude-code-2.1.330": "claude-opus-5-5",
  "claude-code-2.0.77/03-warmup-explore-agent-background.json": "claude-haiku-4-5-20251001",
  "claude-code-2.0.77": "claude-sonnet-4-5-20250929",
};

const files = ["claude-code-2.0.77", "claude-code-2.1.330"].flatMap((dir) =>
  readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith(".json"))
    .map((f) => `${dir}/${f}`),
);

const MODELS = ["zai-glm-4.7", "gpt-oss-120b", "qwen-3.8-27b", "claude"] as const;

function translateFixture(file: string, model: (typeof MODELS)[number]): RequestTranslation {
  const req = loadJson(file);
  if (model === "claude") {
    req.model = CLAUDE_NAMES[file] ?? CLAUDE_NAMES[file.split("/")[0]!];
    return anthropicToCerebrasRequest(req, { defaultModel: "gpt-oss-120b" });
  }
  req.model = model;
  return anthropicToCerebrasRequest(req);
}

describe.each(files)("%s", (file) => {
  it.each(MODELS)("translates for %s to a body the validator accepts", (model) => {
    const t = translateFixture(file, model);
    expect(validateCerebrasRequest(t.body, { model: modelInfoOf(t), ourAllowList: true })).toEqual([]);
    if (model === "claude") expect(t.body.model).toBe("gpt-oss-120b");
    expect(t.body.max_completion_tokens).toBe(16384);
    const json = JSON.stringify(t.body);
    for (const gone of [
      '"$schema"',
      "cache_control",
      "defer_loading",
      "x-anthropic-billing-header",
      '"metadata"',
    ]) {
      expect(json).not.toContain(gone);
    }
    expect(toolNamesOf(t)).not.toContain("DeferredToolPlaceholder");
  });
});

describe("Claude Code 2.1.330 first turn", () => {
  const file = "claude-code-2.1.330/01-main-with-tools-first-turn.json";
  const raw = loadJson(file);

  it("drops the billing header, appends the environment system message to the system string", () => {
    const t = translateFixture(file, "zai-glm-4.7");
    const env = raw.messages[1].content[0].text as string;
    expect(env.startsWith("# Environment")).toBe(true);
    expect(systemOf(t)).toBe(`${raw.system[1].text}\n\n${raw.system[2].text}\n\n${env}`);
    expect(t.body.messages).toHaveLength(2);
    expect(t.body.messages[1]).toEqual({
      role: "user",
      content: `${raw.messages[0].content[0].text}\n\nWhat does hello.txt say?`,
    });
  });

  it("keeps the deferred tools' names (in the system text) and ToolSearch, drops the placeholder", () => {
    const t = translateFixture(file, "zai-glm-4.7");
    expect(systemOf(t)).toContain("The following deferred tools are now available via ToolSearch");
    expect(toolNamesOf(t)).toContain("ToolSearch");
    expect(toolNamesOf(t)).toHaveLength(raw.tools.length - 1);
  });

  it("maps adaptive thinking, effort medium and keep:all per model", () => {
    expect(translateFixture(file, "zai-glm-4.7").body).toMatchObject({ clear_thinking: false });
    expect(translateFixture(file, "zai-glm-4.7").body).not.toHaveProperty("reasoning_effort");
    expect(translateFixture(file, "gpt-oss-120b").body.reasoning_effort).toBe("medium");
    expect(translateFixture(file, "qwen-3.8-27b").body.reasoning_effort).toBe("medium");
    expect(translateFixture(file, "qwen-3.8-27b").body).not.toHaveProperty("clear_thinking");
  });

  it("moves the Workflow resumeFromRunId pattern into its description", () => {
    const t = translateFixture(file, "gpt-oss-120b");
    const wf = t.body.tools!.find((x) => x.function.name === "Workflow")!;
    const props = wf.function.parameters.properties as Record<string, { description?: string }>;
    expect(props.resumeFromRunId!.description).toContain("(pattern: ^wf_[a-z0-9-]{6,}$)");
  });
});

describe("Claude Code 2.0.77", () => {
  it("sends the identity line and the main prompt as one system string", () => {
    const raw = loadJson("claude-code-2.0.77/01-main-with-tools-first-turn.json");
    const t = translateFixture("claude-code-2.0.77/01-main-with-tools-first-turn.json", "gpt-oss-120b");
    expect(systemOf(t)).toBe(`${raw.system[0].text}\n\n${raw.system[1].text}`);
    expect(t.body.reasoning_effort).toBe("low"); // no thinking → gpt-oss' off value
  });

  it("pairs the Read round trip of 05 and keeps the result text exactly", () => {
    const raw = loadJson("claude-code-2.0.77/05-main-with-tools-tool-result.json");
    const t = translateFixture("claude-code-2.0.77/05-main-with-tools-tool-result.json", "zai-glm-4.7");
    expect(t.body.messages.slice(1)).toEqual([
      { role: "user", content: "What does hello.txt say?" },
      {
        role: "assistant",
        content: "I'll read it.",
        tool_calls: [
          {
            id: "call_agent1",
            type: "function",
            function: { name: "Read", arguments: '{"file_path":"/home/user/example-project/hello.txt"}' },
          },
        ],
      },
      { role: "tool", tool_call_id: "call_agent1", content: raw.messages[2].content[0].content },
    ]);
  });

  it("keeps <tool_use_error> results as they are (06) and prefixes other errors with Error: (07)", () => {
    const six = translateFixture("claude-code-2.0.77/06-warmup-bash-agent-tool-error.json", "zai-glm-4.7");
    expect(six.body.messages.at(-1)).toEqual({
      role: "tool",
      tool_call_id: "call_agent1",
      content: "<tool_use_error>Error: No such tool available: Read</tool_use_error>",
    });
    const seven = translateFixture("claude-code-2.0.77/07-warmup-plan-agent-tool-error.json", "zai-glm-4.7");
    expect((seven.body.messages.at(-1) as { content: string }).content).toMatch(
      /^Error: Warmup\n\n<system-reminder>/,
    );
  });

  it("sanitises AskUserQuestion, ExitPlanMode and WebFetch schemas", () => {
    const t = translateFixture("claude-code-2.0.77/01-main-with-tools-first-turn.json", "zai-glm-4.7");
    const params = (name: string) =>
      t.body.tools!.find((x) => x.function.name === name)!.function.parameters as any;
    const ask = params("AskUserQuestion");
    expect(ask.properties.questions.description).toContain("at most 4 items");
    expect(ask.properties.answers.additionalProperties).toBe(false);
    expect(ask.properties.answers).not.toHaveProperty("propertyNames");
    expect(params("ExitPlanMode")).toMatchObject({
      type: "object",
      properties: {},
      additionalProperties: false,
    });
    expect(params("WebFetch").properties.url.description).toContain("format: uri");
  });
});

describe("prefix stability across real turns", () => {
  it.each(MODELS)("turn 01's messages are a byte-identical prefix of turn 05's (%s)", (model) => {
    const first = translateFixture("claude-code-2.0.77/01-main-with-tools-first-turn.json", model);
    const second = translateFixture("claude-code-2.0.77/05-main-with-tools-tool-result.json", model);
    const a = JSON.stringify(first.body.messages);
    const b = JSON.stringify(second.body.messages);
    expect(b.startsWith(a.slice(0, -1))).toBe(true);
    expect(JSON.stringify(second.body.tools)).toBe(JSON.stringify(first.body.tools));
  });
});

describe("the translated GLM turn (fixtures/cerebras/request_glm47_from_claude_code.json)", () => {
  it("is what the corresponding Anthropic request translates to", () => {
    const reference = loadJson("cerebras/request_glm47_from_claude_code.json");
    const toolResult = reference.messages[3].content as string;
    const anthropic = {
      model: "zai-glm-4.7",
      max_tokens: 32000,
      stream: true,
      temperature: 1,
      thinking: { type: "adaptive" },
      system: [
        {
          type: "text",
          text: "You are Claude Code, Anthropic's official CLI for Claude.",
          cache_control: { type: "ephemeral" },
        },
        { type: "text", text: "<env>Working directory: /repo</env>", cache_control: { type: "ephemeral" } },
      ],
      messages: [
        { role: "user", content: "The parser test is failing, please fix it." },
        {
          role: "assistant",
          content: [
            {
              type: "thinking",
              thinking:
                "The user wants the failing parser test fixed. I should read tests/test_parser.py first.",
              signature: "c2lnbmF0dXJl",
            },
            { type: "text", text: "I'll read the failing test first." },
            {
              type: "tool_use",
              id: "3e1a9c07b",
              name: "Read",
              input: { file_path: "/repo/tests/test_parser.py" },
            },
          ],
        },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              tool_use_id: "3e1a9c07b",
              content: toolResult,
              cache_control: { type: "ephemeral" },
            },
            { type: "text", text: "Also make sure the linter passes." },
          ],
        },
      ],
      tools: [
        {
          name: "Read",
          description: "Reads a file from the local filesystem.",
          input_schema: {
            $schema: "https://json-schema.org/draft/2020-12/schema",
            ...reference.tools[0].function.parameters,
          },
        },
      ],
      tool_choice: { type: "auto" },
    };
    const t = anthropicToCerebrasRequest(anthropic);
    const normalise = (messages: CerebrasMessage[]) =>
      messages.map((m) =>
        m.role === "assistant" && m.tool_calls
          ? {
              ...m,
              tool_calls: m.tool_calls.map((c) => ({
                ...c,
                function: { ...c.function, arguments: JSON.parse(c.function.arguments) },
              })),
            }
          : m,
      );
    expect(normalise(t.body.messages)).toEqual(normalise(reference.messages));
    // parallel_tool_calls: true is the Cerebras default, so we only ever send it as false.
    const { parallel_tool_calls, messages: _m, ...rest } = reference;
    expect(parallel_tool_calls).toBe(true);
    const { messages: _o, ...ours } = t.body;
    expect(ours).toEqual(rest);
  });
});
