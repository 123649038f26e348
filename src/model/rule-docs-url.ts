// Where users read about a rule. One place, so every diagnostic and formatter agrees.
export const REPOSITORY_URL = 'https://github.com/adrlint/adrlint';

export function ruleDocsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${ruleId}.md`;
}
