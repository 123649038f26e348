// `adrlint link [paths] [--dry-run]`: only the pattern-link fix, whatever the config says of the rule.
import { dirname, relative } from 'node:path';
import { findRepositoryRoot } from '../io/project-index.ts';
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { plural } from '../model/plural.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { patternLinkTarget } from '../parse/record.ts';
import { resolveLinkPath, splitUrl } from '../parse/link-targets.ts';
import type { LintResult } from '../engine/run-rules.ts';
import { lintProject, loadProject } from '../run/lint-project.ts';
import { EXIT_LINT_ERRORS, EXIT_OK, type CliIo, type Command, type CommandInput } from './command.ts';
import { emit, noteSkipped } from './output.ts';

export const linkCommand: Command = {
  name: 'link',
  usage: '  adrlint link [paths...] [--dry-run]  link the first mention of each pattern (only that fix)\n',
  operands: 'paths',
  flags: ['config', 'dry-run', 'output-file'],
  ignores: ['color', 'no-color', 'cache', 'cache-location', 'concurrency', 'template', 'status', 'folder', 'force'],
  run: runLink,
};

async function runLink({ io, values, operands }: CommandInput): Promise<number> {
  const dryRun = Boolean(values['dry-run']);
  const { config } = loadProject({ cwd: io.cwd, configFile: values.config });
  // Asking to link is asking for the rule by name: it links on sets that have not adopted `patterns` too.
  const severity = config.rules['pattern-link']?.severity;
  const outcome = await lintProject({
    cwd: io.cwd,
    paths: operands,
    configFile: values.config,
    ruleOverrides: [`pattern-link:${severity === undefined || severity === 'off' ? 'warn' : severity}`],
    fix: { write: !dryRun, rules: new Set(['pattern-link']) },
  });
  noteSkipped(outcome, io);
  const missing = missingPatternPages(outcome.results, outcome.catalogue, outcome.config, findRepositoryRoot(io.cwd));
  if (missing.length > 0) {
    const pages = missing.map((page) => relative(io.cwd, page) || page).join(', ');
    io.stderr.write(`adrlint: warning: not linked: the linkTemplate's page${missing.length === 1 ? ' is' : 's are'} missing: ${pages}\n`);
  }
  const { text, failed } = linkSummary(outcome.results, dryRun, io);
  emit((dryRun ? (await import('../format/diff.ts')).formatFixDiff(outcome.results, io.cwd) : '') + text, values['output-file'], io);
  return failed > 0 ? EXIT_LINT_ERRORS : EXIT_OK;
}

/** A line for each file linked (or that could not be written), then the count; `failed` counts the files' own problems. */
function linkSummary(results: readonly LintResult[], dryRun: boolean, io: CliIo): { text: string; failed: number } {
  let text = '';
  let linked = 0;
  let files = 0;
  let failed = 0;
  for (const result of results) {
    const problems = result.messages.filter((m) => m.ruleId === null);
    failed += problems.length;
    for (const problem of problems) text += `${relative(io.cwd, result.filePath) || result.filePath}: ${problem.message}\n`;
    if (!result.fixedCount) continue;
    linked += result.fixedCount;
    files++;
    if (!dryRun) text += `${relative(io.cwd, result.filePath) || result.filePath}: linked ${plural(result.fixedCount, 'pattern mention')}\n`;
  }
  text += `${plural(linked, 'pattern mention')} ${dryRun ? 'would be linked' : 'linked'} in ${plural(files, 'file')}.\n`;
  return { text, failed };
}

/** The pattern pages pattern-link would have linked to but found missing, each once, in the order met. */
function missingPatternPages(results: readonly LintResult[], catalogue: Catalogue, config: ResolvedConfig, root: string): string[] {
  const pages = new Set<string>();
  const linkTemplate = config.linkTemplate;
  for (const result of results) {
    const unlinked = result.messages.filter((message) => message.ruleId === 'pattern-link' && !message.fix);
    // The messages are of the text as fixed, when it was.
    const text = result.output ?? result.source;
    if (unlinked.length === 0 || text === undefined || linkTemplate === null) continue;
    const adr = parseAdr(result.filePath, text, catalogue);
    for (const message of unlinked) {
      const at = adr.lines.offset({ line: message.line, column: message.column });
      const pattern = catalogue.get(adr.mentions.find((mention) => mention.range[0] === at)?.slug ?? '');
      const target = pattern ? patternLinkTarget(pattern, { linkTemplate }) : null;
      if (target) pages.add(resolveLinkPath(splitUrl(target).path, dirname(result.filePath), root));
    }
  }
  return [...pages];
}
