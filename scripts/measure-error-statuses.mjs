// What Claude Code shows for an error status, and after how long (docs/install.md, "What Claude Code does
// with an error status"). A server on 127.0.0.1 answers every /v1/messages request with <status> and ccr's
// error envelope; Claude Code runs once in -p mode against it, in a throwaway HOME.
//   node scripts/measure-error-statuses.mjs <claude binary> <status> [<status> …]
// Prints one JSON line per status: seconds until Claude Code exits, requests that reached the server, and
// the text it printed. A 401 takes about three minutes (Claude Code's ten retries).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const TYPES = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  410: "not_found_error",
  422: "invalid_request_error",
};
const MESSAGE = "MARKER: the plugin's message";

async function measure(bin, status) {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (!req.url?.startsWith("/v1/messages")) return void res.writeHead(404).end();
      requests++;
      const body = {
        error: { message: MESSAGE, type: TYPES[status] ?? "api_error", code: "provider_response_error" },
      };
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const home = mkdtempSync(join(tmpdir(), "cc-status-"));
  const started = Date.now();
  const child = spawn(bin, ["-p", "say hi", "--output-format", "json"], {
    cwd: home,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: "/usr/bin:/bin",
      HOME: home,
      TERM: "dumb",
      ANTHROPIC_BASE_URL: `http://127.0.0.1:${server.address().port}`,
      ANTHROPIC_AUTH_TOKEN: "x",
      ANTHROPIC_MODEL: "cerebras,gpt-oss-120b",
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
      DISABLE_TELEMETRY: "1",
      DISABLE_AUTOUPDATER: "1",
      DISABLE_ERROR_REPORTING: "1",
    },
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const killer = setTimeout(() => child.pid && process.kill(child.pid, "SIGKILL"), 300_000);
  const code = await new Promise((r) => child.on("close", r));
  clearTimeout(killer);
  server.close();
  rmSync(home, { recursive: true, force: true });
  let text = out.slice(0, 300);
  try {
    text = JSON.parse(out.trim().split("\n").at(-1)).result;
  } catch {}
  return { status, seconds: (Date.now() - started) / 1000, requests, code, text };
}

const [binArg, ...statuses] = process.argv.slice(2);
const bin = binArg && resolve(binArg);
if (!bin || statuses.length === 0) {
  console.error("usage: node scripts/measure-error-statuses.mjs <claude binary> <status> [<status> …]");
  process.exit(2);
}
for (const status of statuses) console.log(JSON.stringify(await measure(bin, Number(status))));
