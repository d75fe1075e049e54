// bin/ccr-cerebras: `code` runs `ccr code` with Claude Code sized for the Cerebras model; `env`/`activate`
// print the exports. The last block runs the real Claude Code binary to prove the variables do what the
// wrapper relies on.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CLAUDE_CODE_BIN, QUIET_CLAUDE_ENV } from "../support/claude-code-harness";
import { isCompactionRequest, startFakeAnthropic } from "./fake-anthropic";
import { makeSandbox, run, type Sandbox, useInstallHelper } from "./support";

const helper = useInstallHelper();
let sb: Sandbox;

beforeEach(async () => {
  sb = makeSandbox(helper());
  sb.stubs("ccr");
  const res = await run("bash", [join(sb.repo, "install.sh"), "--yes"], { env: sb.env() });
  expect(res.code, res.stderr).toBe(0);
});
afterEach(() => sb.cleanup());

const wrapper = () => join(sb.home, ".local/bin/ccr-cerebras");

function codeEnvLine(): string | undefined {
  return sb.readLog().find((l) => l.startsWith("ccr-code-env "));
}

describe("ccr-cerebras code", () => {
  it("runs `ccr code` with the default model's window and capped output, passing the arguments through", async () => {
    const res = await run(wrapper(), ["code", "-p", "hello world", "--verbose"], { env: sb.env() });
    expect(res.code, res.stderr).toBe(0);
    expect(sb.readLog()).toContain("ccr code -p hello world --verbose");
    expect(codeEnvLine()).toBe(
      "ccr-code-env ANTHROPIC_MODEL=cerebras,gpt-oss-120b CLAUDE_CODE_MAX_CONTEXT_TOKENS=131072 CLAUDE_CODE_MAX_OUTPUT_TOKENS=16384",
    );
  });

  it("sizes Claude Code for the model given with --model", async () => {
    const res = await run(wrapper(), ["code", "--model", "cerebras,qwen-3.8-27b"], { env: sb.env() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toContain(
      "ANTHROPIC_MODEL=cerebras,qwen-3.8-27b CLAUDE_CODE_MAX_CONTEXT_TOKENS=65536",
    );
  });

  it("honours the plugin's per-model overrides in the config (e.g. a 65k free-tier window)", async () => {
    const config = JSON.parse(readFileSync(sb.configPath, "utf8"));
    config.transformers[0].options.models = { "gpt-oss-120b": { contextWindow: 65536 } };
    writeFileSync(sb.configPath, JSON.stringify(config));
    const res = await run(wrapper(), ["code"], { env: sb.env() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toContain("CLAUDE_CODE_MAX_CONTEXT_TOKENS=65536");
  });

  it("fails clearly when ccr is not installed", async () => {
    rmSync(join(sb.stubBin, "ccr"));
    const res = await run(wrapper(), ["code"], { env: sb.env() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("npm install -g @musistudio/claude-code-router@2.0.0");
  });

  it("works from the repository checkout without an install (dist/install-config.cjs)", async () => {
    rmSync(join(sb.home, ".claude-code-router/plugins/ccr-cerebras-config.cjs"));
    const res = await run(join(sb.repo, "bin/ccr-cerebras"), ["code"], { env: sb.env() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toContain("CLAUDE_CODE_MAX_CONTEXT_TOKENS=131072");
  });
});

describe("ccr-cerebras env / activate", () => {
  it("prints ccr's exports followed by ours, ready for eval", async () => {
    const res = await run("bash", ["-c", `eval "$("${wrapper()}" activate --model gpt-oss-120b)"; env`], {
      env: sb.env(),
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^ANTHROPIC_BASE_URL=http:\/\/127\.0\.0\.1:3456$/m);
    expect(res.stdout).toMatch(/^ANTHROPIC_MODEL=cerebras,gpt-oss-120b$/m);
    expect(res.stdout).toMatch(/^CLAUDE_CODE_MAX_CONTEXT_TOKENS=131072$/m);
    expect(res.stdout).toMatch(/^CLAUDE_CODE_MAX_OUTPUT_TOKENS=16384$/m);
  });

  it("rejects unknown arguments", async () => {
    const res = await run(wrapper(), ["env", "--bogus"], { env: sb.env() });
    expect(res.code).toBe(1);
  });
});

// The real Claude Code 2.1.330 against a recording fake Anthropic server. The first answer reports 120000
// input tokens: below Claude Code's idea of a 1M window, above the compaction point of Cerebras' 131072.
const CLAUDE = CLAUDE_CODE_BIN;
describe.skipIf(!existsSync(CLAUDE))("the wrapper's variables in the real Claude Code", () => {
  const QUIET = QUIET_CLAUDE_ENV;
  const PROMPT = ["-p", "What does hello.txt say?", "--allowedTools", "Read", "--output-format", "json"];

  function workdir(): string {
    const dir = join(sb.root, "project");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "hello.txt"), "hello\n");
    return dir;
  }

  it("makes Claude Code send max_tokens 16384 to cerebras,<model> and compact before Cerebras' window is full", async () => {
    const cwd = workdir();
    const fake = await startFakeAnthropic({ firstInputTokens: 120_000, readPath: join(cwd, "hello.txt") });
    try {
      const res = await run(wrapper(), ["code", ...PROMPT], {
        cwd,
        env: sb.env({ ...QUIET, STUB_CLAUDE: CLAUDE, STUB_ANTHROPIC_BASE_URL: fake.url }),
        timeoutMs: 60_000,
      });
      expect(res.code, res.stderr + res.stdout).toBe(0);
      const turns = fake.requests.filter((r) => r.body?.messages);
      expect(turns.length).toBeGreaterThanOrEqual(2);
      for (const t of turns) {
        expect(t.body.model).toBe("cerebras,gpt-oss-120b");
        expect(t.body.max_tokens).toBe(16384);
      }
      expect(turns.slice(1).some(isCompactionRequest)).toBe(true);
      expect(JSON.parse(res.stdout).modelUsage["cerebras,gpt-oss-120b"].contextWindow).toBe(131072);
    } finally {
      await fake.close();
    }
  });

  it("control: without the wrapper the same usage does not make Claude Code compact", async () => {
    const cwd = workdir();
    const fake = await startFakeAnthropic({ firstInputTokens: 120_000, readPath: join(cwd, "hello.txt") });
    try {
      const res = await run(CLAUDE, PROMPT, {
        cwd,
        env: {
          HOME: sb.home,
          PATH: sb.toolBin,
          ...QUIET,
          ANTHROPIC_BASE_URL: fake.url,
          ANTHROPIC_AUTH_TOKEN: "test",
        },
        timeoutMs: 60_000,
      });
      expect(res.code, res.stderr + res.stdout).toBe(0);
      const turns = fake.requests.filter((r) => r.body?.messages);
      expect(turns.length).toBeGreaterThanOrEqual(2);
      expect(turns.some(isCompactionRequest)).toBe(false);
      expect(turns[0]!.body.max_tokens).toBeGreaterThan(16384);
    } finally {
      await fake.close();
    }
  });
});
