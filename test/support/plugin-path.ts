import { inject } from "vitest";

/** The path of the plugin built from the current sources by test/setup/build-plugin.ts. */
export function builtPluginPath(): string {
  const path = inject("pluginPath");
  if (!path) throw new Error(`the plugin did not build: ${inject("pluginBuildError") || "unknown error"}`);
  return path;
}
