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
    env: { HOME: testHome, HTTPS_PROXY: "", https_proxy: "", HTTP_PROXY: "", http_proxy: "", PROXY_URL: "" },
  },
});
