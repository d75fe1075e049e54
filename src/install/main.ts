// Entry point of dist/install-config.cjs (see cli.ts for the commands).
import { runInstallCli } from "./cli";

runInstallCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`install-config: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
