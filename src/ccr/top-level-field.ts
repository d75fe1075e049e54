// Finds the string value of one top-level key of a JSON object while its text streams by, without
// parsing the rest: used to learn the `model` a client sent before ccr's router rewrites it. It stops
// at the first top-level occurrence (Claude Code and the TypeScript SDK send `model` first; the Python
// SDK sends it after `messages`, so the scan then runs through them once).

export class TopLevelJsonStringScanner {
  /** The key's value once found; undefined while unknown (or when it is not a string). */
  value: string | undefined;
  /** Found, or proven absent/malformed: nothing more to read. */
  done = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Capturing the current string (a top-level key, or the wanted value). */
  private capture: "key" | "value" | undefined;
  private raw = "";
  private lastKey: string | undefined;
  private afterColon = false;

  constructor(private readonly key: string) {}

  feed(text: string): void {
    for (let i = 0; i < text.length && !this.done; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) {
          this.inString = false;
          this.endString();
          continue;
        }
        if (this.capture) this.raw += text[i];
        continue;
      }
      if (c === 0x22) {
        this.inString = true;
        if (this.depth === 1) {
          this.capture = !this.afterColon ? "key" : this.lastKey === this.key ? "value" : undefined;
          this.raw = "";
        }
      } else if (c === 0x7b || c === 0x5b) {
        if (this.depth === 1 && this.afterColon && this.lastKey === this.key) this.done = true; // not a string
        this.depth++;
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.depth <= 0) this.done = true;
      } else if (this.depth === 1 && c === 0x3a) this.afterColon = true;
      else if (this.depth === 1 && c === 0x2c) {
        this.afterColon = false;
        this.lastKey = undefined;
      }
    }
  }

  private endString(): void {
    const kind = this.capture;
    this.capture = undefined;
    if (!kind) return;
    let s: string;
    try {
      s = JSON.parse(`"${this.raw}"`) as string;
    } catch {
      this.done = true;
      return;
    }
    if (kind === "key") this.lastKey = s;
    else {
      this.value = s;
      this.done = true;
    }
  }
}
