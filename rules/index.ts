// Every rule adrlint ships, in the order they are documented and run.
import type { Rule } from '../src/model/types.ts';
import * as frontmatterSyntax from './frontmatter-syntax.ts';
import * as frontmatterFields from './frontmatter-fields.ts';
import * as patternSlug from './pattern-slug.ts';
import * as patternCategory from './pattern-category.ts';
import * as patternDuplicate from './pattern-duplicate.ts';
import * as patternUndeclared from './pattern-undeclared.ts';
import * as patternUnmentioned from './pattern-unmentioned.ts';
import * as patternLink from './pattern-link.ts';
import * as adrFilename from './adr-filename.ts';
import * as adrNumberDuplicate from './adr-number-duplicate.ts';
import * as adrNumberMismatch from './adr-number-mismatch.ts';
import * as adrTitle from './adr-title.ts';
import * as adrTitleDuplicate from './adr-title-duplicate.ts';
import * as adrDate from './adr-date.ts';
import * as adrStatus from './adr-status.ts';
import * as adrSections from './adr-sections.ts';
import * as adrSupersede from './adr-supersede.ts';
import * as adrLink from './adr-link.ts';
import * as linkReferenceDefined from './link-reference-defined.ts';
import * as adrIndex from './adr-index.ts';

export const rules: readonly Rule[] = [
  frontmatterSyntax,
  frontmatterFields,
  patternSlug,
  patternCategory,
  patternDuplicate,
  patternUndeclared,
  patternUnmentioned,
  patternLink,
  adrFilename,
  adrNumberDuplicate,
  adrNumberMismatch,
  adrTitle,
  adrTitleDuplicate,
  adrDate,
  adrStatus,
  adrSections,
  adrSupersede,
  adrLink,
  linkReferenceDefined,
  adrIndex,
] as Rule[];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.meta.id, rule]));
