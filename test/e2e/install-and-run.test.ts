// Without tmux, the same lines run through `bash -l -c` (with `-p` added to the last, as nothing can type
// into Claude Code there); with tmux (skipped visibly without it), as follows.
// The README's install-and-run lines, typed as written into a fresh login shell (tmux), on a machine that
// has only Node and npm: a new HOME whose ~/.profile puts npm's global bin directory (nvm's layout:
// node, npm and global packages in one directory) first on a minimal PATH, with Claude Code installed
// there. `npm install -g` of ccr links the ccr 2.0.0 of node_modules instead of downloading it (no
// network in tests). Then the real Claude Code answers from the strict Cerebras emulator through ccr and
// the plugin. A second session proves that a Cerebras session leaves the user's Claude Code files alone
// (with CCR_CEREBRAS_SHARE_CLAUDE_CONFIG=1 in the shell it fails: the /model switch lands in them).
// CCR_CEREBRAS_TEST_CLAUDE=<path of another Claude Code binary> runs both with that build instead.

import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CerebrasRequest } from "../../src/wire/cerebras";
import { type Emulator, startCerebrasEmulator } from "../emulator/server";
import {
  findTool,
  listFiles,
  makeSandbox,
  REPO_ROOT,
  run,
  type Sandbox,
  useInstallHelper,
} from "../install/support";
import { ccrCliPath, freePort } from "../support/ccr-harness";
import { CLAUDE_CODE_BIN, QUIET_CLAUDE_ENV } from "../support/claude-code-harness";
import { builtPluginPath } from "../support/plugin-path";
import { startTerminal, type Terminal, TMUX } from "../support/tmux-harness";

const KEY = "csk-e2e-key";
const CLAUDE_BIN = process.env.CCR_CEREBRAS_TEST_CLAUDE || CLAUDE_CODE_BIN;
const ANSWER = "Hello from Cerebras via ccr.";

/** The README's "Two commands" block: the lines after the clone, with the emulator's key. */
function readmeInstallLines(): string[] {
  const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Two commands"));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const lines = block.split("\n").filter((l) => l.trim() && !l.startsWith("git clone"));
  expect(lines.map((l) => l.replace(/\s+#.*$/, ""))).toEqual([
    "export CEREBRAS_API_KEY=csk-...",
    "./install.sh --yes && ccr-cerebras code",
  ]);
  return lines.map((l) => l.replace("csk-...", KEY));
}

function script(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Claude Code's input prompt is up (after the trust question, answered when it is asked). */
const READY = /^❯[ \u00a0]*$/m;
/** Claude Code's folder-trust question (2.1.330: "… one you trust?" with "No, exit" preselected). */
const TRUST_QUESTION = /Yes, I trust this folder|Do you trust the files/i;
const FIRST_RUN_SCREENS =
  /Choose the text style|Select login method|Yes, I trust this folder|Do you trust the files/i;

interface Machine {
  box: Sandbox;
  emu: Emulator;
  /** npm's global bin directory (first on the login shell's PATH). */
  prefixBin: string;
  /** The environment a login shell starts from (`env -i` these, then `bash -l`). */
  env: Record<string, string>;
  bash: string;
  stop(): Promise<void>;
}

/**
 * A fresh HOME on a machine with only Node and npm: npm's global prefix laid out as nvm does (node, npm and the
 * global packages' commands in one bin, put first on a minimal PATH by ~/.profile), Claude Code installed
 * there, and npm standing in for the registry (`install -g` of ccr 2.0.0 links node_modules' copy).
 */
async function freshMachine(helperFile: string): Promise<Machine> {
  const box = makeSandbox(helperFile);
  copyFileSync(builtPluginPath(), join(box.repo, "dist", "cerebras-transformer.cjs"));
  copyFileSync(join(REPO_ROOT, "README.md"), join(box.repo, "README.md"));
  const prefix = join(box.root, "node-prefix");
  const prefixBin = join(prefix, "bin");
  mkdirSync(prefixBin, { recursive: true });
  script(join(prefixBin, "node"), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
  // npm i -g @anthropic-ai/claude-code (CCR_CEREBRAS_TEST_CLAUDE: another build, e.g. the newest on npm)
  script(join(prefixBin, "claude"), `#!/bin/sh\nexec "${CLAUDE_BIN}" "$@"\n`);
  script(
    join(prefixBin, "npm"),
    [
      "#!/bin/sh",
      "# npm without the network: `prefix -g` is this prefix; `install -g` of ccr 2.0.0 links node_modules' copy.",
      `case "$1 $2 $3" in`,
      `  "prefix -g "*) echo "${prefix}" ;;`,
      `  "install -g @musistudio/claude-code-router@2.0.0")`,
      `    printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' "${process.execPath}" "${ccrCliPath("2.0.0")}" >"${prefixBin}/ccr"`,
      `    chmod 755 "${prefixBin}/ccr"; echo "added 1 package" ;;`,
      `  *) echo "npm (test stand-in): $*" >&2; exit 1 ;;`,
      "esac",
      "",
    ].join("\n"),
  );
  // A login shell's profile, as a Node installer leaves it: npm's bin first, then the basic tools.
  writeFileSync(join(box.home, ".profile"), `export PATH="${prefixBin}:${box.toolBin}"\n`);
  // ccr's port: a free one instead of 3456, so parallel test runs never collide (the only setting made).
  mkdirSync(join(box.home, ".claude-code-router"), { recursive: true });
  writeFileSync(
    join(box.home, ".claude-code-router", "config.json"),
    JSON.stringify({ PORT: await freePort() }),
  );
  const emu = await startCerebrasEmulator({
    models: ["zai-glm-4.7", "gpt-oss-120b", "qwen-3.8-27b"],
    keys: [KEY],
    defaultReply: { content: ANSWER },
  });
  const env = {
    HOME: box.home,
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
    CEREBRAS_BASE_URL: emu.url,
    ...Object.fromEntries(Object.entries(QUIET_CLAUDE_ENV).filter(([k]) => k !== "TERM")),
  };
  const stop = async () => {
    // `ccr code` leaves its service running by design: stop it through its PID file.
    const pidFile = join(box.home, ".claude-code-router", ".claude-code-router.pid");
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, "utf8").trim());
      try {
        if (pid > 0) process.kill(pid, "SIGTERM");
        // It writes its log until it is gone: wait (bounded) before the directory is removed.
        for (let i = 0; i < 50; i++) {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 100));
        }
        process.kill(pid, "SIGKILL");
      } catch {} // kill(pid, 0) throws once the process has exited
    }
    await emu.close();
    box.cleanup();
  };
  return { box, emu, prefixBin, env, bash: findTool("bash")!, stop };
}

describe("README install-and-run in a fresh login shell without a terminal (bash -l -c, real ccr 2.0.0 and Claude Code)", () => {
  const helper = useInstallHelper();
  let m: Machine | undefined;
  afterAll(async () => m?.stop());

  it("the README's lines, with `-p` added to the last, answer from Cerebras; the command is found on PATH", async () => {
    m = await freshMachine(helper());
    const lines = readmeInstallLines();
    const last = `${lines.at(-1)!.replace(/\s+#.*$/, "")} -p "Say hello." --output-format json`;
    const res = await run(
      findTool("env")!,
      [
        "-i",
        ...Object.entries(m.env).map(([k, v]) => `${k}=${v}`),
        m.bash,
        "-l",
        "-c",
        [...lines.slice(0, -1), last].join("\n"),
      ],
      {
        env: m.env,
        cwd: m.box.repo,
        timeoutMs: 120_000,
      },
    );
    const diagnostics = `${res.stdout.slice(-2000)}\n${res.stderr.slice(-2000)}`;
    expect(res.stderr).not.toContain("command not found");
    expect(res.code, diagnostics).toBe(0);
    const result = JSON.parse(res.stdout.trim().split("\n").at(-1)!);
    expect(result.is_error, diagnostics).toBe(false);
    expect(result.result).toContain(ANSWER);
    expect(existsSync(join(m.prefixBin, "ccr-cerebras"))).toBe(true);
    for (const body of m.emu.requests.map((r) => r.body as CerebrasRequest))
      expect(body.max_completion_tokens).toBeLessThanOrEqual(16384);
  }, 180_000);
});

describe.skipIf(!TMUX)(
  "README install-and-run in a fresh login shell (real ccr 2.0.0, real Claude Code, tmux)",
  () => {
    const helper = useInstallHelper();
    let m: Machine;
    let box: Sandbox;
    let emu: Emulator;
    let prefixBin: string;
    let shellCommand = "";
    const terminals: Terminal[] = [];
    const shellEnv = () => ({ PATH: "/usr/bin:/bin", HOME: box.home, TERM: "xterm-256color" });

    beforeAll(async () => {
      m = await freshMachine(helper());
      ({ box, emu, prefixBin } = m);
      shellCommand = `env -i ${Object.entries(m.env)
        .map(([k, v]) => `'${k}=${v}'`)
        .join(" ")} ${m.bash} -l`;
    });

    function loginShell(cwd: string): Terminal {
      const t = startTerminal({
        socket: join(box.root, `tmux-${terminals.length}.sock`),
        command: shellCommand,
        cwd,
        env: shellEnv(),
      });
      terminals.push(t);
      return t;
    }

    afterAll(async () => {
      for (const t of terminals) t.stop();
      await m?.stop();
    });

    /** Waits for Claude Code's prompt, answering the folder-trust question if Claude Code asks it. */
    async function untilReady(t: Terminal, opts: { trustAllowed: boolean }): Promise<string[]> {
      const seen: string[] = [];
      const screen = await t.waitFor((s) => {
        seen.push(s);
        return READY.test(s) || TRUST_QUESTION.test(s) || /command not found|^error:/m.test(s);
      }, 90_000);
      if (/command not found|^error:/m.test(screen)) throw new Error(`the one-liner failed:\n${screen}`);
      if (!READY.test(screen)) {
        expect(opts.trustAllowed, `unexpected trust question:\n${screen}`).toBe(true);
        // "No, exit" is preselected; Claude Code may draw the question again while it starts, which
        // resets the choice, so the choice is checked on screen before Enter (bounded attempts).
        for (let attempt = 0; attempt < 10 && !READY.test(t.screen()); attempt++) {
          const now = t.screen();
          if (/❯ No, exit/.test(now)) t.keys("Down");
          else if (/❯ Yes, I trust this folder/.test(now)) t.keys("Enter");
          await new Promise((r) => setTimeout(r, 1000));
        }
        seen.push(await t.waitFor(READY, 30_000));
      }
      return seen;
    }

    it("the README's lines, typed as written, end in a Claude Code answer from Cerebras", async () => {
      const lines = readmeInstallLines();
      const t = loginShell(box.repo);
      await t.waitFor(/[$#] *$/m, 20_000); // the shell prompt
      for (const line of lines) {
        t.type(line);
        t.keys("Enter");
      }
      // A fresh HOME: Claude Code asks whether to trust the folder, as a plain `claude` would; nothing else.
      const seen = await untilReady(t, { trustAllowed: true });
      expect(seen.join("\n")).not.toMatch(/Choose the text style|Select login method/);
      t.type("Say hello.");
      t.keys("Enter");
      await t.waitFor((s) => s.includes(ANSWER), 60_000);
      const sent = emu.requests.map((r) => r.body as CerebrasRequest);
      expect(sent.length).toBeGreaterThan(0);
      for (const body of sent) expect(body.max_completion_tokens).toBeLessThanOrEqual(16384);
      // The command landed in npm's global bin, next to ccr: that is why the shell found it.
      expect(existsSync(join(prefixBin, "ccr-cerebras"))).toBe(true);
      expect(existsSync(join(box.home, ".local", "bin", "ccr-cerebras"))).toBe(false);
      t.type("/exit");
      t.keys("Enter");
      await t.waitFor(/[$#] *$/m, 20_000);
    }, 240_000);

    it("a /model switch in a Cerebras session leaves ~/.claude and ~/.claude.json as they were; no first-run screen", async () => {
      // The user's own Claude Code setup: a model of theirs, a theme, this folder trusted.
      const project = join(box.root, "project");
      mkdirSync(project, { recursive: true });
      mkdirSync(join(box.home, ".claude"), { recursive: true });
      const userSettings = join(box.home, ".claude", "settings.json");
      const userState = join(box.home, ".claude.json");
      writeFileSync(userSettings, `${JSON.stringify({ model: "opus" }, null, 2)}\n`);
      writeFileSync(
        userState,
        `${JSON.stringify({ hasCompletedOnboarding: true, theme: "light", projects: { [project]: { hasTrustDialogAccepted: true } } }, null, 2)}\n`,
      );
      const before = {
        settings: sha256(userSettings),
        state: sha256(userState),
        files: listFiles(join(box.home, ".claude")),
      };

      const t = loginShell(project);
      await t.waitFor(/[$#] *$/m, 20_000);
      t.type("ccr-cerebras code");
      t.keys("Enter");
      const seen = await untilReady(t, { trustAllowed: false });
      expect(seen.join("\n")).not.toMatch(FIRST_RUN_SCREENS);

      t.type("/model cerebras,qwen-3.8-27b");
      t.keys("Enter");
      await t.waitFor(/Set model to cerebras,qwen-3\.8-27b/, 30_000);
      const asked = emu.requests.length;
      t.type("Which model are you?");
      t.keys("Enter");
      await t.waitFor(() => emu.requests.length > asked && t.screen().includes(ANSWER), 60_000);
      const models = emu.requests.slice(asked).map((r) => (r.body as CerebrasRequest).model);
      expect(models).toContain("qwen-3.8-27b");
      t.type("/exit");
      t.keys("Enter");
      await t.waitFor(/[$#] *$/m, 20_000);

      expect(sha256(userSettings)).toBe(before.settings);
      expect(sha256(userState)).toBe(before.state);
      expect(listFiles(join(box.home, ".claude"))).toEqual(before.files);
      // The switch was saved where Cerebras sessions keep their own settings.
      const isolated = join(box.home, ".claude-code-router", "claude");
      expect(JSON.parse(readFileSync(join(isolated, "settings.json"), "utf8")).model).toBe(
        "cerebras,qwen-3.8-27b",
      );
      expect(readdirSync(isolated)).toContain(".claude.json");
    }, 240_000);
  },
);
