// Ports for child processes that cannot listen on port 0 and tell us which port they got (ccr reads a
// fixed PORT from its config).
//
// Probing port 0 and handing the number on races: between the probe's close and the child's listen,
// any other socket bound to port 0 on the machine (an emulator, the Claude Code CLI, another test
// worker's probe) may be given the same port by the kernel. So the ports come from below the kernel's
// ephemeral range (32768–60999 on Linux: `net.ipv4.ip_local_port_range`), where the kernel never hands
// out a port by itself, in a block of its own for each vitest worker; each candidate is still checked
// free, in case something else on the machine listens there.

import { createServer } from "node:net";

const FIRST = 20_000;
const BLOCK = 400; // ports per worker: far more than one test file starts
const WORKER_BLOCKS = 30; // 20000–31999, all below the ephemeral range

function workerBlock(): number {
  const id = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 0);
  return (Number.isInteger(id) && id >= 0 ? id : 0) % WORKER_BLOCKS;
}

let next = 0;

function isFree(port: number): Promise<boolean> {
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
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port left in ${start}–${start + BLOCK - 1}`);
}
