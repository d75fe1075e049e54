// The separate Claude Code configuration directory `ccr-cerebras code` gives Claude Code
// (CLAUDE_CONFIG_DIR), so a Cerebras session never changes the user's ~/.claude and ~/.claude.json:
// Claude Code saves `/model` to <config dir>/settings.json and keeps its history and state there
// (observed with 2.1.330 and 2.1.332; @see docs/install.md "Isolation from your Claude Code setup").
// A new directory would show Claude Code's first-run screens again, so its `.claude.json` is seeded
// with what the user already answered: onboarding done, their theme, and the folders they trusted.
// The user's own files are only read.

import { isJsonObject, type JsonObject } from "../json-object";

/**
 * The isolated `.claude.json` to write, or undefined when `current` already holds everything. Only adds:
 * `hasCompletedOnboarding`, the user's `theme` (when ours has none), and `hasTrustDialogAccepted` for
 * each folder the user trusted.
 */
export function seedIsolatedClaudeJson(
  current: JsonObject | undefined,
  user: JsonObject | undefined,
): JsonObject | undefined {
  const next: JsonObject = structuredClone(current ?? {});
  let changed = current === undefined;
  if (next.hasCompletedOnboarding !== true) {
    next.hasCompletedOnboarding = true;
    changed = true;
  }
  if (next.theme === undefined && typeof user?.theme === "string") {
    next.theme = user.theme;
    changed = true;
  }
  const userProjects = isJsonObject(user?.projects) ? user.projects : {};
  const projects: JsonObject = isJsonObject(next.projects) ? { ...next.projects } : {};
  for (const [dir, settings] of Object.entries(userProjects)) {
    if (!isJsonObject(settings) || settings.hasTrustDialogAccepted !== true) continue;
    const ours = isJsonObject(projects[dir]) ? (projects[dir] as JsonObject) : {};
    if (ours.hasTrustDialogAccepted === true) continue;
    projects[dir] = { ...ours, hasTrustDialogAccepted: true };
    changed = true;
  }
  if (Object.keys(projects).length > 0) next.projects = projects;
  return changed ? next : undefined;
}
