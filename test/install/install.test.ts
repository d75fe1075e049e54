// install.sh run for real under a temporary HOME with a controlled PATH (see support.ts).

import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import JSON5 from "json5";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listFiles, makeSandbox, modeOf, run, type Sandbox, useInstallHelper } from "./support";

const helper = useInstallHelper();
let sb: Sandbox;

beforeEach(() => {
  sb = makeSandbox(helper());
});
afterEach(() => sb.cleanup());

function install(args: string[], extraEnv: Record<string, string> = {}, input?: string) {
  return run("bash", [join(sb.repo, "install.sh"), ...args], { env: sb.env(extraEnv), input });
}

function writeConfig(text: string): void {
  mkdirSync(join(sb.home, ".claude-code-router"), { recursive: true });
  writeFileSync(sb.configPath, text);
}

function readConfig(): Record<string, any> {
  return JSON.parse(readFileSync(sb.configPath, "utf8"));
}

function backups(): string[] {
  const dir = join(sb.home, ".claude-code-router");
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith("config.json.bak-")) : [];
}

/** path → content of every file under HOME, to prove a run wrote nothing. */
function snapshotHome(): Map<string, string> {
  return new Map(listFiles(sb.home).map((f) => [f, readFileSync(f, "utf8")]));
}

const JSON5_CONFIG = `{
  // ccr settings, written by hand
  PORT: 3456,
  LOG_LEVEL: "info",
  Providers: [
    {
      name: "openrouter",
      api_base_url: "https://openrouter.ai/api/v1/chat/completions",
      api_key: "$OPENROUTER_API_KEY",
      models: ["anthropic/claude-sonnet-4", "google/gemini-2.5-pro"],
      transformer: { use: ["openrouter"] }, // trailing comma below
    },
    { name: "ollama", api_base_url: "http://localhost:11434/v1/chat/completions", api_key: "ollama", models: ["qwen2.5-coder"] },
  ],
  Router: { default: "openrouter,anthropic/claude-sonnet-4", },
}
`;

describe("install.sh", () => {
  it("fresh install: plugin, helper, wrapper, and a config ccr can load (absolute path, string transformer)", async () => {
    const res = await install(["--skip-ccr"]);
    expect(res.code, res.stderr).toBe(0);
    const pluginPath = join(sb.home, ".claude-code-router/plugins/cerebras-transformer.cjs");
    expect(readFileSync(pluginPath, "utf8")).toBe(
      readFileSync(join(sb.repo, "dist/cerebras-transformer.cjs"), "utf8"),
    );
    expect(existsSync(join(sb.home, ".claude-code-router/plugins/ccr-cerebras-config.cjs"))).toBe(true);
    expect(modeOf(join(sb.home, ".local/bin/ccr-cerebras")) & 0o111).toBe(0o111);
    expect(modeOf(sb.configPath)).toBe(0o600);
    // ccr writes prompts into logs inside it: owner only.
    expect(modeOf(join(sb.home, ".claude-code-router"))).toBe(0o700);
    expect(backups()).toEqual([]);

    const config = readConfig();
    // No key, no listing: the table's best live model (zai-glm-4.7 is retired on shared inference).
    expect(config.transformers).toEqual([
      { path: pluginPath, options: { defaultModel: "gpt-oss-120b" }, setByInstaller: ["LOG_LEVEL"] },
    ]);
    expect(config.LOG_LEVEL).toBe("info");
    expect(res.stdout).toContain('set LOG_LEVEL to "info"');
    expect(modeOf(join(sb.home, ".claude-code-router/logs"))).toBe(0o700);
    const provider = config.Providers.find((p: any) => p.name === "cerebras");
    expect(provider.api_base_url).toBe("https://api.cerebras.ai/v1/chat/completions");
    expect(provider.api_key).toBe("$CEREBRAS_API_KEY");
    expect(provider.transformer).toEqual({ use: ["ccr-cerebras"] });
    expect(provider.models).toEqual(expect.arrayContaining(["zai-glm-4.7", "gpt-oss-120b"]));
    expect(config.Router).toEqual({
      default: "cerebras,gpt-oss-120b",
      background: "cerebras,gpt-oss-120b",
      think: "cerebras,gpt-oss-120b",
    });
    expect(res.stdout).toContain("ccr-cerebras code");
    expect(res.stdout).toContain("/model cerebras,");
    expect(res.stdout).toContain("models: default model gpt-oss-120b (no model listing");
  });

  it("refuses to write plugin options the plugin would reject, naming them; the config is left untouched", async () => {
    const text = JSON.stringify({
      transformers: [
        { path: "/old/cerebras-transformer.cjs", options: { relay: "false", maxCompletionToken: 8192 } },
      ],
    });
    writeConfig(text);
    const res = await install(["--skip-ccr"]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('relay = "false": expected true or false');
    expect(res.stderr).toContain("maxCompletionToken = 8192 (did you mean maxCompletionTokens?)");
    expect(readFileSync(sb.configPath, "utf8")).toBe(text);
    expect(backups()).toEqual([]);
  });

  it("an existing ~/.claude-code-router of mode 755 (ccr's prompt logs inside) becomes 700", async () => {
    writeConfig(JSON5_CONFIG);
    chmodSync(join(sb.home, ".claude-code-router"), 0o755);
    const res = await install(["--skip-ccr"]);
    expect(res.code, res.stderr).toBe(0);
    expect(modeOf(join(sb.home, ".claude-code-router"))).toBe(0o700);
  });

  it("merges into a JSON5 config with comments and other providers, backing the original up first", async () => {
    writeConfig(JSON5_CONFIG);
    const res = await install(["--skip-ccr", "--model", "gpt-oss-120b", "--models", "qwen-3.8-27b"]);
    expect(res.code, res.stderr).toBe(0);
    const original = JSON5.parse(JSON5_CONFIG);
    const config = readConfig();
    expect(config.Providers.slice(0, 2)).toEqual(original.Providers);
    expect(config.PORT).toBe(3456);
    expect(config.LOG_LEVEL).toBe("info");
    expect(config.Router.default).toBe("openrouter,anthropic/claude-sonnet-4"); // set by the user: kept
    // A cerebras think model would take every Claude Code 2.1.x turn from the user's own default (RT3).
    expect(config.Router.think).toBeUndefined();
    expect(res.stdout).toMatch(/left Router\.think unset/);
    expect(config.Providers[2].models.slice(0, 2)).toEqual(["gpt-oss-120b", "qwen-3.8-27b"]);
    expect(res.stdout).toMatch(/kept Router\.default/);

    const [backup] = backups();
    expect(backup).toMatch(/^config\.json\.bak-\d{8}-\d{6}$/);
    const backupPath = join(sb.home, ".claude-code-router", backup!);
    expect(readFileSync(backupPath, "utf8")).toBe(JSON5_CONFIG);
    expect(modeOf(backupPath)).toBe(0o600);
  });

  it("running twice changes nothing the second time and makes no new backup", async () => {
    writeConfig(JSON5_CONFIG);
    expect((await install(["--skip-ccr", "--model", "gpt-oss-120b"])).code).toBe(0);
    const before = snapshotHome();
    const mtime = statSync(sb.configPath).mtimeMs;
    const second = await install(["--skip-ccr"]); // no --model: keeps the model chosen before
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("config: unchanged");
    expect(second.stdout).not.toMatch(/file: (install|updat)ed/);
    expect(snapshotHome()).toEqual(before);
    expect(statSync(sb.configPath).mtimeMs).toBe(mtime);
    expect(backups()).toHaveLength(1);
  });

  it("a new plugin build replaces the installed copy; the config stays as it is", async () => {
    expect((await install(["--skip-ccr"])).code).toBe(0);
    writeFileSync(
      join(sb.repo, "dist/cerebras-transformer.cjs"),
      "// newer build\nmodule.exports = class {};\n",
    );
    const res = await install(["--skip-ccr"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/file: updated \S+\/plugins\/cerebras-transformer\.cjs/);
    expect(res.stdout).toContain("config: unchanged");
    expect(
      readFileSync(join(sb.home, ".claude-code-router/plugins/cerebras-transformer.cjs"), "utf8"),
    ).toContain("newer");
  });

  it("--dry-run writes nothing and prints the unified diff a real run then applies", async () => {
    writeConfig(JSON5_CONFIG);
    const before = snapshotHome();
    const dry = await install(["--skip-ccr", "--dry-run", "--port", "13456"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(snapshotHome()).toEqual(before);
    expect(existsSync(join(sb.home, ".claude-code-router/plugins"))).toBe(false);
    expect(dry.stdout).toContain("would update");
    expect(dry.stdout).toMatch(/^- {2}"PORT": 3456,$/m);
    expect(dry.stdout).toMatch(/^\+ {2}"PORT": 13456,$/m);
    expect(dry.stdout).toContain("JSON5");

    const diff = dry.stdout.slice(
      dry.stdout.indexOf("--- "),
      dry.stdout.indexOf("file: would install", dry.stdout.indexOf("--- ")),
    );
    const real = await install(["--skip-ccr", "--port", "13456"]);
    expect(real.code).toBe(0);
    // Apply the printed diff with GNU patch to the parsed original: it must give the file just written.
    const normalized = join(sb.root, "normalized.json");
    writeFileSync(normalized, `${JSON.stringify(JSON5.parse(JSON5_CONFIG), null, 2)}\n`);
    const patched = await run("patch", ["-s", "-o", join(sb.root, "patched.json"), normalized], {
      env: { PATH: "/usr/bin:/bin" },
      input: diff,
    });
    expect(patched.code, patched.stderr + patched.stdout).toBe(0);
    expect(readFileSync(join(sb.root, "patched.json"), "utf8")).toBe(readFileSync(sb.configPath, "utf8"));
  });

  it("--uninstall removes exactly what was added: other providers stay byte-for-byte, files are gone", async () => {
    const plain = `${JSON.stringify(JSON5.parse(JSON5_CONFIG), null, 2)}\n`;
    writeConfig(plain);
    expect((await install(["--skip-ccr"])).code).toBe(0);
    const res = await install(["--uninstall"]);
    expect(res.code, res.stderr).toBe(0);
    expect(readFileSync(sb.configPath, "utf8")).toBe(plain);
    for (const f of ["plugins/cerebras-transformer.cjs", "plugins/ccr-cerebras-config.cjs"]) {
      expect(existsSync(join(sb.home, ".claude-code-router", f))).toBe(false);
    }
    expect(existsSync(join(sb.home, ".local/bin/ccr-cerebras"))).toBe(false);
    expect(backups()).toHaveLength(2);
  });

  it("--uninstall after a fresh install removes the config file it created (not {Providers:[],Router:{}})", async () => {
    expect((await install(["--skip-ccr"])).code).toBe(0);
    const res = await install(["--uninstall"]);
    expect(res.code, res.stderr).toBe(0);
    expect(existsSync(sb.configPath)).toBe(false);
    expect(res.stdout).toContain("config: removed");
    expect(backups()).toHaveLength(1);
    for (const b of backups()) expect(modeOf(join(sb.home, ".claude-code-router", b))).toBe(0o600);
  });

  it("keeps at most five config backups however often it runs", async () => {
    for (const model of [
      "gpt-oss-120b",
      "qwen-3.8-27b",
      "gpt-oss-120b",
      "qwen-3.8-27b",
      "gpt-oss-120b",
      "qwen-3.8-27b",
      "gpt-oss-120b",
    ]) {
      expect((await install(["--skip-ccr", "--model", model])).code).toBe(0);
    }
    expect(backups()).toHaveLength(5);
  });

  it("makes the ccr log directory private and existing log files 600 (ccr logs request bodies)", async () => {
    const logs = join(sb.home, ".claude-code-router/logs");
    mkdirSync(logs, { recursive: true, mode: 0o755 });
    writeFileSync(join(logs, "ccr-20261129.log"), "prompt bodies\n", { mode: 0o644 });
    expect((await install(["--skip-ccr"])).code).toBe(0);
    expect(modeOf(logs)).toBe(0o700);
    expect(modeOf(join(logs, "ccr-20261129.log"))).toBe(0o600);
  });

  it("puts ccr-cerebras next to ccr (on PATH wherever ccr runs), so the README's one-liner finds it", async () => {
    sb.stubs("ccr");
    const res = await install(["--yes"]);
    expect(res.code, res.stderr).toBe(0);
    expect(modeOf(join(sb.stubBin, "ccr-cerebras")) & 0o111).toBe(0o111);
    expect(existsSync(join(sb.home, ".local/bin/ccr-cerebras"))).toBe(false);
    expect(res.stderr).not.toContain("not on your PATH");
    expect(res.stdout).toMatch(/^ {2}ccr-cerebras code /m);
    const un = await install(["--uninstall"]);
    expect(un.code, un.stderr).toBe(0);
    expect(existsSync(join(sb.stubBin, "ccr-cerebras"))).toBe(false);
  });

  it("without ccr or npm on PATH it falls back to ~/.local/bin and prints the full path to run", async () => {
    const res = await install(["--skip-ccr"]);
    expect(res.code, res.stderr).toBe(0);
    const wrapper = join(sb.home, ".local/bin/ccr-cerebras");
    expect(existsSync(wrapper)).toBe(true);
    expect(res.stderr).toContain(".local/bin is not on your PATH");
    expect(res.stdout).toContain(`  ${wrapper} code`);
  });

  it("--uninstall --dry-run shows the removal and writes nothing", async () => {
    writeConfig(JSON5_CONFIG);
    expect((await install(["--skip-ccr"])).code).toBe(0);
    const before = snapshotHome();
    const res = await install(["--uninstall", "--dry-run"]);
    expect(res.code, res.stderr).toBe(0);
    expect(snapshotHome()).toEqual(before);
    expect(res.stdout).toMatch(/^-\s+"name": "cerebras",$/m);
    expect(res.stdout).toContain("file: would remove");
  });

  it("--uninstall keeps a ccr-cerebras command that is not ours", async () => {
    expect((await install(["--skip-ccr"])).code).toBe(0);
    writeFileSync(join(sb.home, ".local/bin/ccr-cerebras"), "#!/bin/sh\necho mine\n");
    expect((await install(["--uninstall"])).code).toBe(0);
    expect(readFileSync(join(sb.home, ".local/bin/ccr-cerebras"), "utf8")).toContain("mine");
  });

  it("refuses a malformed config with line and column, and leaves it (and everything else) untouched", async () => {
    const broken = '{\n  "Providers": [\n    { "name": "x" }\n    { "name": "y" }\n  ]\n}\n';
    writeConfig(broken);
    const before = snapshotHome();
    const res = await install(["--skip-ccr", "--yes"]);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/not valid JSON5 at line 4, column 5/);
    expect(res.stderr).toContain("left untouched");
    expect(snapshotHome()).toEqual(before);
  });

  it("refuses ccr 3.x with the exact command to install the tested version, writing nothing", async () => {
    sb.stubs("ccr");
    const res = await install(["--yes"], { STUB_CCR_VERSION: "3.1.1" });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("ccr 3.1.1 is installed");
    expect(res.stderr).toContain("config.sqlite");
    expect(res.stderr).toContain("npm install -g @musistudio/claude-code-router@2.0.0");
    expect(listFiles(sb.home)).toEqual([]);
  });

  it.each(["1.0.73", "2.0.0"])("accepts ccr %s", async (version) => {
    sb.stubs("ccr");
    const res = await install(["--yes"], { STUB_CCR_VERSION: version });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`ccr: ${version} (supported)`);
  });

  it("installs the pinned ccr 2.0.0 with npm when ccr is missing and --yes is given", async () => {
    sb.stubs("npm");
    const res = await install(["--yes"]);
    expect(res.code, res.stderr).toBe(0);
    expect(sb.readLog()).toContain("npm install -g @musistudio/claude-code-router@2.0.0");
  });

  it("does not install ccr without --yes when nobody can answer, but still installs the plugin", async () => {
    sb.stubs("npm");
    const res = await install([]);
    expect(res.code, res.stderr).toBe(0);
    expect(sb.readLog().filter((l) => l.startsWith("npm install"))).toEqual([]);
    expect(res.stderr).toContain("npm install -g @musistudio/claude-code-router@2.0.0");
    expect(existsSync(sb.configPath)).toBe(true);
  });

  it("writes --port and --router-key into ccr's settings", async () => {
    const res = await install(["--skip-ccr", "--port", "13456", "--router-key", "router-secret"]);
    expect(res.code, res.stderr).toBe(0);
    expect(readConfig()).toMatchObject({ PORT: 13456, APIKEY: "router-secret" });
    expect((await install(["--skip-ccr", "--port", "99999"])).code).toBe(2);
  });
});

describe("install.sh model discovery (stub of GET /v1/models on 127.0.0.1)", () => {
  let server: Server;
  let base: string;
  let seen: Array<{ url: string; auth?: string }>;
  let hang = false;

  beforeEach(async () => {
    seen = [];
    hang = false;
    server = createServer((req, res) => {
      seen.push({ url: req.url ?? "", auth: req.headers.authorization });
      if (hang) return;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: [{ id: "gpt-oss-120b" }, { id: "qwen-3.8-27b" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const SECRET = "sk-secret-0123456789abcdef";

  it("lists the live models, picks the served default in one line, and keeps zai-glm-4.7 offered", async () => {
    const res = await install(["--skip-ccr", "--yes", "--base-url", base], { CEREBRAS_API_KEY: SECRET });
    expect(res.code, res.stderr).toBe(0);
    // The plain listing answers the openrouter query too (ids only): one request.
    expect(seen).toEqual([{ url: "/v1/models?format=openrouter", auth: `Bearer ${SECRET}` }]);
    expect(res.stdout).toContain("Cerebras serves gpt-oss-120b qwen-3.8-27b");
    expect(res.stdout).toContain(
      "models: default model gpt-oss-120b (zai-glm-4.7 is not served to this key)",
    );
    expect(res.stderr).not.toContain("warning: zai-glm-4.7");
    const provider = readConfig().Providers[0];
    expect(provider.api_base_url).toBe(`${base}/chat/completions`);
    expect(provider.models).toEqual(["gpt-oss-120b", "qwen-3.8-27b", "zai-glm-4.7"]);
  });

  it("keeps a --model that is not served, with a warning", async () => {
    const res = await install(["--skip-ccr", "--yes", "--base-url", base, "--model", "zai-glm-4.7"], {
      CEREBRAS_API_KEY: SECRET,
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(
      /zai-glm-4\.7 is not among the models Cerebras serves .*retired it on 2026-08-17/,
    );
    expect(readConfig().Router.default).toBe("cerebras,zai-glm-4.7");
  });

  it("never writes the Cerebras key to any file", async () => {
    const res = await install(["--skip-ccr", "--yes", "--base-url", base], { CEREBRAS_API_KEY: SECRET });
    expect(res.code, res.stderr).toBe(0);
    expect(seen).toHaveLength(1); // the key was used...
    const files = listFiles(sb.home);
    expect(files.length).toBeGreaterThan(3);
    for (const file of [...files, sb.log]) expect(readFileSync(file, "utf8"), file).not.toContain(SECRET);
  });

  it("offers the live models interactively and uses the one chosen", async () => {
    const res = await install(
      ["--skip-ccr", "--base-url", base, "--model", "zai-glm-4.7"],
      { CEREBRAS_API_KEY: SECRET, CCR_CEREBRAS_INTERACTIVE: "1" },
      "2\n",
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain("1) gpt-oss-120b");
    expect(res.stdout).toContain("2) qwen-3.8-27b");
    expect(readConfig().Router.default).toBe("cerebras,qwen-3.8-27b");
  });

  it("gives up on a silent Cerebras after the hard timeout and installs anyway", async () => {
    hang = true;
    const started = Date.now();
    const res = await install(["--skip-ccr", "--yes", "--base-url", base], {
      CEREBRAS_API_KEY: SECRET,
      CCR_CEREBRAS_DISCOVERY_TIMEOUT_MS: "500",
    });
    expect(res.code, res.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(res.stdout).not.toContain("Cerebras serves");
    // The table still knows the best live model.
    expect(res.stdout).toContain("models: default model gpt-oss-120b (no model listing (timed out)");
  });

  it("does not contact Cerebras without CEREBRAS_API_KEY", async () => {
    const res = await install(["--skip-ccr", "--yes", "--base-url", base, "--model", "gpt-oss-120b"]);
    expect(res.code, res.stderr).toBe(0);
    expect(seen).toEqual([]);
    expect(res.stderr).not.toContain("warning: gpt-oss-120b");
  });
});
