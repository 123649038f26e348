// Process glue for the `adrlint` command; everything else lives in cli.ts, src/commands/ and the library.
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
