// Every key value the key pool has seen is replaced before text leaves it (logs, error bodies, status).

import { POOL_TOKEN_HEADER } from "./token";

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
      out[name] = name === "authorization" || name === POOL_TOKEN_HEADER ? REDACTED : this.redact(v);
    }
    return out;
  }
}

/** Shorter query values ("1", "true") are masked in the logged URL but not hunted for in all text. */
const MIN_URL_SECRET_LENGTH = 8;

/**
 * The credentials a URL carries: its user name and password, and its query values (gateways take tokens
 * as `?key=…`). Only values long enough to be secrets rather than common words are returned.
 */
export function urlSecrets(url: string): string[] {
  const u = new URL(url);
  const out = [...u.searchParams.values(), decodeURIComponent(u.username), decodeURIComponent(u.password)];
  const raw = [
    ...u.search
      .slice(1)
      .split("&")
      .map((p) => p.slice(p.indexOf("=") + 1)),
    u.username,
    u.password,
  ];
  return [...new Set([...out, ...raw])].filter((v) => v.length >= MIN_URL_SECRET_LENGTH);
}

/** The URL as logged: every query value and any user info replaced. */
export function urlForLog(url: string): string {
  const u = new URL(url);
  if (u.username) u.username = REDACTED;
  if (u.password) u.password = REDACTED;
  for (const k of new Set(u.searchParams.keys())) u.searchParams.set(k, REDACTED);
  return u.toString();
}
