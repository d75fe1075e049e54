// Ports for child processes that cannot listen on port 0 and tell us which port they got (ccr reads a
// fixed PORT from its config).
//
// Probing port 0 and handing the number on races: between the probe's close and the child's listen,
// any other socket bound to port 0 on the machine (an emulator, the Claude Code CLI, another test
// worker's probe) may be given the same port by the kernel. So the ports come from below the kernel's
// ephemeral range (32768–60999 on Linux: `net.ipv4.ip_local_port_range`), where the kernel never hands
// out a port by itself, in a block of its own for each vitest worker; each candidate is still checked
// free, in case something else on the machine listens there.

import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";

const FIRST = 20_000;
const BLOCK = 400; // ports per worker: far more than one test file starts
const WORKER_BLOCKS = 30; // 20000–31999, all below the ephemeral range

function workerBlock(): number {
  const id = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0);
  return (Number.isInteger(id) && id >= 0 ? id : 0) % WORKER_BLOCKS;
}

// Where this process starts in its block: another checkout's suite running at the same time on the machine
// (same worker ids, same blocks) then rarely probes the same ports at the same moment.
let next = Math.floor(Math.random() * (BLOCK / 2));

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

/** A port on 127.0.0.1 that no other test worker and no port-0 socket will be given; never the same twice in a process. */
export async function reservedPort(): Promise<number> {
  const start = FIRST + workerBlock() * BLOCK;
  while (next < BLOCK) {
    const port = start + next++;
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port left in ${start}–${start + BLOCK - 1}`);
}

/**
 * Whether process `pid` itself holds the listening socket on 127.0.0.1:`port`. A /health answer alone
 * does not prove it: when the port was taken, ccr exits with EADDRINUSE a moment later, and until then the
 * answer comes from whoever holds the port. Linux only (/proc); elsewhere it answers true.
 */
export function listensOn(pid: number, port: number): boolean {
  const tables: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    try {
      tables.push(readFileSync(file, "utf8"));
    } catch {
      // no IPv6 table, or no /proc at all
    }
  }
  if (tables.length === 0) return true;
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const inodes = new Set<string>();
  for (const row of tables.flatMap((t) => t.split("\n").slice(1))) {
    const f = row.trim().split(/\s+/); // sl, local address, remote address, state (0A = LISTEN), …, inode
    if (f[1]?.endsWith(suffix) && f[3] === "0A" && f[9]) inodes.add(`socket:[${f[9]}]`);
  }
  if (inodes.size === 0) return false;
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false; // closed while we looked
      }
    });
  } catch {
    return false; // the process is gone
  }
}
