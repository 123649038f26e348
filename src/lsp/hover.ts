// Hover in an ADR: on a pattern slug or a category in the frontmatter, the catalogue's entry; on a
// pattern mentioned in the prose (the mentions the parse finds, as the pattern rules read them),
// that pattern's entry; on a link to another ADR of the set, or a supersede/amend reference, that
// ADR's title, status and date.
import { type Hover, type Position, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { categoryEntry, isCategoryPlace, isSlugPlace, patternEntry } from './catalogue.ts';
import { frontmatterPlace, linesOf, within } from './frontmatter-place.ts';
import { bomShift, documentRecord, recordSummary, referencedRecord } from './set-records.ts';
import type { LspSetView } from './set-view.ts';

/** The hover at `position` in the document `path` (its text as in the editor), or null. */
export function hover(text: string, position: Position, path: string, view: LspSetView): Hover | null {
  const place = frontmatterPlace(linesOf(text), position);
  if (place && place.text !== '' && within(place.range, position)) {
    if (isSlugPlace(place)) {
      const pattern = view.catalogue.resolve(place.text)?.pattern;
      if (pattern) return { contents: patternEntry(pattern), range: place.range };
    }
    if (isCategoryPlace(place)) {
      const category = view.catalogue.category(place.text);
      if (category) return { contents: categoryEntry(view.catalogue, category), range: place.range };
    }
  }
  return referenceHover(text, position, path, view);
}

/** A reference to another ADR (a relation, a link) or a pattern mentioned in the prose, under the cursor. */
function referenceHover(text: string, position: Position, path: string, view: LspSetView): Hover | null {
  const document = TextDocument.create('file:///hover', 'markdown', 0, text);
  const shift = bomShift(text);
  const offset = document.offsetAt(position) - shift;
  const { adr, record } = documentRecord(text, path, view);
  const covers = ([start, end]: [number, number]): boolean => start <= offset && offset <= end;
  const rangeOf = ([start, end]: [number, number]): Range => ({ start: document.positionAt(start + shift), end: document.positionAt(end + shift) });
  for (const relation of record.relations) {
    if (!covers(relation.range)) continue;
    const target = referencedRecord(view, path, relation);
    if (target) return { contents: recordSummary(target), range: rangeOf(relation.range) };
  }
  for (const link of record.links) {
    if (!covers(link.range)) continue;
    const target = referencedRecord(view, path, { target: link.url, number: null });
    if (target) return { contents: recordSummary(target), range: rangeOf(link.range) };
  }
  const mention = adr.mentions.find((found) => covers(found.range));
  const pattern = mention && view.catalogue.get(mention.slug);
  return pattern ? { contents: patternEntry(pattern), range: rangeOf(mention.range) } : null;
}
