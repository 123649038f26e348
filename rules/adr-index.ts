import { basename, dirname } from 'node:path';
import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { findIndexBlock, INDEX_END, INDEX_NAMES, INDEX_START, indexBlockText, indexDifferences, indexLines, lineEnding } from './support/index-block.ts';

const ADR_1 = '# 1. Record architecture decisions\n\n## Status\n\nAccepted\n';
const ADR_2 = '# 2. Use PostgreSQL\n\n## Status\n\nSuperseded by [3. Use SQLite](0003-use-sqlite.md)\n';
const ADR_3 = '# 3. Use SQLite\n\n## Status\n\nAccepted\n\nSupersedes [2. Use PostgreSQL](0002-use-postgresql.md)\n';

export const meta = {
  id: 'adr-index',
  description: "The index block of the set's README.md or index.md lists every ADR with its title and status",
  defaultSeverity: 'off',
  fixable: true,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-index'),
    why: 'A hand-kept list of decisions goes stale the week a record is added, renamed or superseded, and a reader trusts the list. Between `<!-- adrlint-index -->` and `<!-- adrlint-index-end -->` in the folder\'s README.md or index.md (or the file the config\'s `index` names), the rule checks that every ADR is listed in order with its number, linked title and status, a superseded record with its successor; `--fix` (or `adrlint index --write`) rewrites the block and nothing else. The problems are reported in the index file, at the entry that is wrong (or where a missing one belongs). The template is the config\'s `indexTemplate`: `table` (the default), `list`, or a line of your own with `{number}`, `{title}`, `{status}`, `{date}`, `{patterns}` and `{link}`.',
    quiet: 'A folder whose index has no markers: the block is opt-in, unless the config names the file in `index`.',
    wrong: `# Decisions\n\n${INDEX_START}\n\n| Number | Title | Status |\n| --- | --- | --- |\n| 0001 | [Record architecture decisions](0001-record-architecture-decisions.md) | Accepted |\n| 0002 | [Use PostgreSQL](0002-use-postgresql.md) | Accepted |\n\n${INDEX_END}\n`,
    right: `# Decisions\n\n${INDEX_START}\n\n| Number | Title | Status |\n| --- | --- | --- |\n| 0001 | [Record architecture decisions](0001-record-architecture-decisions.md) | Accepted |\n| 0002 | [Use PostgreSQL](0002-use-postgresql.md) | Superseded by [0003](0003-use-sqlite.md) |\n| 0003 | [Use SQLite](0003-use-sqlite.md) | Accepted |\n\n${INDEX_END}\n`,
    wrongFilename: 'docs/adr/README.md',
    rightFilename: 'docs/adr/README.md',
    files: { 'docs/adr/0001-record-architecture-decisions.md': ADR_1, 'docs/adr/0002-use-postgresql.md': ADR_2, 'docs/adr/0003-use-sqlite.md': ADR_3 },
  },
} satisfies Rule['meta'];

/** Whether the linted file is an index: the config's `index`, else a folder's README.md or index.md. */
function isIndexFile(path: string, configured: string | null): boolean {
  return configured !== null ? path === configured : (INDEX_NAMES as readonly string[]).includes(basename(path));
}

export const check: Rule['check'] = ({ adr, set, settings, project, report }) => {
  if (!isIndexFile(adr.path, settings.index)) return;
  // A folder's index lists its folder; the config's `index` lists the whole set it is linted with.
  const records = set.filter((record) => record.path !== adr.path && (settings.index !== null || record.folder === dirname(adr.path)));
  const expected = indexLines(records, adr.path, settings.indexTemplate, project.root);
  const eol = lineEnding(adr.text);
  const location = findIndexBlock(adr.tree);
  if (location.kind === 'none') {
    if (settings.index === null) return;
    const before = adr.text === '' || adr.text.endsWith('\n') ? '' : eol;
    const text = `${before}${adr.text.trim() === '' ? '' : eol}${INDEX_START}${indexBlockText(expected, eol)}${INDEX_END}${eol}`;
    report({ range: [0, 0], message: `The index (the config's "index") has no ${INDEX_START} … ${INDEX_END} block`, fix: { range: [adr.text.length, adr.text.length], text } });
    return;
  }
  if (location.kind === 'unclosed') return report({ range: location.start, message: `The index block opens with ${INDEX_START} but never closes with ${INDEX_END}` });
  if (location.kind === 'unopened') return report({ range: location.end, message: `The index block closes with ${INDEX_END} but never opens with ${INDEX_START}` });
  const fix = { range: location.content, text: indexBlockText(expected, eol) };
  for (const difference of indexDifferences(adr.text, location, expected, eol)) report({ ...difference, fix });
};
