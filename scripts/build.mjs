// Bundles the ccr adapter into one CommonJS file that ccr loads with `new (require(path))(options)`.
// Deterministic: no timestamps, no absolute paths, so a fresh build equals the committed dist/.
import { build } from "esbuild";

await build({
  entryPoints: ["src/ccr/entry.ts"],
  outfile: "dist/cerebras-transformer.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "inline",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
  banner: {
    js: "/* ccr-cerebras: Claude Code Router transformer for Cerebras. Built from src/ by scripts/build.mjs; do not edit. */",
  },
});
