import { describe, expect, it } from "vitest";
import { seedIsolatedClaudeJson } from "./claude-config";

describe("seedIsolatedClaudeJson", () => {
  it("a new directory gets onboarding done, the user's theme and the folders the user trusted, nothing else", () => {
    const user = {
      theme: "light",
      userID: "secret-ish",
      oauthAccount: { emailAddress: "me@example.com" },
      mcpServers: { x: {} },
      projects: {
        "/work/a": { hasTrustDialogAccepted: true, history: ["x"] },
        "/work/b": { allowedTools: [] },
      },
    };
    expect(seedIsolatedClaudeJson(undefined, user)).toEqual({
      hasCompletedOnboarding: true,
      theme: "light",
      projects: { "/work/a": { hasTrustDialogAccepted: true } },
    });
  });

  it("without a user file: onboarding done only", () => {
    expect(seedIsolatedClaudeJson(undefined, undefined)).toEqual({ hasCompletedOnboarding: true });
  });

  it("keeps what Claude Code wrote there and adds a newly trusted folder; unchanged → undefined", () => {
    const current = {
      hasCompletedOnboarding: true,
      theme: "dark",
      numStartups: 3,
      projects: { "/work/a": { hasTrustDialogAccepted: true, lastCost: 0 } },
    };
    expect(
      seedIsolatedClaudeJson(current, {
        theme: "light",
        projects: { "/work/a": { hasTrustDialogAccepted: true } },
      }),
    ).toBeUndefined();
    expect(
      seedIsolatedClaudeJson(current, { projects: { "/work/c": { hasTrustDialogAccepted: true } } }),
    ).toEqual({ ...current, projects: { ...current.projects, "/work/c": { hasTrustDialogAccepted: true } } });
  });
});
