// End to end with the real Claude Code CLI (2.1.330, 2.0.77 and the newest, 2.1.332) through real ccr and the plugin: what
// Claude Code receives for a Cerebras request is what the Anthropic API would send — the model it asked
// for is echoed, message_start carries usage, and an error reaches it in Anthropic's envelope (the
// text Claude Code shows), not ccr's `{"error":{…,"code"}}`.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, type ScriptedReply, startCerebrasEmulator } from "../emulator/server";
import { type CcrInstance, type CcrVersion, startCcr } from "../support/ccr-harness";
import { CLAUDE_CODE_2077_CLI, CLAUDE_CODE_NEWEST_BIN, runClaudeCode } from "../support/claude-code-harness";
import { pluginCcrConfig } from "../support/plugin-path";

const MODELS = ["gpt-oss-120b", "qwen-3.8-27b"];
const MODEL = "cerebras,qwen-3.8-27b";

const CASES: Array<[CcrVersion, string, string | undefined]> = [
  ["2.0.0", "2.1.330", undefined],
  ["1.0.73", "2.0.77", CLAUDE_CODE_2077_CLI],
  ["1.0.73", "2.1.332", CLAUDE_CODE_NEWEST_BIN],
];

describe.each(CASES)("Claude Code through ccr %s + plugin (CLI %s)", (version, _cc, bin) => {
  let emu: Emulator;
  let ccr: CcrInstance;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ccr-cerebras-exact-"));
    emu = await startCerebrasEmulator({ models: MODELS, keys: ["sk-e2e"], defaultReply: { content: "ok" } });
    ccr = await startCcr({
      version,
      env: { CEREBRAS_API_KEY: "sk-e2e" },
      config: pluginCcrConfig({
        upstreamUrl: emu.url,
        models: MODELS,
        options: { discoverModels: false },
        router: { default: "cerebras,gpt-oss-120b", background: "cerebras,gpt-oss-120b" },
      }),
    });
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const run = () =>
    runClaudeCode({
      baseUrl: ccr.baseUrl,
      authToken: ccr.apiKey,
      cwd: work,
      prompt: "Say hello.",
      extraArgs: ["--model", MODEL],
      timeoutMs: 90_000,
      bin,
    });

  it("echoes the model Claude Code asked for, with usage from message_start on", async () => {
    emu.enqueue({
      match: (b) => JSON.stringify(b.messages).includes("Say hello"),
      reasoning: "Greet.",
      content: "Hello from Cerebras.",
    });
    const r = await run();
    const diagnostics = `exit ${r.code}\nstderr: ${r.stderr.slice(-2000)}\nstdout: ${r.stdout.slice(-2000)}`;
    expect(r.code, diagnostics).toBe(0);
    const answers = r.events.filter(
      (e) => e.type === "assistant" && JSON.stringify(e).includes("Hello from Cerebras"),
    );
    expect(answers.length, diagnostics).toBeGreaterThan(0);
    for (const a of answers) {
      expect(a.message.model, diagnostics).toBe(MODEL);
      expect(a.message.usage.input_tokens, diagnostics).toBeGreaterThan(0);
    }
  }, 120_000);

  it("shows a Cerebras 400 in Anthropic's error envelope, not ccr's", async () => {
    // Every request Claude Code makes to that model fails (it retries some 400s, once without streaming).
    const fault: ScriptedReply = {
      match: (b) => b.model === "qwen-3.8-27b" && true,
      fault: {
        kind: "http",
        status: 400,
        body: {
          message: "tools.0.function.parameters: unsupported keyword 'zzz'",
          type: "invalid_request_error",
          param: "tools",
          code: "wrong_api_format",
        },
      },
    };
    emu.enqueue(...Array.from({ length: 6 }, () => fault));
    const r = await run();
    const text = `${r.result?.result ?? ""}\n${r.stdout}`;
    const diagnostics = `exit ${r.code}\nstderr: ${r.stderr.slice(-2000)}\nrequests: ${emu.requests.map((q) => `${(q.body as { model?: string }).model}:${q.status}:${(q.body as { stream?: boolean }).stream}`).join(" ")}\nresult: ${JSON.stringify(r.result?.result)}`;
    expect(r.result?.is_error, diagnostics).toBe(true);
    expect(text, diagnostics).toContain("unsupported keyword 'zzz'");
    expect(text, diagnostics).not.toContain("provider_response_error");
    expect(text, diagnostics).not.toMatch(/\\?"code\\?":/);
  }, 120_000);
});
