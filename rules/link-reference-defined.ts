import type { Nodes, Parents } from 'mdast';
import { distance } from 'fastest-levenshtein';
import type { ParsedAdr, ReportDescriptor, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';

interface Options {
  shortcutSyntax?: boolean | 'auto';
  ignoredLabels?: string[];
}

export const meta = {
  id: 'link-reference-defined',
  description: 'Reference links and images ([text][label], [label][], and [label] in a file with definitions) use a label that is defined',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('link-reference-defined'),
    why: 'A reference link shows as a link only when its label has a definition (`[label]: url`) somewhere in the file. Without one, `[the workflow engine][wf]` is printed as it was typed, brackets and all, and the reader gets no link: a definition dropped in an edit, or a label spelt two ways, breaks it silently. As markdownlint\'s MD052, the full `[text][label]` and collapsed `[label][]` forms are always checked. A bare `[label]` may just be text in brackets, so by default (`shortcutSyntax: auto`) it is checked only in a file that writes reference definitions, where a bracketed name with none is a link whose definition is missing; `true` checks it everywhere, `false` never (as MD052). Text in code is never read.',
    wrong: '# 1. Use a workflow engine\n\n## Decision\n\nWe use [Workflow Core][workflow-core], as [the spike][spike] showed, run by [Elsa].\n\n[workflowcore]: https://github.com/danielgerlag/workflow-core\n',
    right: '# 1. Use a workflow engine\n\n## Decision\n\nWe use [Workflow Core][workflow-core], as [the spike](https://example.com/spike) showed, run by [Elsa].\n\n[workflow-core]: https://github.com/danielgerlag/workflow-core\n[elsa]: https://github.com/elsa-workflows/elsa-core\n',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      shortcutSyntax: {
        type: ['boolean', 'string'],
        enum: [true, false, 'auto'],
        default: 'auto',
        description: 'A bare [label] with no definition: auto reports it in a file that writes reference definitions; true everywhere; false never (as MD052).',
      },
      ignoredLabels: { type: 'array', items: { type: 'string' }, default: ['x'], description: 'Labels never reported (default: "x", a task list checkbox).' },
    },
  },
} satisfies Rule['meta'];

/** A label as CommonMark matches it with a definition: blanks collapsed, trimmed, case folded. */
function normaliseLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

// Inline nodes whose source is not text that could hold a reference: code, HTML, and the links,
// images and references remark did parse.
const OPAQUE = new Set(['inlineCode', 'html', 'link', 'linkReference', 'image', 'imageReference']);

function offsets(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

const CODE_ELEMENTS = 'code|kbd|samp|tt|var|pre';
const CODE_OPEN = new RegExp(`^<(?:${CODE_ELEMENTS})(?:\\s[^>]*)?>$`, 'i');
const CODE_CLOSE = new RegExp(`^</(?:${CODE_ELEMENTS})\\s*>$`, 'i');

/** +1 for an inline code element's open tag, -1 for its close tag, 0 for any other HTML. */
function codeTagDelta(html: string): number {
  return CODE_OPEN.test(html) ? 1 : CODE_CLOSE.test(html) ? -1 : 0;
}

/** The source of a paragraph or heading with code, HTML, parsed links and escaped characters blanked (same length). */
function maskedSource(adr: ParsedAdr, block: Parents, range: [number, number]): string {
  const chars = adr.text.slice(range[0], range[1]).split('');
  const blank = (from: number, to: number) => {
    for (let i = Math.max(from, range[0]); i < Math.min(to, range[1]); i++) chars[i - range[0]] = ' ';
  };
  const visit = (node: Nodes): void => {
    const at = offsets(node);
    if (OPAQUE.has(node.type)) {
      if (at) blank(at[0], at[1]);
      return;
    }
    if ('children' in node) visitChildren(node as Parents);
  };
  // Between `<code>` and `</code>` (or kbd, samp, ...) brackets are shown as code, as written.
  const visitChildren = (parent: Parents): void => {
    let inCode = 0;
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'html') inCode = Math.max(0, inCode + codeTagDelta(child.value));
      const at = offsets(child);
      if (inCode > 0 && at) blank(at[0], at[1]);
      else visit(child);
    }
  };
  visitChildren(block);
  // `\[` is a bracket written as text.
  for (let i = 0; i < chars.length - 1; i++) {
    if (chars[i] !== '\\' || !/[!-/:-@[-`{-~]/.test(chars[i + 1]!)) continue;
    chars[i] = ' ';
    chars[++i] = ' ';
  }
  return chars.join('');
}

/** Paragraphs and headings, anywhere in the tree (lists, block quotes): where inline text is. */
function textBlocks(tree: Nodes): Parents[] {
  const blocks: Parents[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading') blocks.push(node);
    else if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(tree);
  return blocks;
}

/** Definitions of the file, by normalised label, with their label as written. */
function definitionsOf(tree: Nodes): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') found.set(node.identifier, node.label ?? node.identifier);
    else if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(tree);
  return found;
}

// `[text][label]` and `[label][]` (with `!` for an image). Not after a letter, a digit or a closing
// bracket: `matrix[i][j]` and `f()[0][1]` are code written without backticks, not references.
const FULL_OR_COLLAPSED = /(?<![\p{L}\p{N}_)\]])(!?)\[([^[\]]*)\]\[([^[\]]*)\]/gu;
// `[label]` alone: not followed by `(`, `[` or `:` (an inline link, a reference, a definition).
const SHORTCUT = /(?<![\p{L}\p{N}_)\]])(!?)\[([^[\]]+)\](?![[(:])/gu;

/** A label without case, separators or a plural `s`: "Workflow Core", "workflow-core" and "workflowcores" are one. */
const labelStem = (label: string) => label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/s$/, '');

/**
 * The defined label an undefined one is most likely written for: the only one that differs in case,
 * separators or a plural `s`, or by one typo in a label long enough (8 or more characters) that one
 * letter does not make another word ("DTCLS" is not "DTCs").
 */
function closeLabel(label: string, defined: Map<string, string>): string | null {
  const wanted = normaliseLabel(label);
  const close = [...defined].filter(([identifier]) => labelStem(identifier) === labelStem(wanted) || (wanted.length >= 8 && distance(wanted, identifier) <= 1));
  return close.length === 1 ? close[0]![1] : null;
}

/** A bracketed reference found in the text: where it is written, and where its label is (absolute offsets). */
interface Written {
  range: [number, number];
  image: boolean;
  label: string;
  labelAt: number;
  form: 'full' | 'collapsed' | 'shortcut';
}

/** The problem of a reference whose label has no definition, or null when it has one (or is ignored). */
function undefinedReference(written: Written, defined: Map<string, string>, ignored: ReadonlySet<string>): ReportDescriptor | null {
  const key = normaliseLabel(written.label);
  if (key === '' || key.startsWith('^') || defined.has(key) || ignored.has(key)) return null;
  const label = written.label.trim();
  const close = closeLabel(label, defined);
  // The defined label goes where the reference's label is written: inside the empty `[]` of `[label][]`.
  const at: [number, number] =
    written.form === 'collapsed' ? [written.range[1] - 1, written.range[1] - 1] : [written.labelAt, written.labelAt + written.label.length];
  const escape = written.form === 'shortcut' ? `, or write \\[${label}\\] for brackets as text` : '';
  return {
    range: written.range,
    message: `The ${written.image ? 'image' : 'link'} reference "${label}" has no definition, so it shows as plain text; add a "[${label}]: <url>" line${close ? `, or use the defined "${close}"` : ''}${escape}`,
    ...(close ? { suggestions: [{ desc: `Use the defined label "${close}"`, fix: { range: at, text: close } }] } : {}),
  };
}

/** The references written in one paragraph or heading: full and collapsed, then (when asked) shortcut ones. */
function writtenReferences(adr: ParsedAdr, block: Parents, shortcuts: boolean): Written[] {
  const range = offsets(block);
  if (!range) return [];
  const source = maskedSource(adr, block, range);
  const found: Written[] = [];
  for (const match of source.matchAll(FULL_OR_COLLAPSED)) {
    const [whole, image, text, label] = match as unknown as [string, string, string, string];
    const at = range[0] + match.index;
    const end = at + whole.length;
    found.push({ range: [at, end], image: image !== '', label: label === '' ? text : label, labelAt: end - 1 - label.length, form: label === '' ? 'collapsed' : 'full' });
  }
  if (!shortcuts) return found;
  // A full or collapsed reference is not also a shortcut one.
  for (const match of source.replace(FULL_OR_COLLAPSED, (whole) => ' '.repeat(whole.length)).matchAll(SHORTCUT)) {
    const [whole, image, label] = match as unknown as [string, string, string];
    const at = range[0] + match.index;
    found.push({ range: [at, at + whole.length], image: image !== '', label, labelAt: at + image.length + 1, form: 'shortcut' });
  }
  return found;
}

export const check: Rule<Options>['check'] = ({ adr, options, report }) => {
  const ignored = new Set((options?.ignoredLabels ?? ['x']).map(normaliseLabel));
  const defined = definitionsOf(adr.tree);
  const shortcutSyntax = options?.shortcutSyntax ?? 'auto';
  // A file that writes definitions uses reference links: a bracketed name there with none is one whose definition is missing.
  const shortcuts = shortcutSyntax === true || (shortcutSyntax === 'auto' && defined.size > 0);
  for (const block of textBlocks(adr.tree)) {
    for (const written of writtenReferences(adr, block, shortcuts)) {
      const problem = undefinedReference(written, defined, ignored);
      if (problem) report(problem);
    }
  }
};
