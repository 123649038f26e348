// A rule's documentation page, made from its meta so the page and the code cannot disagree.
import type { Rule } from './types.ts';

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}markdown\n${text.endsWith('\n') ? text : `${text}\n`}${marks}`;
}

export function renderRuleDoc({ meta }: Rule): string {
  const properties = (meta.schema?.properties ?? {}) as Record<string, { type?: string; default?: unknown; description?: string }>;
  const options = Object.entries(properties);
  const lines = [
    `# ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    `- Default severity: **${meta.defaultSeverity}** (the \`strict\` preset makes every rule an error)`,
    `- Fixable: ${meta.fixable ? '**yes**, with `adrlint --fix`' : 'no'}`,
    '',
    '## Why',
    '',
    meta.docs.why,
    '',
    '## Wrong',
    '',
    fence(meta.docs.wrong),
    '',
    '## Right',
    '',
    fence(meta.docs.right),
    '',
    '## Options',
    '',
  ];
  if (options.length === 0) {
    lines.push('None.');
  } else {
    lines.push('| option | type | default | meaning |', '|---|---|---|---|');
    for (const [name, spec] of options)
      lines.push(`| \`${name}\` | ${spec.type ?? ''} | ${spec.default === undefined ? '' : `\`${JSON.stringify(spec.default)}\``} | ${spec.description ?? ''} |`);
    lines.push('', '```yaml', '# .adrlintrc.yml', 'rules:', `  ${meta.id}: [${meta.defaultSeverity === 'off' ? 'warn' : meta.defaultSeverity}, { ${options.map(([name, spec]) => `${name}: ${JSON.stringify(spec.default ?? null)}`).join(', ')} }]`, '```');
  }
  lines.push('', '## Turning it off', '', '```yaml', '# .adrlintrc.yml', 'rules:', `  ${meta.id}: off`, '```', '');
  return lines.join('\n');
}
