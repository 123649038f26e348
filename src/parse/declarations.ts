// The patterns and categories an ADR's frontmatter declares, each with its range and, when it is
// not of a shape adrlint reads, why (rules report it).
import { isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { CategoryRef, Frontmatter, ParsedAdr, PatternRef } from '../model/types.ts';
import { frontmatterField, keyRange, nodeRange, resolveAlias } from './frontmatter.ts';

/** A scalar's text as the user wrote it: strings as they are, numbers as in the source (`05`). */
function scalarText(node: YamlNode): string | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' && typeof node.source === 'string') return node.source;
  if (typeof node.value === 'number') return String(node.value);
  return null;
}

function describeKind(node: YamlNode | null): string {
  if (!node) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'empty' : `a ${typeof node.value}`;
  // An item of a `!!omap` or `!!pairs` list.
  if (isPair(node)) return 'a "key: value" pair';
  return 'a YAML value of another kind';
}

export function readDeclarations(adr: ParsedAdr, frontmatter: Frontmatter): void {
  const { document } = frontmatter;
  const patterns = frontmatterField(frontmatter, 'patterns');
  if (patterns) {
    const value = patterns.node;
    const keyAt = keyRange(frontmatter, patterns.pair);
    adr.patternsNode = value;
    if (value === null || (isScalar(value) && value.value === null)) {
      // `patterns:` with nothing after it declares no pattern.
    } else if (isSeq(value)) {
      for (const item of value.items) {
        const node = resolveAlias(document, item as YamlNode | null);
        adr.patterns.push(readPatternItem(frontmatter, node, nodeRange(frontmatter, item as YamlNode, keyAt)));
      }
    } else if (isScalar(value) && scalarText(value) !== null) {
      adr.patterns.push(readPatternItem(frontmatter, value, nodeRange(frontmatter, value)));
    } else if (isMap(value)) {
      // A single object reference written without a list.
      adr.patterns.push(readPatternItem(frontmatter, value, nodeRange(frontmatter, value)));
    } else {
      adr.patternsShapeError = {
        message: `"patterns" must be a slug or a list of slugs, not ${describeKind(value)}`,
        range: nodeRange(frontmatter, value, keyAt),
      };
    }
  }

  const categories = frontmatterField(frontmatter, 'categories');
  if (categories) {
    const value = categories.node;
    const keyAt = keyRange(frontmatter, categories.pair);
    const readCategory = (node: YamlNode | null, fallback: [number, number]): CategoryRef => {
      const range = nodeRange(frontmatter, node, fallback);
      if (node && isScalar(node) && typeof node.value === 'string') return { value: node.value, range };
      return { value: null, range, shapeError: `a category must be a string, not ${describeKind(node)}` };
    };
    if (value === null || (isScalar(value) && value.value === null)) {
      // empty: no categories
    } else if (isSeq(value)) {
      for (const item of value.items) adr.categories.push(readCategory(resolveAlias(document, item as YamlNode | null), keyAt));
    } else if (isScalar(value) && typeof value.value === 'string') {
      adr.categories.push(readCategory(value, keyAt));
    } else {
      adr.categoriesShapeError = {
        message: `"categories" must be a category name or a list of them, not ${describeKind(value)}`,
        range: nodeRange(frontmatter, value, keyAt),
      };
    }
  }
}

const REFERENCE_KEYS = new Set(['slug', 'category']);

function readPatternItem(frontmatter: Frontmatter, node: YamlNode | null, itemRange: [number, number]): PatternRef {
  const range = nodeRange(frontmatter, node, itemRange);
  if (node && isScalar(node)) {
    const value = scalarText(node);
    if (value !== null && value.trim() !== '') return { value, range, itemRange };
    const message = `a pattern reference must be a slug, not ${value === '' ? 'an empty string' : describeKind(node)}`;
    return { value: null, range, itemRange, shapeError: { message, range } };
  }
  if (node && isMap(node)) {
    const ref: PatternRef = { value: null, range, itemRange };
    // The first shape problem of the object, at the node it is about; the slug keeps its own range.
    const problem = (message: string, at: [number, number]) => {
      ref.shapeError ??= { message, range: at };
    };
    let slugSeen = false;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : null;
      const keyAt = nodeRange(frontmatter, pair.key as YamlNode, range);
      const valueNode = resolveAlias(frontmatter.document, pair.value as YamlNode | null);
      const valueRange = nodeRange(frontmatter, valueNode, keyAt);
      if (key === 'slug') {
        slugSeen = true;
        const value = valueNode ? scalarText(valueNode) : null;
        if (value === null || value.trim() === '') problem(`"slug" must be a string, not ${describeKind(valueNode)}`, valueRange);
        else {
          ref.value = value;
          ref.range = valueRange;
        }
      } else if (key === 'category') {
        const value = valueNode && isScalar(valueNode) && typeof valueNode.value === 'string' ? valueNode.value : null;
        if (value === null) problem(`"category" must be a string, not ${describeKind(valueNode)}`, valueRange);
        ref.category = { value, range: valueRange };
      } else if (typeof key !== 'string' || !REFERENCE_KEYS.has(key)) {
        problem(`unknown key "${String(key)}" in a pattern reference (expected slug and optional category)`, keyAt);
      }
    }
    if (!slugSeen) problem('a pattern reference object needs a "slug"', range);
    return ref;
  }
  const message = `a pattern reference must be a slug or {slug, category}, not ${describeKind(node)}`;
  return { value: null, range, itemRange, shapeError: { message, range } };
}
