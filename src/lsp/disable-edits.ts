// The edits of the "Disable <rule>" code actions, read from the document as adrlint parses it (its
// frontmatter block as src/parse/frontmatter.ts reads it, so line endings, a BOM and where the block
// ends agree with the rest of adrlint), and kept only when the directives adrlint would read from
// the edited text turn the problem off:
// - for the file: the rule added to the frontmatter key `adrlint-disable` in the list's own style
//   (src/parse/directives.ts, rules/support/yaml-edits.ts), the key added when it is absent, and,
//   in a file without frontmatter, an `<!-- adrlint-disable rule -->` comment on its first line
//   (frontmatter is never created in a file that has none);
// - for a line of the body: an `<!-- adrlint-disable-next-line rule -->` comment above it, or an
//   `<!-- adrlint-disable-line rule -->` at its end where a line of its own would split a paragraph
//   or a table; or the rule added to such a comment already there. YAML holds no comment adrlint
//   reads, so a line of the frontmatter gets none.
// A key's edit is checked by reading the edited frontmatter alone (the key holds for the whole
// file, whatever the comments say); a comment's by parsing the edited text, once per edit.
import type { Nodes, Parents, Root } from 'mdast';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { Catalogue } from '../model/catalogue.ts';
import type { Diagnostic, ParsedAdr, TextEdit } from '../model/types.ts';
import { createLineIndex } from '../model/positions.ts';
import { applyDirectives, FRONTMATTER_KEY, readDirectives } from '../parse/directives.ts';
import { frontmatterField, nodeRange, readFrontmatter } from '../parse/frontmatter.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { appendFrontmatterItems, insertFrontmatterPair, lineEnding } from '../../rules/support/yaml-edits.ts';

// The actions read the frontmatter and the comments: no pattern mentions to find.
const NO_PATTERNS = new Catalogue([], []);
const EVERY_RULE = { has: () => true };

/** The document's text as adrlint parses it (its BOM left out: add `adr.bom` to its offsets), or null for a text adrlint will not parse. */
export function parseDocument(path: string, text: string): ParsedAdr | null {
  try {
    return parseAdr(path, text, NO_PATTERNS);
  } catch {
    return null;
  }
}

/** The "Disable <rule>" edits of one text, each checked against the directives adrlint would read from the edited text. */
export class DisableEdits {
  /** The edited texts parsed so far, by edit: several problems of one rule share the file's edit. */
  private readonly edited = new Map<string, ParsedAdr | null>();
  private blockStarts: Map<number, boolean> | undefined;

  constructor(readonly adr: ParsedAdr) {}

  /** "Disable <rule> for this file": an edit of `adr.text`, or null when no edit would turn `message` off. */
  file(message: Diagnostic, ruleId: string): TextEdit | null {
    const { adr } = this;
    if (adr.frontmatter) {
      const edit = frontmatterKeyEdit(adr, ruleId);
      return edit && this.keyDisables(edit, ruleId) ? edit : null;
    }
    if (adr.unterminatedFrontmatter) return null;
    const edit = topCommentEdit(adr, ruleId);
    return this.commentDisables(edit, message) ? edit : null;
  }

  /**
   * "Disable <rule> for this line": an edit of `adr.text`, or null for a line of the frontmatter or
   * when the comment would not be read. Above a line that starts a block (a paragraph, a heading, a
   * list item, a table), an `<!-- adrlint-disable-next-line rule -->` line; at the end of a line
   * that continues one (a paragraph's second line, a table's row), where a line of its own would
   * split it, `<!-- adrlint-disable-line rule -->`.
   */
  line(message: Diagnostic, ruleId: string): TextEdit | null {
    const { adr } = this;
    if (adr.frontmatter && message.line <= adr.lines.position(adr.frontmatter.blockRange[1]).line) return null;
    this.blockStarts ??= blockStartLines(adr.tree);
    const laterItem = this.blockStarts.get(message.line);
    const edit = laterItem === undefined ? commentAtEnd(adr, message.line, ruleId) : commentAbove(adr, message.line, ruleId, laterItem);
    return edit && this.commentDisables(edit, message) ? edit : null;
  }

  /** Whether the edited frontmatter reads as data and its `adrlint-disable` key turns `ruleId` off (for the whole file, whatever the comments say). */
  private keyDisables(edit: TextEdit, ruleId: string): boolean {
    const frontmatter = this.adr.frontmatter!;
    const [start, end] = edit.range;
    const blockEnd = frontmatter.blockRange[1];
    if (end > blockEnd) return false;
    const text = this.adr.text.slice(0, start) + edit.text + this.adr.text.slice(end);
    const lines = createLineIndex(text);
    const edited = readFrontmatter(text, blockEnd + edit.text.length - (end - start), lines);
    if (!edited.data) return false;
    const [key] = readDirectives({ text, tree: { type: 'root', children: [] }, lines, frontmatter: edited });
    return key?.kind === 'disable-file' && !key.error && (key.rules.length === 0 || key.rules.includes(ruleId));
  }

  /**
   * Whether the comments of the edited text turn `message` off where the edit moves it, and the
   * edit leaves the frontmatter as readable as it was: a comment in a code block, or before an
   * `adrlint-enable` that turns the rule back on, says no.
   */
  private commentDisables(edit: TextEdit, message: Diagnostic): boolean {
    const { adr } = this;
    const [start, end] = edit.range;
    const key = `${start}:${end}:${edit.text}`;
    let after = this.edited.get(key);
    if (after === undefined) this.edited.set(key, (after = parseDocument(adr.path, adr.text.slice(0, start) + edit.text + adr.text.slice(end))));
    if (after === null || (adr.frontmatter?.data && !after.frontmatter?.data)) return false;
    const moved = (offset: number): number => (offset >= end ? offset + edit.text.length - (end - start) : Math.min(offset, start));
    const from = after.lines.position(moved(adr.lines.offset({ line: message.line, column: message.column })));
    const to = after.lines.position(moved(adr.lines.offset({ line: message.endLine, column: message.endColumn })));
    const shifted: Diagnostic = { ...message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
    const outcome = applyDirectives([shifted], after.directives, { knownRules: EVERY_RULE, reportUnused: false });
    return outcome.messages.length === 0 && after.directives.every((directive) => !directive.error);
  }
}

/** The `adrlint-disable-next-line` comment above `line`, or the rule added to one already there. */
function commentAbove(adr: ParsedAdr, line: number, ruleId: string, laterItem: boolean): TextEdit | null {
  const above = adr.directives.find((directive) => directive.kind === 'disable-next-line' && directive.endLine === line - 1);
  if (above) return above.rulesRange && above.rules.length > 0 ? { range: [above.rulesRange[1], above.rulesRange[1]], text: `, ${ruleId}` } : null;
  const start = adr.lines.offset({ line, column: 1 });
  // The line's indentation and quote markers: the comment stays in the list item or quote the line is in.
  const lead = /^((?:[ \t]*>)*[ \t]*)((?:[-*+]|\d{1,9}[.)])[ \t]+)?/.exec(adr.text.slice(start))!;
  // Above a later item, in the item before: as far in as the text after this item's marker.
  const prefix = laterItem && lead[2] ? `${lead[1]}${' '.repeat(lead[2].length)}` : lead[1]!;
  return { range: [start, start], text: `${prefix}<!-- adrlint-disable-next-line ${ruleId} -->${lineEnding(adr.text)}` };
}

/** The `adrlint-disable-line` comment at the end of `line` (before its trailing spaces, a hard break), or the rule added to one already there. */
function commentAtEnd(adr: ParsedAdr, line: number, ruleId: string): TextEdit | null {
  const there = adr.directives.find((directive) => directive.kind === 'disable-line' && directive.line <= line && directive.endLine >= line);
  if (there) return there.rulesRange && there.rules.length > 0 ? { range: [there.rulesRange[1], there.rulesRange[1]], text: `, ${ruleId}` } : null;
  const start = adr.lines.offset({ line, column: 1 });
  const content = /^[^\r\n]*/.exec(adr.text.slice(start))![0];
  const end = start + content.trimEnd().length;
  return { range: [end, end], text: ` <!-- adrlint-disable-line ${ruleId} -->` };
}

// The blocks that hold blocks; a paragraph's, a heading's or a table's children are inline.
const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition']);

/**
 * The lines where a block of the body starts, where a comment line above leaves the blocks as they
 * are: true for a list's item after its first, whose comment goes at the end of the item before
 * (indented as its content), so that the list stays one list.
 */
function blockStartLines(tree: Root): Map<number, boolean> {
  const lines = new Map<number, boolean>();
  const visit = (node: Nodes, laterItem: boolean): void => {
    if (node.position && !lines.has(node.position.start.line)) lines.set(node.position.start.line, laterItem);
    if (CONTAINERS.has(node.type) && 'children' in node) (node as Parents).children.forEach((child, i) => visit(child, node.type === 'list' && i > 0));
  };
  for (const child of tree.children) visit(child, false);
  return lines;
}

/** The rule added to the `adrlint-disable` key (made a list when it holds one id), or the key added to the mapping. */
function frontmatterKeyEdit(adr: ParsedAdr, ruleId: string): TextEdit | null {
  const frontmatter = adr.frontmatter;
  if (!frontmatter?.data) return null;
  const field = frontmatterField(frontmatter, FRONTMATTER_KEY);
  if (!field) return insertFrontmatterPair(adr, `${FRONTMATTER_KEY}:${newListText(adr, ruleId)}`);
  // `adrlint-disable: false` turns nothing off: the list takes its place.
  if (field.node && isScalar(field.node) && field.node.value === false) return { range: nodeRange(frontmatter, field.node), text: `[${ruleId}]` };
  return appendFrontmatterItems(adr, FRONTMATTER_KEY, [ruleId]);
}

/** A new key's value: a block list as the frontmatter's first list is written when it is one, else ` [rule]`. */
function newListText(adr: ParsedAdr, ruleId: string): string {
  const frontmatter = adr.frontmatter!;
  const root = frontmatter.document.contents;
  const values = isMap(root) ? root.items.map((pair) => pair.value) : [];
  const list = values.find((value) => isSeq(value) && value.items.length > 0);
  if (isSeq(list) && !list.flow) {
    const [itemStart] = nodeRange(frontmatter, list.items[0] as YamlNode);
    let lineStart = itemStart;
    while (lineStart > 0 && !/[\r\n]/.test(adr.text.charAt(lineStart - 1))) lineStart--;
    const prefix = adr.text.slice(lineStart, itemStart);
    if (/^[ \t]*-[ \t]+$/.test(prefix)) return `${lineEnding(frontmatter.yamlText || adr.text)}${prefix}${ruleId}`;
  }
  return ` [${ruleId}]`;
}

/** `<!-- adrlint-disable rule -->` on the first line, or the rule added to such a comment already there. */
function topCommentEdit(adr: ParsedAdr, ruleId: string): TextEdit {
  const first = adr.directives[0];
  if (first?.kind === 'disable' && first.line === 1 && first.column === 1 && first.rules.length > 0 && first.rulesRange) {
    return { range: [first.rulesRange[1], first.rulesRange[1]], text: `, ${ruleId}` };
  }
  return { range: [0, 0], text: `<!-- adrlint-disable ${ruleId} -->${lineEnding(adr.text)}` };
}
