// Every key value the relay has seen is replaced before text leaves it (logs, error bodies, status).

export const REDACTED = "[redacted]";

export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (!secret) return;
    this.secrets.add(secret);
    // The same key inside JSON text, should it contain a character JSON escapes.
    this.secrets.add(JSON.stringify(secret).slice(1, -1));
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a key that contains another key is replaced whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    return out;
  }

  /** Headers as a plain object, with credentials removed and key values redacted. */
  headers(h: Headers | Record<string, string> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!h) return out;
    const entries = h instanceof Headers ? [...h.entries()] : Object.entries(h);
    for (const [k, v] of entries) {
      const name = k.toLowerCase();
      out[name] = name === "authorization" || name === "x-ccr-cerebras-token" ? REDACTED : this.redact(v);
    }
    return out;
  }
}
