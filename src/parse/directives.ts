// Inline control of the rules, as ESLint's and markdownlint's comments: `<!-- adrlint-disable ids -->`
// until `<!-- adrlint-enable ids -->`, `<!-- adrlint-disable-line ids -->`,
// `<!-- adrlint-disable-next-line ids -->`, and the frontmatter key `adrlint-disable: [ids]` (or
// `true`, `all`) for the whole file. Read at parse time from the tree's html nodes, so a comment in
// code is never one; kept in the record, so a cached run applies them without parsing; applied to
// a file's problems after every rule ran, file rules and set rules alike.
import type { Nodes, Parents, Root } from 'mdast';
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Diagnostic, DisableDirective, Frontmatter, LineIndex } from '../model/types.ts';

export const FRONTMATTER_KEY = 'adrlint-disable';

// The longer names first: `adrlint-disable-line` is not `adrlint-disable` with a rule "-line".
const COMMENT = /<!--[ \t\r\n]*adrlint-(disable-next-line|disable-line|disable|enable)(?![\w-])([\s\S]*?)-->/g;
// ESLint's convention: `<!-- adrlint-disable-line pattern-link -- the page is down -->`.
const DESCRIPTION = /(?:^|\s)--(?:\s|$)/;
const RULE_ID = /[^\s,]+/g;

interface Source {
  text: string;
  tree: Root;
  lines: LineIndex;
  frontmatter: Frontmatter | null;
}

/** The directives of a parsed file, in document order (the frontmatter key first). */
export function readDirectives({ text, tree, lines, frontmatter }: Source): DisableDirective[] {
  // Most files have none: no walk of the tree for them.
  if (!text.includes('adrlint-')) return [];
  const directives: DisableDirective[] = [];
  const fromKey = frontmatter ? frontmatterDirective(text, lines, frontmatter) : null;
  if (fromKey) directives.push(fromKey);
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined) directives.push(...commentDirectives(text, lines, start, end));
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(tree);
  return directives;
}

/** The directives written in the source range of one html node (a node may hold several comments). */
function commentDirectives(text: string, lines: LineIndex, from: number, to: number): DisableDirective[] {
  const found: DisableDirective[] = [];
  for (const match of text.slice(from, to).matchAll(COMMENT)) {
    const start = from + match.index;
    const end = start + match[0].length;
    const body = match[2] ?? '';
    const bodyStart = end - 3 - body.length;
    const description = DESCRIPTION.exec(body);
    const list = description ? body.slice(0, description.index) : body;
    const tokens = [...list.matchAll(RULE_ID)];
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    found.push({
      kind: match[1] as DisableDirective['kind'],
      rules: [...new Set(tokens.map((token) => token[0]))],
      ...span(lines, start, end),
      removal: commentRemoval(text, start, end),
      rulesRange: first && last ? [bodyStart + first.index, bodyStart + last.index + last[0].length] : null,
    });
  }
  return found;
}

/** The frontmatter key: `true`, `all`, a rule id or a list of them. */
function frontmatterDirective(text: string, lines: LineIndex, frontmatter: Frontmatter): DisableDirective | null {
  const root = frontmatter.document.contents;
  if (!frontmatter.data || !isMap(root)) return null;
  const pair = root.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === FRONTMATTER_KEY);
  if (!pair) return null;
  const key = pair.key as YamlNode;
  const value = pair.value as YamlNode | null;
  const start = frontmatter.yamlOffset + (key.range?.[0] ?? 0);
  let end = frontmatter.yamlOffset + (value?.range?.[1] ?? key.range?.[1] ?? 0);
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  const directive: DisableDirective = { kind: 'disable-file', rules: [], ...span(lines, start, end), removal: keyRemoval(text, start, end), rulesRange: null };

  const words = (written: string) => written.match(RULE_ID) ?? [];
  let ids: string[];
  if (!value || (isScalar(value) && (value.value === null || value.value === false))) return null;
  if (isScalar(value) && value.value === true) ids = ['all'];
  else if (isScalar(value) && typeof value.value === 'string') ids = words(value.value);
  else if (isSeq(value) && value.items.every((item) => isScalar(item) && typeof item.value === 'string')) ids = value.items.flatMap((item) => words(String((item as { value: string }).value)));
  else {
    directive.error = `"${FRONTMATTER_KEY}" must be true, "all" or a list of rule ids, not ${isSeq(value) ? 'a list with other values' : isMap(value) ? 'a mapping' : `a ${isScalar(value) ? typeof value.value : 'value of another kind'}`}`;
    return directive;
  }
  if (ids.length === 0) return null;
  directive.rules = ids.includes('all') ? [] : [...new Set(ids)];
  return directive;
}

function span(lines: LineIndex, start: number, end: number): Pick<DisableDirective, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const from = lines.position(start);
  const to = lines.position(end);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

const lineStartOf = (text: string, offset: number): number => {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
};

const lineEndOf = (text: string, offset: number): number => {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
};

const breakLength = (text: string, lineEnd: number): number => (text.startsWith('\r\n', lineEnd) ? 2 : lineEnd < text.length ? 1 : 0);

const blank = (line: string): boolean => !/\S/.test(line);

/** Whether the line before the one starting at `lineStart` is empty (or there is none). */
function blankBefore(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  const previousEnd = lineStart - (text.startsWith('\r\n', lineStart - 2) ? 2 : 1);
  return blank(text.slice(lineStartOf(text, previousEnd), previousEnd));
}

/**
 * What deleting a comment removes: its whole line when it is alone there (and one of the blank
 * lines around it, so no run of empty lines is left), else the comment and the spaces that would
 * be doubled.
 */
function commentRemoval(text: string, start: number, end: number): [number, number] {
  const lineStart = lineStartOf(text, start);
  const lineEnd = lineEndOf(text, end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (blank(before) && blank(after)) {
    let removeStart = lineStart;
    let removeEnd = lineEnd + breakLength(text, lineEnd);
    if (blankBefore(text, lineStart)) {
      const nextEnd = lineEndOf(text, removeEnd);
      if (removeEnd < text.length && blank(text.slice(removeEnd, nextEnd))) removeEnd = nextEnd + breakLength(text, nextEnd);
      // The last line: the blank line before it goes instead.
      else if (removeEnd >= text.length && lineStart > 0) removeStart = lineStartOf(text, lineStart - (text.startsWith('\r\n', lineStart - 2) ? 2 : 1));
    }
    return [removeStart, removeEnd];
  }
  const spacesBefore = /[ \t]*$/.exec(before)?.[0].length ?? 0;
  const spacesAfter = /^[ \t]*/.exec(after)?.[0].length ?? 0;
  // Leading the line: keep its indentation, drop the spaces after. Ending it: drop the spaces before.
  if (blank(before)) return [start, end + spacesAfter];
  if (blank(after)) return [start - spacesBefore, lineEnd];
  // Between words: one of the two spaces goes.
  return spacesBefore > 0 && spacesAfter > 0 ? [start - spacesBefore, end] : [start, end];
}

/** The key's lines, when the key starts its line (a block mapping); null in a flow mapping. */
function keyRemoval(text: string, start: number, end: number): [number, number] | null {
  const lineStart = lineStartOf(text, start);
  if (!blank(text.slice(lineStart, start))) return null;
  const lineEnd = lineEndOf(text, end);
  return [lineStart, lineEnd + breakLength(text, lineEnd)];
}

export interface DirectiveOptions {
  /** The rules adrlint has: a directive naming any other id is reported. */
  knownRules: { has(id: string): boolean };
  /** Report the directives that disabled nothing (`--report-unused-disable`). */
  reportUnused: boolean;
}

export interface DirectiveOutcome {
  /** The problems no directive disabled, in their order. */
  messages: Diagnostic[];
  /** The directives' own problems: unknown rules, a bad frontmatter value, unused directives. */
  problems: Diagnostic[];
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }): boolean =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);

const covers = (directive: DisableDirective, ruleId: string): boolean => directive.rules.length === 0 || directive.rules.includes(ruleId);

/**
 * Drop the problems the directives disable. A problem counts where it starts, as in ESLint; a
 * problem of no rule (an unreadable file, a directive's own) is never disabled.
 */
export function applyDirectives(messages: readonly Diagnostic[], directives: readonly DisableDirective[], options: DirectiveOptions): DirectiveOutcome {
  if (directives.length === 0) return { messages: [...messages], problems: [] };
  const active = directives.filter((directive) => !directive.error);
  const ranges = active.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable').sort((a, b) => a.line - b.line || a.column - b.column);
  const used = new Map<DisableDirective, Set<string>>();

  const disabling = (message: Diagnostic, ruleId: string): DisableDirective | undefined => {
    const onLine = active.find(
      (directive) =>
        ((directive.kind === 'disable-line' && message.line >= directive.line && message.line <= directive.endLine) ||
          (directive.kind === 'disable-next-line' && message.line === directive.endLine + 1)) &&
        covers(directive, ruleId),
    );
    if (onLine) return onLine;
    // Replay the disable/enable comments up to the problem: which one holds the rule off there.
    let all: DisableDirective | null = null;
    const byRule = new Map<string, DisableDirective>();
    const enabledUnderAll = new Set<string>();
    for (const directive of ranges) {
      if (!before(directive, message)) break;
      if (directive.kind === 'disable' && directive.rules.length === 0) {
        all = directive;
        enabledUnderAll.clear();
      } else if (directive.kind === 'disable') {
        for (const id of directive.rules) {
          byRule.set(id, directive);
          enabledUnderAll.delete(id);
        }
      } else if (directive.rules.length === 0) {
        all = null;
        byRule.clear();
        enabledUnderAll.clear();
      } else {
        for (const id of directive.rules) {
          byRule.delete(id);
          if (all) enabledUnderAll.add(id);
        }
      }
    }
    const inRange = byRule.get(ruleId) ?? (all && !enabledUnderAll.has(ruleId) ? all : undefined);
    return inRange ?? active.find((directive) => directive.kind === 'disable-file' && covers(directive, ruleId));
  };

  const kept = messages.filter((message) => {
    if (message.ruleId === null) return true;
    const directive = disabling(message, message.ruleId);
    if (!directive) return true;
    const ids = used.get(directive) ?? new Set<string>();
    ids.add(message.ruleId);
    used.set(directive, ids);
    return false;
  });
  return { messages: kept, problems: directiveProblems(directives, used, options) };
}

function directiveProblems(directives: readonly DisableDirective[], used: ReadonlyMap<DisableDirective, Set<string>>, options: DirectiveOptions): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const at = (directive: DisableDirective) => ({ line: directive.line, column: directive.column, endLine: directive.endLine, endColumn: directive.endColumn });
  for (const directive of directives) {
    const name = `adrlint-${directive.kind === 'disable-file' ? 'disable' : directive.kind}`;
    const where = directive.kind === 'disable-file' ? `the ${name} frontmatter key` : `${name} comment`;
    if (directive.error) {
      problems.push({ ruleId: null, directive: true, severity: 'error', message: directive.error, ...at(directive) });
      continue;
    }
    for (const id of directive.rules) {
      if (!options.knownRules.has(id)) problems.push({ ruleId: null, directive: true, severity: 'error', message: `Unknown rule "${id}" in ${where}`, ...at(directive) });
    }
    if (!options.reportUnused || directive.kind === 'enable') continue;
    const hits = used.get(directive) ?? new Set<string>();
    const unused = directive.rules.filter((id) => options.knownRules.has(id) && !hits.has(id));
    const disabledNothing = directive.rules.length === 0 ? hits.size === 0 : unused.length > 0;
    if (!disabledNothing) continue;
    const from = unused.length === 0 ? '' : ` from ${orList(unused.map((id) => `"${id}"`))}`;
    const problem: Diagnostic = { ruleId: null, directive: true, severity: 'warn', message: `Unused ${name} directive (no problems were reported${from})`, ...at(directive) };
    // The ids still in use (and unknown ones, reported on their own) stay; with none left, the directive goes.
    const keep = directive.rules.filter((id) => !unused.includes(id));
    if (keep.length === 0 && directive.removal) problem.fix = { range: directive.removal, text: '' };
    else if (keep.length > 0 && directive.rulesRange) problem.fix = { range: directive.rulesRange, text: keep.join(', ') };
    problems.push(problem);
  }
  return problems;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
