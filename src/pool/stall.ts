// Bounds on a silent upstream. Before the first event (nothing sent to the client yet) a stall is a
// failed attempt the pool retries; mid-stream it ends the stream with an error the plugin turns into an
// Anthropic `error` event. Defaults and reasoning: README.md, "Rate limits: the key pool".

/** The upstream sent nothing for `ms`. Named like a fetch timeout, so errors.ts maps it to a 504. */
export class UpstreamStallError extends Error {
  override readonly name = "TimeoutError";
  readonly code: string;

  constructor(
    readonly phase: "first-event" | "mid-stream" | "whole-answer",
    ms: number,
  ) {
    const what =
      phase === "first-event"
        ? `nothing within ${seconds(ms)} before the first event`
        : phase === "whole-answer"
          ? `no answer within ${seconds(ms)}`
          : `no data for ${seconds(ms)} mid-stream; the answer is incomplete`;
    super(what);
    this.code = what;
  }
}

function seconds(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/**
 * Fires `onStall` when a wait that `begin()` started has not `end()`ed within `ms`. Waits the consumer
 * causes (a slow client not pulling) are not counted: only time spent inside begin()…end(). One timer,
 * re-armed lazily, so a stream of many small reads costs no timer per read.
 */
export class StallWatchdog {
  private waitingSince: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly ms: number,
    private readonly onStall: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  begin(): void {
    if (this.stopped) return;
    this.waitingSince = this.now();
    if (!this.timer) this.arm(this.ms);
  }

  end(): void {
    this.waitingSince = undefined;
  }

  stop(): void {
    this.stopped = true;
    this.waitingSince = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.check(), Math.max(1, ms));
    this.timer.unref?.();
  }

  private check(): void {
    this.timer = undefined;
    if (this.stopped || this.waitingSince === undefined) return;
    const waited = this.now() - this.waitingSince;
    if (waited >= this.ms) {
      this.stop();
      this.onStall();
    } else this.arm(this.ms - waited);
  }
}
