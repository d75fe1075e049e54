// Request logs, status output and error bodies never contain a key value; logs are private files.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchPoolServiceStatus, formatPoolServiceStatus } from "../../src/pool";
import { callPoolAsResponse, chatBody, type Pair, readSse, startPair } from "./support/relay-pair";

const KEYS = { main: "csk-SECRET-main-7f3a9b2c1d", spare: "csk-SECRET-spare-8e4d0a6f2b" };
const PROVIDER_KEY = "csk-SECRET-provider-5c2e7a9d";
const VALUES = [...Object.values(KEYS), PROVIDER_KEY];

let dir: string;
let pair: Pair | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relay-logs-"));
});
afterEach(async () => {
  await pair?.close();
  pair = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe("request logs", () => {
  it("no key value appears in any log file, status output or error", async () => {
    const logDir = join(dir, "logs");
    const statusFile = join(dir, "run", "relay.json");
    pair = await startPair(KEYS, { log: { dir: logDir }, statusFile });
    // An upstream that echoes the key in its error text (worst case), then one that refuses everything.
    pair.emu.setKeyBehaviour(KEYS.main, {
      rateLimitFor: 1,
      resetSeconds: 5,
      body: {
        message: `quota exceeded for ${KEYS.main}`,
        type: "too_many_requests_error",
        code: "token_quota_exceeded",
      },
    });
    const ok = await callPoolAsResponse(pair, chatBody("first", { stream: true }), {
      authorization: `Bearer ${PROVIDER_KEY}`,
      requestId: "req-one",
    });
    expect(readSse(await ok.text()).content).toBe('You said: "first"');
    pair.emu.setKeyBehaviour(KEYS.spare, {
      rateLimitFor: 10,
      status: 400,
      body: { message: `bad request from ${KEYS.spare}`, type: "invalid_request_error", code: "bad" },
    });
    const bad = await callPoolAsResponse(pair, chatBody("second"), {
      authorization: `Bearer ${PROVIDER_KEY}`,
    });
    expect(bad.status).toBe(400);
    const errorText = await bad.text();
    expect(errorText).toContain("bad request from [redacted]");

    const statusJson = JSON.stringify(await fetchPoolServiceStatus(statusFile));
    const table = formatPoolServiceStatus(pair.relay.status());
    expect(table).toContain("main");
    expect(table).toContain("spare");
    await pair.close();
    pair = undefined;

    const files = filesUnder(logDir);
    expect(files).toHaveLength(2);
    const texts = files.map((f) => readFileSync(f, "utf8"));
    for (const text of [...texts, statusJson, table, errorText]) {
      for (const v of VALUES) expect(text).not.toContain(v);
    }
    const first = JSON.parse(texts.find((t) => t.includes('"req-one"')) as string);
    expect(first.request.messages[0].content).toBe("first");
    expect(first.attempts.map((a: { key: string; status: number }) => [a.key, a.status])).toEqual([
      ["main", 429],
      ["spare", 200],
    ]);
    expect(first.attempts[0].error).toContain("quota exceeded for [redacted]");
    expect(first.response.sse).toContain("data: [DONE]");
    expect(first.outcome).toBe("success");
  });

  it("a token in the provider URL's query string is never copied into a request log", async () => {
    const logDir = join(dir, "logs");
    pair = await startPair(KEYS, { log: { dir: logDir } });
    const gatewayToken = "gw-SECRET-token-31415926";
    const res = await callPoolAsResponse(
      { relay: pair.relay, upstream: `${pair.upstream}?api-key=${gatewayToken}&region=eu` },
      chatBody("via a gateway"),
    );
    expect((await res.json()).choices[0].message.content).toBe('You said: "via a gateway"');
    await pair.close();
    pair = undefined;
    const files = filesUnder(logDir);
    expect(files).toHaveLength(1);
    const text = readFileSync(files[0] as string, "utf8");
    expect(text).not.toContain(gatewayToken);
    expect(JSON.parse(text).upstream).toMatch(
      /\/chat\/completions\?api-key=%5Bredacted%5D&region=%5Bredacted%5D$/,
    );
  });

  it("log files are mode 600 in date folders of mode 700, named <date>/<time>-<requestId>.json", async () => {
    const logDir = join(dir, "logs");
    pair = await startPair(KEYS, { log: { dir: logDir } });
    await (await callPoolAsResponse(pair, chatBody("x"), { requestId: "abc-123" })).text();
    await pair.close();
    pair = undefined;
    const [file] = filesUnder(logDir);
    expect(file).toMatch(/logs\/\d{4}-\d{2}-\d{2}\/\d{6}-\d{3}-abc-123\.json$/);
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
    expect(statSync(join(file as string, "..")).mode & 0o777).toBe(0o700);
  });

  it("a log folder that cannot be written only warns; the response is unaffected", async () => {
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      pair = await startPair(KEYS, { log: { dir: join(blocker, "logs") } });
      const res = await callPoolAsResponse(pair, chatBody("still fine"));
      expect(res.status).toBe(200);
      expect((await res.json()).choices[0].message.content).toBe('You said: "still fine"');
      await pair.close();
      pair = undefined;
      expect(warn).toHaveBeenCalled();
      expect(String(warn.mock.calls[0]?.[0])).toContain("request log");
    } finally {
      warn.mockRestore();
    }
  });

  it("the status file is mode 600 and removed on close", async () => {
    const statusFile = join(dir, "relay.json");
    pair = await startPair(KEYS, { statusFile });
    expect(statSync(statusFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(statusFile, "utf8"))).toEqual({
      url: pair.relay.url,
      token: pair.relay.token,
      pid: process.pid,
    });
    await pair.close();
    pair = undefined;
    expect(() => statSync(statusFile)).toThrow();
    await expect(fetchPoolServiceStatus(statusFile)).rejects.toThrow(/no relay status file/);
  });
});
