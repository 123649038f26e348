// `adrlint index [paths...] [--write]`: the index block of each ADR folder linted (or of the config's
// `index`), printed, or written into the index page: in place of the block between the markers, or
// at the end of the page with its markers, or as a new README.md when the folder has no page.
import { dirname, join, relative } from 'node:path';
import type { AdrRecord } from '../model/types.ts';
import { configForFile, type ResolvedConfig } from '../model/config.ts';
import { readAdrFile, UsageError } from '../io/files.ts';
import { folderIndexFiles } from '../io/index-file.ts';
import { createNewFile } from '../io/safe-write.ts';
import { writeFixedFile } from '../io/write-fixed-file.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { findIndexBlock, INDEX_END, INDEX_START, indexBlockText, indexLines, lineEnding } from '../../rules/support/index-block.ts';
import { findRepositoryRoot } from '../io/project-index.ts';
import { lintProject } from '../run/lint-project.ts';
import type { Catalogue } from '../model/catalogue.ts';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandInput } from './command.ts';
import { noteSkipped, parseConcurrency } from './output.ts';

export const indexCommand: Command = {
  name: 'index',
  usage: `  adrlint index [paths...] [--write]    print the index block of each ADR folder (its ADRs with number,
                                        linked title and status); --write puts it in the folder's README.md
                                        or index.md (or the config's "index"), between its markers
`,
  operands: 'paths',
  flags: ['write', 'config', 'concurrency'],
  ignores: ['color', 'no-color'],
  namesOwners: true,
  run: runIndex,
};

interface IndexPage {
  path: string;
  records: AdrRecord[];
}

/** The index pages of the run's folders: the config's `index` for the whole set, else each folder's page (README.md when it has none). */
export function indexPages(records: readonly AdrRecord[], config: ResolvedConfig): IndexPage[] {
  if (config.index !== undefined) return records.length ? [{ path: config.index, records: [...records] }] : [];
  const byFolder = new Map<string, AdrRecord[]>();
  for (const record of records) byFolder.set(record.folder, [...(byFolder.get(record.folder) ?? []), record]);
  return [...byFolder].map(([folder, list]) => ({ path: pageOf(folder, config.maxFileSize), records: list }));
}

/** The folder's page that has the markers, else its first page (README.md before index.md), else a new README.md. */
function pageOf(folder: string, maxFileSize: number): string {
  const pages = folderIndexFiles(folder);
  const marked = pages.find((page) => {
    const read = readAdrFile(page, maxFileSize);
    return read.ok && read.source.includes(INDEX_START);
  });
  return marked ?? pages[0] ?? join(folder, 'README.md');
}

async function runIndex({ io, values, operands: paths }: CommandInput): Promise<number> {
  const outcome = await lintProject({ cwd: io.cwd, paths, configFile: values.config, concurrency: parseConcurrency(values.concurrency) });
  noteSkipped(outcome, io);
  const pages = indexPages(outcome.records, outcome.config);
  let failed = false;
  for (const page of pages) {
    const template = configForFile(outcome.config, page.path).indexTemplate;
    const name = relative(io.cwd, page.path) || page.path;
    if (!values.write) {
      const lines = indexLines(page.records, page.path, template, findRepositoryRoot(dirname(page.path)));
      io.stdout.write(`${pages.length > 1 ? `${name}:\n` : ''}${INDEX_START}${indexBlockText(lines, '\n')}${INDEX_END}\n`);
      continue;
    }
    const message = writeIndex(page, template, outcome.catalogue, outcome.config.maxFileSize);
    if (message.startsWith('adrlint:')) failed = true;
    (message.startsWith('adrlint:') ? io.stderr : io.stdout).write(message.replace('{name}', name));
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}

/** Write the block into the page; what to tell the user ({name} for the page's name). */
function writeIndex(page: IndexPage, template: string | undefined, catalogue: Catalogue, maxFileSize: number): string {
  const read = readAdrFile(page.path, maxFileSize);
  if (!read.ok) {
    if (!/no such file/.test(read.reason)) return `adrlint: {name} ${read.reason}\n`;
    const lines = indexLines(page.records, page.path, template, findRepositoryRoot(dirname(page.path)));
    const text = `# Architecture decision records\n\n${INDEX_START}${indexBlockText(lines, '\n')}${INDEX_END}\n`;
    if (!createNewFile(page.path, text)) throw new UsageError(`${page.path} appeared while adrlint was writing it`);
    return `created {name} with the index of ${page.records.length} ADR${page.records.length === 1 ? '' : 's'} of ${relative(dirname(page.path), page.records[0]?.folder ?? '') || 'its folder'}\n`;
  }
  const adr = parseAdr(page.path, read.source, catalogue);
  const bom = adr.bom ? '\uFEFF' : '';
  const eol = lineEnding(adr.text);
  const block = indexBlockText(indexLines(page.records, page.path, template, findRepositoryRoot(dirname(page.path))), eol);
  const location = findIndexBlock(adr.tree);
  let text: string;
  if (location.kind === 'block') text = adr.text.slice(0, location.content[0]) + block + adr.text.slice(location.content[1]);
  else if (location.kind === 'none') {
    const before = adr.text === '' || adr.text.endsWith('\n') ? '' : eol;
    text = `${adr.text}${before}${adr.text.trim() === '' ? '' : eol}${INDEX_START}${block}${INDEX_END}${eol}`;
  } else return `adrlint: {name} has ${location.kind === 'unclosed' ? `${INDEX_START} without ${INDEX_END}` : `${INDEX_END} without ${INDEX_START}`}; mend the markers, then write again\n`;
  if (text === adr.text) return '{name}: the index is up to date\n';
  const outcome = writeFixedFile(page.path, read.source, bom + text);
  if (!outcome.ok) return `adrlint: {name} ${outcome.reason}\n`;
  return location.kind === 'block' ? 'wrote the index of {name}\n' : 'wrote the index at the end of {name}, between new markers\n';
}
