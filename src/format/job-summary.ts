// The Action's job summary (and its pull-request comment): totals, every problem with a link to its
// line, which ADRs use which catalogue pattern, and the ADR graph. GitHub refuses a summary over
// 1 MiB, so the text is cut to a byte budget: problem rows from the end first, then the graph.
import { relative } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import { totals, type LintResult } from '../engine/run-rules.ts';
import type { AdrRecord, Diagnostic } from '../model/types.ts';
import { buildSetReport } from './report-model.ts';
import { mermaidBlock } from './report-mermaid.ts';
import { patternUsageLines } from './report-markdown.ts';
import { escapeMarkdownText, markdownLink } from './escape.ts';
import { plural } from '../model/plural.ts';
import { toPosix } from '../model/paths.ts';

export interface JobSummaryInput {
  results: readonly LintResult[];
  records: readonly AdrRecord[];
  catalogue: Catalogue;
  /** The repository root: file paths are shown, and passed to fileUrl, relative to it. */
  root: string;
  /** A link to a file (at a line), e.g. on github.com at the commit; null for no link. */
  fileUrl?: (relativePath: string, line?: number) => string | null;
  /** Plain text; default "adrlint". */
  title?: string;
  /** Default JOB_SUMMARY_MAX_BYTES; the result is never longer, in UTF-8 bytes. */
  maxBytes?: number;
  /** Markdown lines of the caller's, shown under the totals (escape any ADR text in them first). */
  notes?: string[];
  /** The config's statuses, when it lists its own: the report groups by its words. */
  statuses?: readonly string[];
}

/** GitHub's limit is 1 MiB per step; this leaves room for whatever else the step writes. */
export const JOB_SUMMARY_MAX_BYTES = 1_000_000;

const encoder = new TextEncoder();

function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}


function relativePath(root: string, path: string): string {
  return toPosix(relative(root, path) || path);
}

function problemRow(path: string, message: Diagnostic, fileUrl: JobSummaryInput['fileUrl']): string {
  const file = markdownLink(path, fileUrl?.(path, message.line));
  const severity = message.severity === 'error' ? 'error' : 'warning';
  const rule = message.ruleId === null ? ' ' : ` ${markdownLink(message.ruleId, message.url)} `;
  return `| ${file} | ${message.line}:${message.column} | ${severity} |${rule}| ${escapeMarkdownText(message.message)} |`;
}

function leftOutLine(rows: number): string {
  const what = `${plural(rows, 'problem')} ${rows === 1 ? 'is' : 'are'}`;
  return `_${what} left out to keep this summary within GitHub's size limit: see the SARIF file, or run \`npx adrlint\` for the full list._`;
}

const GRAPH_LEFT_OUT = "_The ADR graph is left out to keep this summary within GitHub's size limit._";
const CUT = "_The rest is cut to keep this summary within GitHub's size limit._";

export function formatJobSummary(input: JobSummaryInput): string {
  const { results, root, fileUrl } = input;
  const maxBytes = Math.max(0, input.maxBytes ?? JOB_SUMMARY_MAX_BYTES);
  const report = buildSetReport(input.records, input.catalogue, { root, ...(input.statuses ? { statuses: input.statuses } : {}) });

  const { errors, warnings, fixable } = totals(results);
  const head = [
    `## ${escapeMarkdownText(input.title ?? 'adrlint')}`,
    '',
    `**${plural(results.length, 'file')}** linted · **${plural(errors, 'error')}** · **${plural(warnings, 'warning')}** · **${fixable}** fixable`,
    ...(input.notes ?? []).flatMap((note) => ['', note]),
    '',
    '### Problems',
    '',
  ];

  const rows = results.flatMap((result) => {
    const path = relativePath(root, result.filePath);
    return result.messages.map((message) => problemRow(path, message, fileUrl));
  });
  const tableHead = ['| File | Line | Severity | Rule | Message |', '| --- | --- | --- | --- | --- |'];

  const patterns = ['', '### Patterns', '', ...patternUsageLines(report, (path) => fileUrl?.(path) ?? null)];
  const block = mermaidBlock(report);
  const graph = block.length > 0 ? ['', '<details><summary>ADR graph: patterns and supersedes</summary>', '', ...block, '', '</details>'] : [];

  const render = (shownRows: readonly string[], leftOut: number, withGraph: boolean): string => {
    const problems = rows.length === 0 ? ['No problems found.'] : [...tableHead, ...shownRows, ...(leftOut > 0 ? ['', leftOutLine(leftOut)] : [])];
    const tail = withGraph ? graph : graph.length > 0 ? ['', GRAPH_LEFT_OUT] : [];
    return `${[...head, ...problems, ...patterns, ...tail].join('\n')}\n`;
  };

  const full = render(rows, 0, true);
  if (utf8Bytes(full) <= maxBytes) return full;

  // As many rows as fit beside everything else and the "left out" line (whose count only shrinks).
  for (const withGraph of graph.length > 0 ? [true, false] : [false]) {
    const fixed = utf8Bytes(render([], rows.length, withGraph));
    if (fixed > maxBytes) continue;
    let budget = maxBytes - fixed;
    let kept = 0;
    while (kept < rows.length) {
      const cost = utf8Bytes(rows[kept]!) + 1;
      if (cost > budget) break;
      budget -= cost;
      kept++;
    }
    return render(rows.slice(0, kept), rows.length - kept, withGraph);
  }

  // Not even the totals and the pattern table fit: keep the lines that do.
  return cutToBytes(render([], rows.length, false), maxBytes);
}

/** Whole lines from the start within `maxBytes`, with a line saying the rest was cut when it fits. */
function cutToBytes(text: string, maxBytes: number): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let bytes = 0;
  const notice = utf8Bytes(`\n${CUT}\n`);
  for (const line of lines) {
    const cost = utf8Bytes(line) + 1;
    if (bytes + cost + notice > maxBytes) break;
    kept.push(line);
    bytes += cost;
  }
  if (kept.length === 0) return '';
  return `${kept.join('\n')}\n\n${CUT}\n`;
}
