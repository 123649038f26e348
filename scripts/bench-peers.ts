// The linters `npm run bench` compares adrlint with, when they are installed next to it: madr-lint
// (the closest ADR linter) and markdownlint-cli2. Neither is a dependency; the benchmark finds them
// in the folder `--peers DIR` (or ADRLINT_BENCH_PEERS) names, in the project's node_modules/.bin,
// or on PATH, and skips with a line saying so the ones it does not find.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface PeerSpec {
  name: string;
  /** The command's name in a `.bin` folder or on PATH. */
  bin: string;
  /** Arguments that lint every markdown file under `folder` (relative to the run's cwd). */
  args: (folder: string) => string[];
}

export const PEERS: readonly PeerSpec[] = [
  // madr-lint was not on the npm registry on 2026-12-01, so "madr-lint <folder>" is an assumption
  // never tried here: a run that exits other than 0 or 1 is printed as failed, with its stderr.
  { name: 'madr-lint', bin: 'madr-lint', args: (folder) => [folder] },
  // markdownlint-cli2 takes globs; with no config file it runs its default rules.
  { name: 'markdownlint-cli2', bin: 'markdownlint-cli2', args: (folder) => [`${folder}/**/*.{md,markdown}`] },
];

export interface Peer extends PeerSpec {
  /** Where it was found (the `.bin` entry, symlinks resolved). */
  path: string;
  /** A node script: run under this node with the RSS preload. Otherwise run as it is (no RSS). */
  node: boolean;
}

export type PeerLookup = { found: Peer } | { missing: PeerSpec; searched: string[] };

/** Folders searched for a peer's command, in order. */
export function peerFolders(packageRoot: string, peersDir: string | undefined, path = process.env.PATH ?? ''): string[] {
  const given = peersDir ? [join(peersDir, 'node_modules', '.bin'), join(peersDir, 'bin'), peersDir] : [];
  return [...given, join(packageRoot, 'node_modules', '.bin'), ...path.split(delimiter).filter(Boolean)];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isNodeScript(path: string): boolean {
  if (/\.[cm]?js$/.test(path)) return true;
  const head = readFileSync(path, { encoding: 'latin1' }).slice(0, 200);
  return /^#!.*\bnode\b/.test(head);
}

export function findPeers(folders: readonly string[], specs: readonly PeerSpec[] = PEERS): PeerLookup[] {
  return specs.map((spec) => {
    for (const folder of folders) {
      const candidate = join(folder, spec.bin);
      if (!existsSync(candidate) || !isFile(candidate)) continue;
      const path = realpathSync(candidate);
      return { found: { ...spec, path, node: isNodeScript(path) } };
    }
    return { missing: spec, searched: [...folders] };
  });
}
