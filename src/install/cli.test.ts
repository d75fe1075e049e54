import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliIo, runInstallCli } from "./cli";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const TODAY = new Date("2026-11-22T00:00:00Z");
const BASE = "https://api.cerebras.ai/v1";

/** A listing answered by a fake fetch (openrouter form); `null`: Cerebras cannot be reached. */
function io(listing: object[] | null, env: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), "ccr-cli-"));
  dirs.push(home);
  let out = "";
  let err = "";
  const calls: string[] = [];
  const value: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env: { HOME: home, CEREBRAS_API_KEY: "csk-1", ...env },
    now: () => TODAY,
    fetchImpl: async (url) => {
      calls.push(url);
      if (!listing) throw new Error("getaddrinfo ENOTFOUND");
      return { ok: true, status: 200, json: async () => ({ data: listing }) };
    },
  };
  return { io: value, home, out: () => out, err: () => err, calls };
}

describe("install-config discover --source default", () => {
  it("picks zai-glm-4.7 only when served, else gpt-oss-120b, else the first served, in one line", async () => {
    const cases: Array<[string[], string]> = [
      [["gpt-oss-120b", "zai-glm-4.7"], "zai-glm-4.7"],
      [["qwen-3.8-27b", "gpt-oss-120b"], "gpt-oss-120b"],
      [["qwen-3.8-27b"], "qwen-3.8-27b"],
    ];
    for (const [served, want] of cases) {
      const c = io(served.map((id) => ({ id: `cerebras/${id}` })));
      const args = ["discover", "--base-url", BASE, "--model", "gpt-oss-120b", "--source", "default"];
      expect(await runInstallCli(args, c.io)).toBe(0);
      const lines = c.out().split("\n");
      expect(lines).toContain(`model ${want}`);
      expect(lines.filter((l) => l.startsWith("say "))).toHaveLength(1);
      expect(c.out()).toMatch(new RegExp(`say models: default model ${want} \\(`));
    }
  });

  it("offline: the table's best live model, saying why", async () => {
    const c = io(null);
    await runInstallCli(
      ["discover", "--base-url", BASE, "--model", "gpt-oss-120b", "--source", "default"],
      c.io,
    );
    expect(c.out()).toContain("model gpt-oss-120b\n");
    expect(c.out()).toMatch(/say models: default model gpt-oss-120b \(no model listing .*built-in table/);
  });

  it("keeps a model named with --model, warning when it is not served", async () => {
    const c = io([{ id: "gpt-oss-120b" }]);
    await runInstallCli(["discover", "--base-url", BASE, "--model", "zai-glm-4.7"], c.io);
    expect(c.out()).not.toMatch(/^model /m);
    expect(c.out()).toMatch(/^warn zai-glm-4\.7 is not among the models Cerebras serves to this key/m);
  });
});

describe("the saved listing: env and models", () => {
  const listing = [
    {
      id: "cerebras/gpt-oss-120b",
      context_length: 65536,
      max_output_length: 8192,
      input_modalities: ["text"],
    },
    { id: "cerebras/qwen-3.8-27b", context_length: 65536, max_output_length: 32768 },
  ];

  it("discover saves the listing; env then sizes Claude Code from it without asking again", async () => {
    const c = io(listing);
    await runInstallCli(["discover", "--base-url", BASE, "--model", "gpt-oss-120b"], c.io);
    const file = join(c.home, ".claude-code-router", "cerebras-models.json");
    expect(readFileSync(file, "utf8")).not.toContain("csk-1");
    const before = c.calls.length;
    const config = join(c.home, "config.json");
    writeFileSync(config, JSON.stringify({ Providers: [] }));
    await runInstallCli(["env", "--config", config, "--model", "gpt-oss-120b", "--format", "lines"], c.io);
    expect(c.calls.length).toBe(before); // the wrapper never waits on the network
    expect(c.out()).toContain("CLAUDE_CODE_MAX_CONTEXT_TOKENS=65536\n");
    expect(c.out()).toContain("CLAUDE_CODE_MAX_OUTPUT_TOKENS=8192\n");
  });

  it("models prints the catalogue as the plugin sees it, and falls back to the saved one offline", async () => {
    const c = io(listing);
    expect(await runInstallCli(["models"], c.io)).toBe(0);
    expect(c.out()).toMatch(/^# listing of https:\/\/api\.cerebras\.ai\/v1\/models, fetched now/);
    expect(c.out()).toMatch(
      /^gpt-oss-120b\s+65536\s+8192\s+no\s+low\/medium\/high, replay plain\s+-\s+listing$/m,
    );
    expect(c.out()).toContain("claude-* requests go to: gpt-oss-120b\n");
    const offline = io(null, { HOME: c.home });
    await runInstallCli(["models"], offline.io);
    expect(offline.out()).toMatch(/could not be read .*; saved listing of 2026-11-22/);
    expect(offline.out()).toMatch(/^qwen-3\.8-27b\s+65536\s+32768\s/m);
  });
});

describe("install-config flags (util.parseArgs)", () => {
  it("takes --name value and --name=value alike", async () => {
    const spaced = io(null);
    const joined = io(null);
    expect(
      await runInstallCli(
        ["resolve", "--config", join(spaced.home, "c.json"), "--model", "qwen-3.8-27b"],
        spaced.io,
      ),
    ).toBe(0);
    expect(
      await runInstallCli(
        ["resolve", `--config=${join(spaced.home, "c.json")}`, "--model=qwen-3.8-27b"],
        joined.io,
      ),
    ).toBe(0);
    expect(joined.out()).toBe(spaced.out());
    expect(spaced.out()).toContain("model=qwen-3.8-27b\n");
  });

  it("answers a stray argument, a missing value and an unknown flag with a usage error (exit 2) naming it", async () => {
    const cases: Array<[string[], string]> = [
      [["resolve", "stray"], "unexpected argument: stray"],
      [["resolve", "--config"], "--config"],
      [["resolve", "--bogus", "x"], "--bogus"],
    ];
    for (const [args, says] of cases) {
      const c = io(null);
      expect(await runInstallCli(args, c.io)).toBe(2);
      expect(c.err()).toContain(says);
    }
  });
});
