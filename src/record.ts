// The normalised view of one ADR that set-wide rules and reports read.
import type { Catalogue, Pattern } from './catalogue.ts';
import { frontmatterField } from './parse.ts';
import type { AdrRecord, LintSettings, ParsedAdr } from './types.ts';
import { isScalar } from 'yaml';
import { toString } from 'mdast-util-to-string';

/** Slugs of the catalogue patterns the frontmatter declares, in any form, in order, once each. */
export function declaredSlugs(adr: ParsedAdr, catalogue: Catalogue): string[] {
  const slugs: string[] = [];
  for (const ref of adr.patterns) {
    const slug = ref.value === null ? undefined : catalogue.resolve(ref.value)?.pattern.slug;
    if (slug && !slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}

function stringField(adr: ParsedAdr, key: string): string | null {
  const field = frontmatterField(adr.frontmatter, key);
  const node = field?.node;
  if (!node || !isScalar(node)) return null;
  return typeof node.value === 'string' ? node.value : node.value == null ? null : String(node.source ?? node.value);
}

export function buildRecord(adr: ParsedAdr, catalogue: Catalogue): AdrRecord {
  const heading = adr.tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  return {
    path: adr.path,
    title: heading ? toString(heading) : stringField(adr, 'title'),
    status: stringField(adr, 'status'),
    date: stringField(adr, 'date'),
    patterns: declaredSlugs(adr, catalogue),
  };
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Where a pattern link points: the configured template, else the pattern's own page. */
export function patternLinkTarget(pattern: Pattern, settings: LintSettings): string | null {
  if (settings.linkTemplate) {
    return settings.linkTemplate
      .replace(/\{slug\}/g, pattern.slug)
      .replace(/\{code\}/g, pattern.code ?? pattern.slug)
      .replace(/\{category\}/g, slugify(pattern.category));
  }
  return pattern.url;
}
