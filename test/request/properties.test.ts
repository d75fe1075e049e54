// Property tests of the request translator (bounded numRuns: the suite must stay fast on 2 cores).

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AnthropicHttpError } from "../../src/errors";
import { listKnownModels } from "../../src/models";
import { anthropicToCerebrasRequest } from "../../src/request/index";
import { validateCerebrasRequest } from "../support/cerebras-validator";
import { conversationTurnsArb, requestArb } from "./arbitraries";
import { modelInfoOf, roomyContext } from "./helpers";
import { junkRequestArb } from "./junk-arbitraries";

// Random histories may outgrow a real context window; the pre-flight check is not what these properties test.
const ROOMY = roomyContext(listKnownModels().map((m) => m.id));

function issuesOf(input: unknown) {
  const t = anthropicToCerebrasRequest(input, ROOMY);
  return validateCerebrasRequest(t.body, { model: modelInfoOf(t, ROOMY), ourAllowList: true });
}

describe("request translator properties", () => {
  it("translates any valid request to a body the strict validator accepts", () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        expect(issuesOf(req)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and never mutates its input", () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const before = JSON.stringify(req);
        const a = JSON.stringify(anthropicToCerebrasRequest(req, ROOMY).body);
        expect(JSON.stringify(req)).toBe(before);
        const b = JSON.stringify(anthropicToCerebrasRequest(JSON.parse(before), ROOMY).body);
        expect(b).toBe(a);
      }),
      { numRuns: 150 },
    );
  });

  it("serialises the messages of turn N as a byte-identical prefix of turn N+1", () => {
    fc.assert(
      fc.property(conversationTurnsArb, (turns) => {
        const bodies = turns.map((req) => anthropicToCerebrasRequest(req).body);
        for (let i = 1; i < bodies.length; i++) {
          const prev = JSON.stringify(bodies[i - 1]!.messages).slice(0, -1);
          const next = JSON.stringify(bodies[i]!.messages);
          expect(next.startsWith(prev)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("answers junk with a valid translation or a 400, never a crash", () => {
    fc.assert(
      fc.property(junkRequestArb, (req) => {
        try {
          expect(issuesOf(req)).toEqual([]);
        } catch (e) {
          if (!(e instanceof AnthropicHttpError)) throw e;
          expect(e.status).toBe(400);
          expect(e.errorType).toBe("invalid_request_error");
        }
      }),
      { numRuns: 500 },
    );
  });
});
