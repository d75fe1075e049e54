// The plugin file is also a small command: `node ~/.claude-code-router/plugins/cerebras-transformer.cjs
// status [--json]` prints the key pool of the key pool running inside ccr (names only, never key values).

import { fetchPoolServiceStatus, formatPoolServiceStatus } from "../pool/index";
import { poolStatusFilePath } from "./pool-client";

const USAGE = "usage: node cerebras-transformer.cjs status [--json]";

export async function runPluginCli(
  argv: readonly string[],
  io: { out: (s: string) => void; err: (s: string) => void } = { out: console.log, err: console.error },
  statusFile = poolStatusFilePath(),
): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "status" || rest.some((a) => a !== "--json")) {
    io.err(USAGE);
    return 2;
  }
  try {
    const status = await fetchPoolServiceStatus(statusFile);
    io.out(rest.includes("--json") ? JSON.stringify(status, null, 2) : formatPoolServiceStatus(status));
    return 0;
  } catch (err) {
    io.err(`ccr-cerebras: ${(err as Error).message}`);
    return 1;
  }
}
