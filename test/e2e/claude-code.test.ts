// End to end: the real Claude Code CLI (2.1.330, the newest 2.1.332, and 2.0.77) → real ccr → the bundled plugin → the strict Cerebras
// emulator, which scripts a tool loop: Read a file, run a Bash echo, then answer quoting both.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CerebrasRequest } from "../../src/wire/cerebras";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { CLAUDE_CODE_2077_CLI, CLAUDE_CODE_NEWEST_BIN, runClaudeCode } from "../support/claude-code-harness";
import { builtPluginPath } from "../support/plugin-path";

const MODELS = ["zai-glm-4.7", "gpt-oss-120b"];
const FILE_TEXT = "the-secret-word-is-papaya";
const ECHO_TEXT = "bash-says-kiwi";

const toolText = (body: CerebrasRequest) =>
  body.messages
    .filter((m) => m.role === "tool")
    .map((m) => m.content)
    .join("\n");

const CASES: Array<[CcrVersion, string, string | undefined]> = [
  ["2.0.0", "2.1.330", undefined],
  ["1.0.73", "2.1.330", undefined],
  // The newest Claude Code on npm, through both ccr versions.
  ["2.0.0", "2.1.332", CLAUDE_CODE_NEWEST_BIN],
  ["1.0.73", "2.1.332", CLAUDE_CODE_NEWEST_BIN],
  // 2.0.77 also fires three "Warmup" sub-agent requests at start-up, one with a haiku name (→ background).
  ["2.0.0", "2.0.77", CLAUDE_CODE_2077_CLI],
];

describe.each(CASES)("through ccr %s + plugin, Claude Code %s", (version, cc, bin) => {
  let emu: Emulator;
  let ccr: CcrInstance;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ccr-cerebras-e2e-"));
    writeFileSync(join(work, "hello.txt"), `${FILE_TEXT}\n`);
    emu = await startCerebrasEmulator({ models: MODELS, keys: ["sk-e2e"] });
    ccr = await startCcr({
      version,
      env: { CEREBRAS_API_KEY: "sk-e2e" },
      config: {
        transformers: [{ path: builtPluginPath(), options: { defaultModel: "zai-glm-4.7" } }],
        Providers: [
          {
            name: "cerebras",
            api_base_url: `${emu.url}/chat/completions`,
            api_key: "$CEREBRAS_API_KEY",
            models: MODELS,
            transformer: { use: ["ccr-cerebras"] },
          },
        ],
        Router: { default: "cerebras,zai-glm-4.7", background: "cerebras,gpt-oss-120b" },
      },
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("runs Read and Bash tools and answers quoting both; exit 0", async () => {
    const hello = join(work, "hello.txt");
    // Order matters: the most specific match first (replies are taken in queue order among matches).
    emu.enqueue(
      {
        match: (b) => toolText(b).includes(ECHO_TEXT),
        reasoning: "Both results are in.",
        content: `hello.txt says ${FILE_TEXT} and echo printed ${ECHO_TEXT}.`,
      },
      {
        match: (b) => toolText(b).includes(FILE_TEXT),
        content: "Now the echo.",
        toolCalls: [
          { name: "Bash", arguments: JSON.stringify({ command: `echo ${ECHO_TEXT}`, description: "Echo" }) },
        ],
      },
      {
        // The user's prompt (not a "Warmup" sub-agent request, which 2.0.77 sends at the same time).
        match: (b) =>
          JSON.stringify(b.messages).includes("hello.txt") && !b.messages.some((m) => m.role === "tool"),
        reasoning: "I should read the file first.",
        content: "Reading the file.",
        toolCalls: [{ name: "Read", arguments: JSON.stringify({ file_path: hello }) }],
      },
    );
    const run = await runClaudeCode({
      baseUrl: ccr.baseUrl,
      authToken: ccr.apiKey,
      cwd: work,
      prompt: "What does hello.txt say, and what does `echo bash-says-kiwi` print?",
      allowedTools: ["Read", "Bash(echo:*)"],
      timeoutMs: 90_000,
      bin,
    });
    const diagnostics = `exit ${run.code}\nstderr: ${run.stderr.slice(-2000)}\nemulator statuses: ${emu.requests.map((r) => r.status).join(",")}`;
    expect(run.code, diagnostics).toBe(0);
    expect(run.result?.is_error, diagnostics).toBe(false);
    expect(run.result?.result).toContain(FILE_TEXT);
    expect(run.result?.result).toContain(ECHO_TEXT);
    // Every request Claude Code made went through the plugin and passed the strict emulator.
    expect(emu.requests.length).toBeGreaterThanOrEqual(3);
    expect(
      emu.requests.every((r) => r.status === 200),
      diagnostics,
    ).toBe(true);
    if (cc === "2.0.77") {
      // Its haiku-named Explore warm-up went to Router.background through the plugin too.
      expect(
        emu.requests.some((r) => (r.body as CerebrasRequest).model === "gpt-oss-120b"),
        diagnostics,
      ).toBe(true);
    }
    // No silent non-streaming fallback: every request was a stream.
    expect(emu.requests.every((r) => (r.body as CerebrasRequest).stream === true)).toBe(true);
  }, 120_000);
});
