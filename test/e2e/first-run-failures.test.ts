// What a user sees, and after how long, when the first run goes wrong: the installed `ccr-cerebras code`
// with a real ccr 2.0.0, the real Claude Code CLI and the strict Cerebras emulator. First what the
// wrapper's pre-start check stops (no key, wrong key, a model not served, a running ccr without the key,
// ccr 3.x); then, with the check skipped (a key revoked or a model retired while ccr runs), what Claude
// Code itself shows: one attempt, no retries, the plugin's message on screen. Each case prints its
// measured seconds and text (the README's failure table comes from these lines); the assertions are on
// the texts and on the number of attempts, never on the time.
//
// The in-session cases run with the pinned Claude Code (2.1.330) and the newest on npm (2.1.332, the
// `cc-newest` alias); CCR_CEREBRAS_TEST_CLAUDE=<path of another Claude Code binary> adds that build too.

import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import { makeSandbox, run, type Sandbox, useInstallHelper } from "../install/support";
import { type CcrInstance, ccrCliPath, freePort, startCcr } from "../support/ccr-harness";
import {
  CLAUDE_CODE_BIN,
  CLAUDE_CODE_NEWEST_BIN,
  parseStreamJson,
  QUIET_CLAUDE_ENV,
} from "../support/claude-code-harness";
import { builtPluginPath } from "../support/plugin-path";

const GOOD = "csk-good-key";
const PROMPT = ["-p", "Say hello.", "--output-format", "stream-json", "--verbose"];

interface Measured {
  case: string;
  cli: string;
  seconds: number;
  text: string;
}
const measured: Measured[] = [];

function shim(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

const EXTRA_CLI = process.env.CCR_CEREBRAS_TEST_CLAUDE;
const CLIS: Array<{ name: string; bin: string }> = [
  { name: "2.1.330", bin: CLAUDE_CODE_BIN },
  { name: "2.1.332", bin: CLAUDE_CODE_NEWEST_BIN },
  ...(EXTRA_CLI && existsSync(EXTRA_CLI) ? [{ name: "CCR_CEREBRAS_TEST_CLAUDE", bin: EXTRA_CLI }] : []),
];

describe("first-run failures: the text on screen and the seconds until it appears (real ccr 2.0.0, real Claude Code)", () => {
  const helper = useInstallHelper();
  let box: Sandbox;
  let emu: Emulator;
  let port: number;
  let ccr: CcrInstance | undefined;
  const wrapper = () => join(box.stubBin, "ccr-cerebras");

  beforeAll(async () => {
    box = makeSandbox(helper());
    copyFileSync(builtPluginPath(), join(box.repo, "dist", "cerebras-transformer.cjs"));
    shim(join(box.stubBin, "ccr"), `exec "${process.execPath}" "${ccrCliPath("2.0.0")}" "$@"`);
    emu = await startCerebrasEmulator({ models: ["gpt-oss-120b", "qwen-3.8-27b"], keys: [GOOD] });
    port = await freePort();
    const install = await run(
      "bash",
      [
        join(box.repo, "install.sh"),
        "--yes",
        "--base-url",
        emu.url,
        "--model",
        "gpt-oss-120b",
        "--port",
        String(port),
      ],
      { env: box.env(), timeoutMs: 30_000 },
    );
    expect(install.code, install.stderr + install.stdout).toBe(0);
  });

  afterAll(async () => {
    await ccr?.stop();
    await emu?.close();
    box?.cleanup();
    const rows = measured.map(
      (m) => `| ${m.case} | ${m.cli} | ${m.seconds.toFixed(1)} s | ${m.text.replaceAll("\n", " ")} |`,
    );
    console.log(
      ["[first-run failures, measured]", "| case | Claude Code | seconds | text |", ...rows].join("\n"),
    );
  });

  /** Runs the installed wrapper; returns what the user sees (stderr, or Claude Code's final text) and the time. */
  async function runWrapper(
    caseName: string,
    cli: { name: string; bin: string },
    args: string[],
    env: Record<string, string>,
  ) {
    const started = Date.now();
    const res = await run(wrapper(), ["code", ...args, ...PROMPT], {
      env: box.env({ ...QUIET_CLAUDE_ENV, CLAUDE_PATH: cli.bin, ...env }),
      cwd: box.root,
      timeoutMs: 120_000,
    });
    const seconds = (Date.now() - started) / 1000;
    const events = parseStreamJson(res.stdout);
    const result = events.findLast((e) => e?.type === "result");
    const text = (result?.result as string | undefined) ?? res.stderr.trim();
    measured.push({ case: caseName, cli: cli.name, seconds, text });
    return { res, events, result, text };
  }

  describe("stopped before Claude Code starts (the wrapper's check)", () => {
    const cli = CLIS[0]!;

    it("no key", async () => {
      const { res, text } = await runWrapper("no key", cli, [], {});
      expect(res.code).toBe(1);
      expect(text).toContain("no Cerebras key: CEREBRAS_API_KEY is not set in this shell");
      expect(text).toContain("Fix: export CEREBRAS_API_KEY=");
    });

    it("wrong key", async () => {
      const { res, text } = await runWrapper("wrong key", cli, [], { CEREBRAS_API_KEY: "csk-wrong" });
      expect(res.code).toBe(1);
      expect(text).toMatch(/Cerebras refused the key CEREBRAS_API_KEY \(HTTP 401 from .*\/v1\/models\)/);
    });

    it("a model Cerebras does not serve", async () => {
      const { res, text } = await runWrapper("model not served", cli, ["--model", "cerebras,zai-glm-4.7"], {
        CEREBRAS_API_KEY: GOOD,
      });
      expect(res.code).toBe(1);
      expect(text).toContain("model zai-glm-4.7 is not served by Cerebras to this key");
      expect(text).toContain("gpt-oss-120b, qwen-3.8-27b");
    });

    it("ccr 3.x", async () => {
      const real = readFileSync(join(box.stubBin, "ccr"), "utf8");
      shim(join(box.stubBin, "ccr"), 'echo "claude-code-router version: 3.0.1"');
      try {
        const { res, text } = await runWrapper("ccr 3.x", cli, [], { CEREBRAS_API_KEY: GOOD });
        expect(res.code).toBe(1);
        expect(text).toContain("ccr 3.0.1 is installed; ccr-cerebras works with ccr 1.0.x and 2.0.x only");
      } finally {
        writeFileSync(join(box.stubBin, "ccr"), real);
      }
    });

    it.skipIf(!existsSync("/proc/self/environ"))("ccr started without the key", async () => {
      ccr = await startCcr({
        version: "2.0.0",
        home: box.home,
        config: { configText: readFileSync(box.configPath, "utf8") },
        port,
        env: { PATH: box.env().PATH! },
      });
      const { res, text } = await runWrapper("ccr started without the key", cli, [], {
        CEREBRAS_API_KEY: GOOD,
      });
      expect(res.code).toBe(1);
      expect(text).toContain(`ccr is running (pid ${ccr.pid}) without a Cerebras key in its environment`);
    });
  });

  describe.each(CLIS)("shown by Claude Code $name during a session (check skipped)", (cli) => {
    async function ccrWith(env: Record<string, string>): Promise<void> {
      await ccr?.stop();
      ccr = await startCcr({
        version: "2.0.0",
        home: box.home,
        config: { configText: readFileSync(box.configPath, "utf8") },
        port,
        env: { PATH: box.env().PATH!, ...env },
      });
    }
    const retries = (events: any[]) =>
      events.filter((e) => e?.type === "system" && e.subtype === "api_retry");

    it("ccr without the key: 403 shown after one attempt", async () => {
      await ccrWith({});
      const { result, events, text } = await runWrapper("ccr without the key (in session)", cli, [], {
        CCR_CEREBRAS_SKIP_CHECK: "1",
      });
      expect(result?.is_error).toBe(true);
      expect(text).toMatch(
        /^Failed to authenticate\. API Error: 403 No Cerebras API key: set CEREBRAS_API_KEY/,
      );
      expect(text).toContain("ccr restart");
      expect(retries(events)).toEqual([]);
    });

    it("a key Cerebras refuses: 403 shown after one attempt", async () => {
      await ccrWith({ CEREBRAS_API_KEY: "csk-revoked" });
      const before = emu.requests.length;
      const { result, events, text } = await runWrapper("refused key (in session)", cli, [], {
        CCR_CEREBRAS_SKIP_CHECK: "1",
      });
      expect(result?.is_error).toBe(true);
      expect(text).toMatch(/^Failed to authenticate\. API Error: 403 Cerebras rejected the API key/);
      expect(text).toContain("CEREBRAS_API_KEY");
      expect(retries(events)).toEqual([]);
      expect(emu.requests.length - before).toBe(1);
    });

    it("a model Cerebras does not serve: 410 shown with the live models after one attempt", async () => {
      await ccrWith({ CEREBRAS_API_KEY: GOOD });
      const before = emu.requests.length;
      const { result, events, text } = await runWrapper(
        "model not served (in session)",
        cli,
        ["--model", "cerebras,zai-glm-4.7"],
        { CCR_CEREBRAS_SKIP_CHECK: "1" },
      );
      expect(result?.is_error).toBe(true);
      expect(text).toMatch(
        /^API Error: 410 model 'zai-glm-4\.7' is not available on Cerebras \(retired by Cerebras on 2026-08-17\)\. Live models: gpt-oss-120b, qwen-3\.8-27b/,
      );
      expect(retries(events)).toEqual([]);
      expect(emu.requests.length - before).toBe(1);
    });
  });
});
