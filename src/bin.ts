// Process glue for the `adrlint` command; everything else lives in cli.ts, src/commands/ and the library.
// `adrlint --version` alone answers before the rest of the bundle is evaluated (cli.ts is imported
// dynamically, so the bundle keeps its modules lazy until a command needs them).
import { VERSION } from './io/version.ts';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runCli } = await import('./cli.ts');
  process.exitCode = await runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    // Read only by --stdin: process.stdin is not made (nor holds the process) otherwise.
    stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  });
}
