// JUnit XML, the test report GitLab (artifacts:reports:junit), Jenkins and Azure Pipelines show:
// a <testsuite> per file, a failing <testcase> per problem, a passing one for a clean file. As
// ESLint's junit formatter: errors and warnings are both <failure>s (a warning left out would go
// unseen; <skipped> would read as "not checked"), the severity in `type`; a file that could not be
// linted at all is an <error>.
import { relative } from 'node:path';
import type { LintResult } from '../engine/run-rules.ts';
import type { Diagnostic } from '../model/types.ts';
import { insidePath, toPosix } from '../model/paths.ts';

export interface JunitOptions {
  /** The repository root: suite names and `file` are relative to it. */
  root: string;
}

/** Longest message kept in a test case's name; the whole message is in the failure. */
const NAME_MESSAGE_LENGTH = 120;

/** Repository-relative with `/`, or absolute for a file outside the repository. */
function reportPath(root: string, filePath: string): string {
  const path = insidePath(root, filePath);
  return path === null ? filePath : toPosix(path);
}

// Characters XML 1.0 forbids anywhere, even as references: C0 controls but tab, LF and CR, lone
// surrogates, U+FFFE and U+FFFF. Written as visible escapes, so the text keeps saying what it held.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

function visible(text: string): string {
  return text.replace(FORBIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a quoted attribute value: tab and line breaks as references, which parsers keep. */
export function xmlAttribute(text: string): string {
  return visible(text).replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
}

/** Text for element content: CR as a reference, which line-end normalisation would drop. */
export function xmlText(text: string): string {
  return visible(text).replace(/[&<>\r]/g, (c) => ENTITIES[c]!);
}

/** At most `length` characters (code points, so a pair is never split), with an ellipsis when cut. */
function truncate(text: string, length: number): string {
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join('')}…`;
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join('');
}

function problemCase(path: string, m: Diagnostic): string {
  const where = `${path}:${m.line}:${m.column}`;
  const severity = m.severity === 'error' ? 'error' : 'warning';
  const kind = m.fatal ? 'error' : 'failure';
  const details = [
    `${severity} at ${where}-${m.endLine}:${m.endColumn}`,
    m.message,
    ...(m.ruleId ? [`Rule: ${m.ruleId}${m.url ? ` (${m.url})` : ''}`] : []),
  ].join('\n');
  const head = attributes({ classname: m.ruleId ?? 'adrlint', name: `${where} ${truncate(m.message, NAME_MESSAGE_LENGTH)}`, file: path, time: 0 });
  const outcome = `<${kind}${attributes({ message: m.message, type: m.fatal ? 'fatal' : severity })}>${xmlText(details)}</${kind}>`;
  return `    <testcase${head}>\n      ${outcome}\n    </testcase>\n`;
}

export function formatJunit(results: readonly LintResult[], { root }: JunitOptions): string {
  let suites = '';
  const totals = { tests: 0, failures: 0, errors: 0 };
  for (const result of results) {
    const path = reportPath(root, result.filePath);
    const errors = result.messages.filter((m) => m.fatal).length;
    const counts = { tests: Math.max(1, result.messages.length), failures: result.messages.length - errors, errors };
    totals.tests += counts.tests;
    totals.failures += counts.failures;
    totals.errors += counts.errors;
    const cases =
      result.messages.length === 0
        ? `    <testcase${attributes({ classname: 'adrlint', name: path, file: path, time: 0 })}/>\n`
        : result.messages.map((m) => problemCase(path, m)).join('');
    suites += `  <testsuite${attributes({ name: path, tests: counts.tests, failures: counts.failures, errors: counts.errors, skipped: 0, time: 0 })}>\n${cases}  </testsuite>\n`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes({ name: 'adrlint', ...totals, time: 0 })}>\n${suites}</testsuites>\n`;
}
