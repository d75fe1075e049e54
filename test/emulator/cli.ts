// Runs the Cerebras emulator until SIGTERM/SIGINT, for benchmarks and manual runs:
//   npx tsx test/emulator/cli.ts --port 18080 [--script file.json] [--keys k1,k2] [--models a,b]
// The script file is either an array of replies (queued in order) or
// { "replies": [...], "defaultReply": {...} } (the answer once the queue is empty).
// Prints "listening <url>" once the server is up.

import { readFileSync } from "node:fs";
import { startCerebrasEmulator } from "./server";
import type { EmulatorOptions, ScriptedReply } from "./types";

interface Script {
  replies: ScriptedReply[];
  defaultReply?: ScriptedReply;
}

export function parseCliArgs(argv: string[]): { options: EmulatorOptions; scriptPath?: string } {
  const options: EmulatorOptions = {};
  let scriptPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value after ${flag}`);
    if (flag === "--port") options.port = Number(value);
    else if (flag === "--script") scriptPath = value;
    else if (flag === "--keys") options.keys = value.split(",");
    else if (flag === "--models") options.models = value.split(",");
    else throw new Error(`unknown option ${flag}`);
    i++;
  }
  if (options.port !== undefined && !Number.isInteger(options.port)) throw new Error("--port needs a number");
  return { options, scriptPath };
}

export function readScript(path: string): Script {
  const parsed = JSON.parse(readFileSync(path, "utf8"));
  if (Array.isArray(parsed)) return { replies: parsed };
  return { replies: parsed.replies ?? [], defaultReply: parsed.defaultReply };
}

async function main(): Promise<void> {
  const { options, scriptPath } = parseCliArgs(process.argv.slice(2));
  const script = scriptPath ? readScript(scriptPath) : { replies: [] };
  const emu = await startCerebrasEmulator({ ...options, defaultReply: script.defaultReply });
  emu.enqueue(...script.replies);
  process.stdout.write(`listening ${emu.url}\n`);
  const stop = () => {
    emu.close().then(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  });
}
