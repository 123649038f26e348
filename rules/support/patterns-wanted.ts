// When the pattern rules speak (pattern-undeclared, pattern-link): a question about the rule's
// context, not about the folder's parse, so it lives with the rules.
import type { RuleContext } from '../../src/model/types.ts';

/**
 * Whether a rule that asks ADRs to declare or link the patterns they mention applies: the set has
 * adopted `patterns` (some ADR of the folder declares the key), or the configuration asks for the
 * rule (a catalogue of its own, the rule set by name, or a preset that names it). A set that never
 * adopted a catalogue is not told, word by word, to adopt one: `adrlint report` lists its mentions.
 */
export function patternsWanted({ conventions, settings }: Pick<RuleContext, 'conventions' | 'settings'>): boolean {
  return conventions.patternsAdopted || settings.userCatalogue || settings.requested;
}
