// The streaming twin of splitLeadingThinkTag: routes a leading `<think>…</think>` in streamed content
// to reasoning, whatever the chunk boundaries. Holds back at most a tag's length of text.

import { THINK_CLOSE_TAG, THINK_OPEN_TAG } from "../response/thinking";

type State = "probe" | "inside" | "afterClose" | "text";

/** Leading whitespace longer than this is not waited out: the content is plain text. */
const MAX_PROBE = 256;

export interface SplitPiece {
  reasoning: string;
  text: string;
}

const NOTHING: SplitPiece = { reasoning: "", text: "" };

/** Length of the longest suffix of `s` that is a proper prefix of `tag`. */
function partialTagSuffix(s: string, tag: string): number {
  const max = Math.min(tag.length - 1, s.length);
  for (let n = max; n > 0; n--) {
    if (s.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}

export class LeadingThinkTagSplitter {
  private state: State = "probe";
  private held = "";

  push(piece: string): SplitPiece {
    if (this.state === "text") return { reasoning: "", text: piece };
    const buf = this.held + piece;
    this.held = "";
    return this.route(buf);
  }

  /** The content ended: whatever was held back is released. */
  end(): SplitPiece {
    const held = this.held;
    this.held = "";
    if (held === "") return NOTHING;
    if (this.state === "inside") return { reasoning: held, text: "" };
    this.state = "text";
    return { reasoning: "", text: held };
  }

  private route(buf: string): SplitPiece {
    switch (this.state) {
      case "probe": {
        const t = buf.trimStart();
        if (t.startsWith(THINK_OPEN_TAG)) {
          this.state = "inside";
          return this.route(t.slice(THINK_OPEN_TAG.length));
        }
        if ((t === "" || THINK_OPEN_TAG.startsWith(t)) && buf.length < MAX_PROBE) {
          this.held = buf;
          return NOTHING;
        }
        this.state = "text";
        return { reasoning: "", text: buf };
      }
      case "inside": {
        const end = buf.indexOf(THINK_CLOSE_TAG);
        if (end >= 0) {
          this.state = "afterClose";
          const after = this.route(buf.slice(end + THINK_CLOSE_TAG.length));
          return { reasoning: buf.slice(0, end), text: after.text };
        }
        const keep = partialTagSuffix(buf, THINK_CLOSE_TAG);
        this.held = buf.slice(buf.length - keep);
        return { reasoning: buf.slice(0, buf.length - keep), text: "" };
      }
      case "afterClose": {
        const t = buf.trimStart();
        if (t === "") return NOTHING;
        this.state = "text";
        return { reasoning: "", text: t };
      }
      case "text":
        return { reasoning: "", text: buf };
      default: {
        const _exhaustive: never = this.state;
        return { reasoning: "", text: buf };
      }
    }
  }
}
