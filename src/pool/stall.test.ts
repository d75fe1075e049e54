import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StallWatchdog, UpstreamStallError } from "./stall";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("StallWatchdog", () => {
  it("fires once when a wait lasts the bound", () => {
    const onStall = vi.fn();
    const w = new StallWatchdog(1000, onStall);
    w.begin();
    vi.advanceTimersByTime(999);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  it("counts only time spent waiting: short waits and long pauses between them never fire", () => {
    const onStall = vi.fn();
    const w = new StallWatchdog(1000, onStall);
    for (let i = 0; i < 20; i++) {
      w.begin();
      vi.advanceTimersByTime(600);
      w.end();
      vi.advanceTimersByTime(3000); // the consumer is slow: not the upstream's silence
    }
    expect(onStall).not.toHaveBeenCalled();
    w.stop();
  });

  it("stop() disarms it", () => {
    const onStall = vi.fn();
    const w = new StallWatchdog(1000, onStall);
    w.begin();
    w.stop();
    vi.advanceTimersByTime(5000);
    expect(onStall).not.toHaveBeenCalled();
  });
});

describe("UpstreamStallError", () => {
  it("maps like a timeout and says which phase stalled", () => {
    const e = new UpstreamStallError("mid-stream", 60_000);
    expect(e.name).toBe("TimeoutError");
    expect(e.message).toBe("no data for 60 s mid-stream; the answer is incomplete");
    expect(new UpstreamStallError("first-event", 150).message).toBe(
      "nothing within 150 ms before the first event",
    );
  });
});
