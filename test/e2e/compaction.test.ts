// Context overflow before it happens: Claude Code assumes a far larger window for a Cerebras model than it
// has, and compacts only after a 400 whose message is exactly `prompt is too long: X tokens > Y maximum`.
// The plugin raises that 400 before sending; this proves with the real CLI that Claude Code then compacts
// and carries on.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CerebrasRequest } from "../../src/wire/cerebras";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, startCcr } from "../support/ccr-harness";
import { runClaudeCode } from "../support/claude-code-harness";
import { builtPluginPath } from "../support/plugin-path";

const allText = (b: CerebrasRequest) => JSON.stringify(b.messages);
const toolText = (b: CerebrasRequest) =>
  b.messages
    .filter((m) => m.role === "tool")
    .map((m) => m.content)
    .join("\n");

describe("Claude Code compacts on the plugin's pre-flight 'prompt is too long'", () => {
  let emu: Emulator;
  let ccr: CcrInstance;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ccr-cerebras-compact-"));
    emu = await startCerebrasEmulator({ models: ["zai-glm-4.7"], keys: ["sk-c"] });
    ccr = await startCcr({
      version: "2.0.0",
      env: { CEREBRAS_API_KEY: "sk-c" },
      config: {
        transformers: [
          {
            path: builtPluginPath(),
            // A small window, as on Cerebras' free tier, scaled down so the test stays fast.
            options: { defaultModel: "zai-glm-4.7", models: { "zai-glm-4.7": { contextWindow: 27000 } } },
          },
        ],
        Providers: [
          {
            name: "cerebras",
            api_base_url: `${emu.url}/chat/completions`,
            api_key: "$CEREBRAS_API_KEY",
            models: ["zai-glm-4.7"],
            transformer: { use: ["ccr-cerebras"] },
          },
        ],
        Router: { default: "cerebras,zai-glm-4.7" },
      },
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("gets a 400 before Cerebras is called, compacts, and finishes the task", async () => {
    // Three command outputs of ~13 KB (~4k tokens each): the third overflows the small window below, while
    // the compaction request (cut to fit by the plugin) and the continuation fit. Command output, not
    // Read: Claude Code re-attaches recently read files after compacting, which would refill the window.
    const read = (part: number) => ({
      content: `Running part ${part}.`,
      toolCalls: [
        {
          name: "Bash",
          arguments: JSON.stringify({
            command: `seq ${part}00000 ${part}01800`,
            description: `Part ${part}`,
          }),
        },
      ],
    });
    emu.enqueue(
      {
        match: (b) => allText(b).includes("This session is being continued"),
        content: "Done: the last number of part 3 is 301800.",
      },
      {
        match: (b) => allText(b).includes("CRITICAL: Respond with TEXT ONLY"),
        content:
          "<analysis>The user wants the last number of part 3.</analysis>\n<summary>Parts 1-3 ran; part 3 ends with 301800.</summary>",
      },
      { match: (b) => toolText(b).includes("201800"), ...read(3) },
      { match: (b) => toolText(b).includes("101800"), ...read(2) },
      { match: (b) => !b.messages.some((m) => m.role === "tool"), ...read(1) },
    );
    const run = await runClaudeCode({
      baseUrl: ccr.baseUrl,
      authToken: ccr.apiKey,
      cwd: work,
      prompt:
        "Run `seq 100000 101800`, `seq 200000 201800` and `seq 300000 301800`, then tell me the last number.",
      allowedTools: ["Bash(seq:*)"],
      timeoutMs: 90_000,
    });
    const seen = emu.requests.map((r) => allText(r.body as CerebrasRequest).slice(-160));
    const diagnostics = `exit ${run.code}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-1500)}\n${seen.join("\n---\n")}`;
    expect(run.code, diagnostics).toBe(0);
    expect(run.result?.result, diagnostics).toContain("301800");
    const texts = emu.requests.map((r) => allText(r.body as CerebrasRequest));
    expect(
      texts.some((t) => t.includes("CRITICAL: Respond with TEXT ONLY")),
      diagnostics,
    ).toBe(true);
    // Every request that reached Cerebras fitted: the over-long one was stopped by the plugin.
    expect(
      emu.requests.every((r) => r.status === 200),
      diagnostics,
    ).toBe(true);
    expect(
      run.events.some((e) => e.type === "system" && e.subtype === "compact_boundary"),
      diagnostics,
    ).toBe(true);
  }, 120_000);
});
