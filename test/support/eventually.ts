// Waiting for something another process does on its own schedule (a log line that ccr's logger writes
// after the response has gone out). Bounded in time and count; returns the last value it read, so the
// test's own assertion reports what was there when waiting ended.

import { setTimeout as sleep } from "node:timers/promises";

export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 10_000, everyMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  for (let i = 0; !done(value) && Date.now() < deadline && i < timeoutMs / everyMs; i++) {
    await sleep(everyMs);
    value = await read();
  }
  return value;
}
