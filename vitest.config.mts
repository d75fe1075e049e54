import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Tests never touch the developer's real ~/.claude-code-router (the in-process relay writes a status file
// there): every worker gets a throwaway HOME inside the project.
const testHome = resolve(".tmp", "test-home");
mkdirSync(testHome, { recursive: true });

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    globalSetup: ["test/setup/build-plugin.ts"],
    // No proxy either: every server in the tests is on 127.0.0.1.
    // CCR_CEREBRAS_MODELS_FILE=off: in-process plugins keep model listings in memory, so one test file's
    // emulator (on a port a later test may reuse) never leaks its listing into another.
    env: {
      HOME: testHome,
      CCR_CEREBRAS_MODELS_FILE: "off",
      HTTPS_PROXY: "",
      https_proxy: "",
      HTTP_PROXY: "",
      http_proxy: "",
      PROXY_URL: "",
    },
  },
});
