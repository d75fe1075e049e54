// A terminal for interactive Claude Code in tests: one private tmux server (its own socket under the
// test's directory), keys typed in, the screen read back. Every wait is bounded by a count of polls;
// the server is stopped by its PID.

import { execFileSync } from "node:child_process";
import { findTool } from "../install/support";

export const TMUX = findTool("tmux");

export interface Terminal {
  /** Types `text` literally (no Enter). */
  type(text: string): void;
  /** Sends named keys, e.g. "Enter", "C-c". */
  keys(...names: string[]): void;
  /** The visible screen as text. */
  screen(): string;
  /** Polls the screen until `test` matches it (every `everyMs`, at most `timeoutMs`); returns the screen. */
  waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs: number, everyMs?: number): Promise<string>;
  stop(): void;
}

/** Starts `command` (run by /bin/sh -c inside tmux) in a 200×50 terminal; `env` is tmux's own environment. */
export function startTerminal(opts: {
  socket: string;
  command: string;
  cwd: string;
  env: Record<string, string>;
}): Terminal {
  if (!TMUX) throw new Error("tmux is not installed");
  const tmux = (...args: string[]) =>
    execFileSync(TMUX, ["-S", opts.socket, ...args], { env: opts.env, cwd: opts.cwd, encoding: "utf8" });
  tmux("-f", "/dev/null", "new-session", "-d", "-x", "200", "-y", "50", "-s", "t", opts.command);
  const serverPid = Number(tmux("display-message", "-p", "#{pid}").trim());
  const screen = () => {
    try {
      return tmux("capture-pane", "-p", "-t", "t");
    } catch {
      return ""; // the session ended
    }
  };
  return {
    type: (text) => void tmux("send-keys", "-t", "t", "-l", text),
    keys: (...names) => void tmux("send-keys", "-t", "t", ...names),
    screen,
    async waitFor(test, timeoutMs, everyMs = 250) {
      const matches = typeof test === "function" ? test : (s: string) => test.test(s);
      let last = "";
      for (let i = 0; i <= Math.ceil(timeoutMs / everyMs); i++) {
        last = screen();
        if (matches(last)) return last;
        await new Promise((r) => setTimeout(r, everyMs));
      }
      throw new Error(`the terminal did not show ${String(test)} within ${timeoutMs} ms; screen:\n${last}`);
    },
    stop() {
      try {
        tmux("kill-server");
      } catch {}
      try {
        if (serverPid > 0) process.kill(serverPid, "SIGKILL");
      } catch {}
    },
  };
}
