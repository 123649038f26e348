// What renumbering one ADR changes, as a plan: the record's new file name, and the minimal text
// edits that carry the new number into its title and into every reference to it in the set
// (relative links, supersede and amend keys and lines, "ADR-0042"-style mentions). Pure: the files
// are given with their text and parse; src/run/renumber.ts reads them and writes the plan.
import { basename, dirname } from 'node:path';
import type { Nodes, Parents } from 'mdast';
import type { AdrRecord, ParsedAdr, TextEdit } from '../model/types.ts';
import { fileNumberDigits } from '../model/naming.ts';
import { decodeUrlPart, HTML, isExternalUrl, MARKDOWN, resolveLinkPath, splitUrl } from '../parse/link-targets.ts';
import { titleNumber } from '../parse/record-title.ts';
import { replaceLinkFileName } from '../../rules/support/link-edits.ts';
import { replacementName } from '../../rules/support/renamed-targets.ts';
import { applyEdits } from './apply-edits.ts';

/** A file of the set as the plan reads it. */
export interface PlanFile {
  path: string;
  adr: ParsedAdr;
  /** Its record (a README or index page beside the records has one too: buildRecord reads any file). */
  record: AdrRecord;
}

export interface RenumberPlan {
  from: string;
  to: string;
  /** The digits as written before and after ("0042" → "0043"). */
  oldDigits: string;
  newDigits: string;
  /** Each file's edits on its text (BOM left out, as ParsedAdr.text), by path; files without edits are left out. */
  edits: Map<string, TextEdit[]>;
}

/** The name `name` takes with the number `to`, as wide as its number was written; null for a name without a number. */
export function renumberedName(name: string, to: number): { name: string; oldDigits: string; newDigits: string } | null {
  const digits = fileNumberDigits(name);
  if (digits === null) return null;
  const at = name.indexOf(digits);
  const newDigits = String(to).padStart(digits.length, '0');
  return { name: name.slice(0, at) + newDigits + name.slice(at + digits.length), oldDigits: digits, newDigits };
}

/** The number written as wide as `written` was ("0042" and 43 → "0043", "42" and 43 → "43"). */
function sameWidth(written: string, to: number): string {
  return String(to).padStart(written.length, '0');
}

/**
 * The plan: the target is one of `files`; `root` resolves links that start with "/". When another
 * record of the folder shares the old number (a collision), a reference by number alone ("ADR-0042",
 * `supersedes: 42`) could mean either, so only links, which name the file, are rewritten.
 */
export function planRenumber(target: PlanFile, to: number, files: readonly PlanFile[], root: string, numberShared = false): RenumberPlan {
  const renamed = renumberedName(basename(target.path), to);
  if (!renamed) throw new Error(`${basename(target.path)} has no number in its name`);
  const oldNumber = Number(renamed.oldDigits);
  const folder = dirname(target.path);
  const newPath = `${folder}/${renamed.name}`.replace(/\/\//g, '/');
  const edits = new Map<string, TextEdit[]>();
  const add = (path: string, edit: TextEdit | null) => {
    if (!edit) return;
    const list = edits.get(path) ?? [];
    if (!list.some((known) => known.range[0] === edit.range[0] && known.range[1] === edit.range[1])) list.push(edit);
    edits.set(path, list);
  };
  for (const edit of titleEdits(target, oldNumber, to)) add(target.path, edit);
  for (const file of files) {
    const sameFolder = dirname(file.path) === folder;
    for (const edit of linkEdits(file, target.path, renamed.name, root)) add(file.path, edit);
    if (!sameFolder || numberShared) continue;
    for (const edit of relationEdits(file, oldNumber, to)) add(file.path, edit);
    for (const edit of mentionEdits(file.adr, oldNumber, to)) add(file.path, edit);
  }
  for (const [path, list] of edits) list.sort((a, b) => a.range[0] - b.range[0]);
  return { from: target.path, to: newPath, oldDigits: renamed.oldDigits, newDigits: renamed.newDigits, edits };
}

/** The number in the H1 and in the frontmatter `title`, when they carry the old one. */
function titleEdits(target: PlanFile, from: number, to: number): TextEdit[] {
  const { record, adr } = target;
  const out: TextEdit[] = [];
  const numberAt = (start: number, end: number) => {
    const raw = adr.text.slice(start, end);
    const lead = /^(?:#{1,6}[ \t]+)?["']?/.exec(raw)![0].length;
    const found = titleNumber(raw.slice(lead));
    if (!found || found.placeholder || Number(found.text) !== from) return;
    const at = start + lead + found.start;
    out.push({ range: [at, at + found.text.length], text: sameWidth(found.text, to) });
  };
  if (record.h1Range) numberAt(record.h1Range[0], record.h1Range[1]);
  if (record.frontmatterTitle) numberAt(record.frontmatterTitle.range[0], record.frontmatterTitle.range[1]);
  return out;
}

/** Whether a link's path names the target: its markdown file, its published `.html` page, or its name without extension. */
function namesTarget(linkPath: string, fromFolder: string, targetPath: string, root: string): boolean {
  const resolved = resolveLinkPath(linkPath, fromFolder, root);
  if (resolved === targetPath) return true;
  const stem = targetPath.replace(MARKDOWN, '');
  return resolved === stem || resolved.replace(HTML, '') === stem && HTML.test(resolved);
}

/** Every link of the file to the target (its #fragment and folder part kept), rewritten to the new name. */
function linkEdits(file: PlanFile, targetPath: string, newName: string, root: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const { url, range } of file.record.links) {
    if (isExternalUrl(url)) continue;
    const { path } = splitUrl(url);
    if (path === '' || !namesTarget(path, dirname(file.path), targetPath, root)) continue;
    const written = basename(decodeUrlPart(path));
    const edit = replaceLinkFileName(file.adr, range, url, replacementName(written, newName));
    if (edit) out.push(edit);
    for (const edit of linkTextEdits(file.adr, range, targetPath, newName)) out.push(edit);
  }
  return out;
}

// The number at the start of a link's text ("[42. Use Kafka](…)", "[ADR-0042](…)", "[0042](…)").
const LEADING_NUMBER = /^(\s*(?:ADR[-_ ]?)?)(\d{1,6})\b/i;

/** The old number at the start of the text of a link to the target: the link names the record by its number. */
function linkTextEdits(adr: ParsedAdr, range: [number, number], targetPath: string, newName: string): TextEdit[] {
  const from = Number(fileNumberDigits(basename(targetPath)));
  const to = Number(fileNumberDigits(newName));
  const close = adr.text.indexOf('](', range[0]);
  if (adr.text.charAt(range[0]) !== '[' || close < 0 || close > range[1]) return [];
  const inside = adr.text.slice(range[0] + 1, close);
  const match = LEADING_NUMBER.exec(inside);
  if (!match || Number(match[2]) !== from) return [];
  const at = range[0] + 1 + match[1]!.length;
  return [{ range: [at, at + match[2]!.length], text: sameWidth(match[2]!, to) }];
}

// The digits of a relation written as a number: "ADR-0042", "ADR 42", "#42", "0042".
const RELATION_NUMBER = /(?:\bADR[-_ ]?|#)(\d{1,6})\b|\b(\d{1,6})\b/gi;

/** Supersede and amend relations written as a number (frontmatter keys, status, body lines) that name the old number. */
function relationEdits(file: PlanFile, from: number, to: number): TextEdit[] {
  const out: TextEdit[] = [];
  for (const relation of file.record.relations) {
    if (relation.number !== from) continue;
    const [start, end] = relation.range;
    const raw = file.adr.text.slice(start, end);
    for (const match of raw.matchAll(RELATION_NUMBER)) {
      const digits = match[1] ?? match[2]!;
      if (Number(digits) !== from) continue;
      const at = start + match.index + match[0].length - digits.length;
      out.push({ range: [at, at + digits.length], text: sameWidth(digits, to) });
      break;
    }
  }
  return out;
}

// "ADR-0042", "ADR 42", "ADR_042": a mention of a record by its number, as sets that use it write it.
const ADR_MENTION = /\bADR[-_ ]?(\d{1,6})\b/gi;

/**
 * "ADR-0042"-style mentions of the old number in the prose of a file of the record's folder (not
 * in code). Only that style: a bare number in prose ("42 requests") is not a reference.
 */
function mentionEdits(adr: ParsedAdr, from: number, to: number): TextEdit[] {
  const out: TextEdit[] = [];
  walk(adr.tree, (node) => {
    if (node.type !== 'text' || node.position?.start.offset === undefined) return;
    const start = node.position.start.offset;
    const raw = adr.text.slice(start, node.position.end.offset);
    for (const match of raw.matchAll(ADR_MENTION)) {
      const digits = match[1]!;
      if (Number(digits) !== from) continue;
      const at = start + match.index + match[0].length - digits.length;
      out.push({ range: [at, at + digits.length], text: sameWidth(digits, to) });
    }
  });
  return out;
}

/** Every node of the tree, depth first in document order, without recursion (for the text of mentionEdits). */
function walk(tree: Nodes, visit: (node: Nodes) => void): void {
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push((node as Parents).children[i] as Nodes);
  }
}

/** A file's text with the plan's edits (BOM kept). */
export function editedText(adr: ParsedAdr, edits: readonly TextEdit[]): string {
  return (adr.bom ? '\uFEFF' : '') + applyEdits(adr.text, edits).text;
}
