// bin/ccr-cerebras: `code` runs `ccr code` with Claude Code sized for the Cerebras model; `env`/`activate`
// print the exports. The last block runs the real Claude Code binary to prove the variables do what the
// wrapper relies on.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { CLAUDE_CODE_BIN, QUIET_CLAUDE_ENV } from "../support/claude-code-harness";
import { isCompactionRequest, startFakeAnthropic } from "./fake-anthropic";
import { makeSandbox, run, type Sandbox, useInstallHelper } from "./support";

const helper = useInstallHelper();
let sb: Sandbox;

beforeEach(async () => {
  sb = makeSandbox(helper());
  sb.stubs("ccr", "claude");
  const res = await run("bash", [join(sb.repo, "install.sh"), "--yes"], { env: sb.env() });
  expect(res.code, res.stderr).toBe(0);
});
afterEach(() => sb.cleanup());

// install.sh puts the wrapper next to ccr (here the stub's directory, which is on PATH).
const wrapper = () => join(sb.stubBin, "ccr-cerebras");
/** The environment of tests about what the wrapper hands to `ccr code` (the Cerebras check is tested below). */
const noCheck = (extra: Record<string, string> = {}) => sb.env({ CCR_CEREBRAS_SKIP_CHECK: "1", ...extra });

function codeEnvLine(): string | undefined {
  return sb.readLog().find((l) => l.startsWith("ccr-code-env "));
}

describe("ccr-cerebras code", () => {
  it("runs `ccr code` with the default model's window and capped output, passing the arguments through", async () => {
    const res = await run(wrapper(), ["code", "-p", "hello world", "--verbose"], { env: noCheck() });
    expect(res.code, res.stderr).toBe(0);
    expect(sb.readLog()).toContain("ccr code -p hello world --verbose");
    expect(codeEnvLine()).toBe(
      `ccr-code-env ANTHROPIC_MODEL=cerebras,gpt-oss-120b CLAUDE_CODE_MAX_CONTEXT_TOKENS=131072 CLAUDE_CODE_MAX_OUTPUT_TOKENS=16384 CLAUDE_CONFIG_DIR=${join(sb.home, ".claude-code-router/claude")}`,
    );
  });

  it("sizes Claude Code for the model given with --model", async () => {
    const res = await run(wrapper(), ["code", "--model", "cerebras,qwen-3.8-27b"], { env: noCheck() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toContain(
      "ANTHROPIC_MODEL=cerebras,qwen-3.8-27b CLAUDE_CODE_MAX_CONTEXT_TOKENS=65536",
    );
  });

  it("honours the plugin's per-model overrides in the config (e.g. a 65k free-tier window)", async () => {
    const config = JSON.parse(readFileSync(sb.configPath, "utf8"));
    config.transformers[0].options.models = { "gpt-oss-120b": { contextWindow: 65536 } };
    writeFileSync(sb.configPath, JSON.stringify(config));
    const res = await run(wrapper(), ["code"], { env: noCheck() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toContain("CLAUDE_CODE_MAX_CONTEXT_TOKENS=65536");
  });

  it("fails clearly when ccr is not installed", async () => {
    rmSync(join(sb.stubBin, "ccr"));
    const res = await run(wrapper(), ["code"], { env: noCheck() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("npm install -g @musistudio/claude-code-router@2.0.0");
  });

  it("says how to install Claude Code when there is no `claude` (ccr only printed 'claude: not found')", async () => {
    rmSync(join(sb.stubBin, "claude"));
    const res = await run(wrapper(), ["code"], { env: noCheck() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("Claude Code is not installed: no `claude` on PATH");
    expect(res.stderr).toContain("Fix: npm install -g @anthropic-ai/claude-code");
    expect(sb.readLog().some((line) => line.startsWith("ccr code"))).toBe(false); // nothing was started
    // ccr's own CLAUDE_PATH (environment or config) is honoured.
    const viaEnv = await run(wrapper(), ["code"], { env: noCheck({ CLAUDE_PATH: process.execPath }) });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
  });

  it("works from the repository checkout without an install (dist/install-config.cjs)", async () => {
    rmSync(join(sb.home, ".claude-code-router/plugins/ccr-cerebras-config.cjs"));
    const res = await run(join(sb.repo, "bin/ccr-cerebras"), ["code"], { env: noCheck() });
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

  it("points a plain `claude` in the activated shell at the Cerebras sessions' own configuration, unless shared", async () => {
    const isolated = await run(
      "bash",
      ["-c", `eval "$("${wrapper()}" activate)"; echo "dir=$CLAUDE_CONFIG_DIR"`],
      {
        env: sb.env(),
      },
    );
    expect(isolated.code, isolated.stderr).toBe(0);
    expect(isolated.stdout).toContain(`dir=${join(sb.home, ".claude-code-router/claude")}`);
    expect(existsSync(join(sb.home, ".claude-code-router/claude/.claude.json"))).toBe(true);
    const shared = await run(
      "bash",
      ["-c", `eval "$("${wrapper()}" activate --share-claude-config)"; echo "dir=$CLAUDE_CONFIG_DIR"`],
      { env: sb.env() },
    );
    expect(shared.code, shared.stderr).toBe(0);
    expect(shared.stdout).toMatch(/^dir=$/m);
  });

  it("rejects unknown arguments", async () => {
    const res = await run(wrapper(), ["env", "--bogus"], { env: noCheck() });
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
        env: noCheck({ ...QUIET, STUB_CLAUDE: CLAUDE, STUB_ANTHROPIC_BASE_URL: fake.url }),
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

describe("ccr-cerebras: what it says before anything starts", () => {
  it("`ccr-cerebras bogus` names the bad command", async () => {
    const res = await run(wrapper(), ["bogus"], { env: sb.env() });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^ccr-cerebras: unknown command: bogus$/m);
  });

  it("ccr 3.x: refused before Claude Code starts, with the command that installs 2.0.0", async () => {
    const res = await run(wrapper(), ["code"], { env: noCheck({ STUB_CCR_VERSION: "3.0.2" }) });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("ccr 3.0.2 is installed; ccr-cerebras works with ccr 1.0.x and 2.0.x only");
    expect(res.stderr).toContain("Fix: npm install -g @musistudio/claude-code-router@2.0.0");
    expect(codeEnvLine()).toBeUndefined();
  });
});

describe("ccr-cerebras code: the Cerebras check (a real emulator; key and model as Cerebras sees them)", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b", "qwen-3.8-27b"], keys: ["csk-good"] });
    const res = await run(
      "bash",
      [join(sb.repo, "install.sh"), "--yes", "--base-url", emu.url, "--model", "gpt-oss-120b"],
      {
        env: sb.env(),
      },
    );
    expect(res.code, res.stderr).toBe(0);
  });
  afterEach(async () => emu.close());

  const modelCalls = () => emu.log.filter((r) => r.path.startsWith("/v1/models")).length;

  it("a good key and a served model: Claude Code starts", async () => {
    const res = await run(wrapper(), ["code"], { env: sb.env({ CEREBRAS_API_KEY: "csk-good" }) });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toBe("");
    expect(codeEnvLine()).toContain("ANTHROPIC_MODEL=cerebras,gpt-oss-120b");
  });

  it("no key: the cause and the fix, and Claude Code is not started", async () => {
    const before = modelCalls();
    const res = await run(wrapper(), ["code"], { env: sb.env() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("no Cerebras key: CEREBRAS_API_KEY is not set in this shell");
    expect(res.stderr).toContain("Fix: export CEREBRAS_API_KEY=csk-...");
    expect(codeEnvLine()).toBeUndefined();
    expect(modelCalls()).toBe(before);
  });

  it("a wrong key: Cerebras' 401 named, with the fix; the key value is not printed", async () => {
    const res = await run(wrapper(), ["code"], { env: sb.env({ CEREBRAS_API_KEY: "csk-wrong-123" }) });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /Cerebras refused the key CEREBRAS_API_KEY \(HTTP 401 from http:\/\/127\.0\.0\.1:\d+\/v1\/models\)/,
    );
    expect(res.stderr).not.toContain("csk-wrong-123");
    expect(codeEnvLine()).toBeUndefined();
  });

  it("a model Cerebras does not serve: the live models and the --model fix", async () => {
    const res = await run(wrapper(), ["code", "--model", "cerebras,zai-glm-4.7"], {
      env: sb.env({ CEREBRAS_API_KEY: "csk-good" }),
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      "model zai-glm-4.7 is not served by Cerebras to this key (Cerebras retired it on 2026-08-17)",
    );
    expect(res.stderr).toContain("Fix: ccr-cerebras code --model cerebras,gpt-oss-120b");
    expect(codeEnvLine()).toBeUndefined();
  });

  it.skipIf(!existsSync("/proc/self/environ"))(
    "a running ccr started without the key: tells to restart it with the key exported",
    async () => {
      // Stands in for a ccr started from a shell without the key: a process with the PID file pointing at it.
      const ccr = spawn("sleep", ["60"], { env: { PATH: sb.env().PATH }, stdio: "ignore" });
      try {
        const dir = join(sb.home, ".claude-code-router");
        writeFileSync(join(dir, ".claude-code-router.pid"), String(ccr.pid));
        const res = await run(wrapper(), ["code"], { env: sb.env({ CEREBRAS_API_KEY: "csk-good" }) });
        expect(res.code).toBe(1);
        expect(res.stderr).toContain(
          `ccr is running (pid ${ccr.pid}) without a Cerebras key in its environment`,
        );
        expect(res.stderr).toContain("then: ccr restart");
        expect(codeEnvLine()).toBeUndefined();
      } finally {
        if (ccr.pid) process.kill(ccr.pid, "SIGKILL");
      }
    },
  );

  it("CCR_CEREBRAS_SKIP_CHECK=1 skips it", async () => {
    const res = await run(wrapper(), ["code"], { env: noCheck() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toBeDefined();
  });
});

describe("ccr-cerebras code: Claude Code's configuration of Cerebras sessions is its own", () => {
  const isolated = () => join(sb.home, ".claude-code-router/claude");

  it("points CLAUDE_CONFIG_DIR at ~/.claude-code-router/claude, seeded from the user's answers; the user's files are only read", async () => {
    const userJson = join(sb.home, ".claude.json");
    const project = join(sb.root, "project");
    const userText = JSON.stringify({
      theme: "light",
      projects: { [project]: { hasTrustDialogAccepted: true } },
    });
    writeFileSync(userJson, userText);
    const res = await run(wrapper(), ["code"], { env: noCheck() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toContain(`CLAUDE_CONFIG_DIR=${isolated()}`);
    expect(JSON.parse(readFileSync(join(isolated(), ".claude.json"), "utf8"))).toEqual({
      hasCompletedOnboarding: true,
      theme: "light",
      projects: { [project]: { hasTrustDialogAccepted: true } },
    });
    expect(readFileSync(userJson, "utf8")).toBe(userText);
    expect(existsSync(join(sb.home, ".claude"))).toBe(false);
  });

  it("--share-claude-config (or CCR_CEREBRAS_SHARE_CLAUDE_CONFIG=1) keeps the user's configuration, and the flag is not passed on", async () => {
    const res = await run(wrapper(), ["code", "--share-claude-config", "-p", "hi"], { env: noCheck() });
    expect(res.code, res.stderr).toBe(0);
    expect(codeEnvLine()).toMatch(/ CLAUDE_CONFIG_DIR=$/);
    expect(sb.readLog()).toContain("ccr code -p hi");
    rmSync(sb.log);
    writeFileSync(sb.log, "");
    const viaEnv = await run(wrapper(), ["code"], {
      env: noCheck({ CCR_CEREBRAS_SHARE_CLAUDE_CONFIG: "1" }),
    });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(codeEnvLine()).toMatch(/ CLAUDE_CONFIG_DIR=$/);
    expect(existsSync(isolated())).toBe(false);
  });
});

describe("ccr-cerebras code: plugin options the plugin would reject", () => {
  it("are named before Claude Code starts (the plugin would answer every request with a 400)", async () => {
    const config = JSON.parse(readFileSync(sb.configPath, "utf8"));
    config.transformers[0].options.maxCompletionTokens = "lots";
    writeFileSync(sb.configPath, JSON.stringify(config));
    const res = await run(wrapper(), ["code"], { env: sb.env({ CEREBRAS_API_KEY: "csk-any" }) });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("maxCompletionTokens");
    expect(res.stderr).toContain("Fix: correct transformers[].options in the config, then: ccr restart");
    expect(codeEnvLine()).toBeUndefined();
  });
});
