// A rule's documentation page, made from its meta so the page and the code cannot disagree.
import type { Rule } from '../model/types.ts';

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}markdown\n${text.endsWith('\n') ? text : `${text}\n`}${marks}`;
}

/** Where an example lives, when the rule reads its file name or the other files of its folder. */
function where(filename: string | undefined, files: Record<string, string> | undefined): string[] {
  const others = Object.keys(files ?? {}).map((path) => `\`${path}\``);
  if (!filename && others.length === 0) return [];
  const file = filename ? `\`${filename}\`` : 'The file';
  return [others.length ? `${file}, beside ${others.join(', ')}:` : `${file}:`, ''];
}

export function renderRuleDoc({ meta }: Rule): string {
  const properties = (meta.schema?.properties ?? {}) as Record<string, { type?: string | string[]; default?: unknown; description?: string }>;
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
    ...(meta.docs.quiet ? ['## When it stays quiet', '', meta.docs.quiet, ''] : []),
    '## Wrong',
    '',
    ...where(meta.docs.wrongFilename, meta.docs.files),
    fence(meta.docs.wrong),
    '',
    '## Right',
    '',
    ...where(meta.docs.rightFilename, meta.docs.files),
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
      lines.push(`| \`${name}\` | ${Array.isArray(spec.type) ? spec.type.join(' or ') : (spec.type ?? '')} | ${spec.default === undefined ? '' : `\`${JSON.stringify(spec.default)}\``} | ${spec.description ?? ''} |`);
    // The example sets the options that have a default (an option without one, such as a pattern, has no value to show).
    const shown = options.some(([, spec]) => spec.default !== undefined) ? options.filter(([, spec]) => spec.default !== undefined) : options;
    lines.push('', '```yaml', '# .adrlintrc.yml', 'rules:', `  ${meta.id}: [${meta.defaultSeverity === 'off' ? 'warn' : meta.defaultSeverity}, { ${shown.map(([name, spec]) => `${name}: ${JSON.stringify(spec.default ?? null)}`).join(', ')} }]`, '```');
  }
  lines.push('', '## Turning it off', '', '```yaml', '# .adrlintrc.yml', 'rules:', `  ${meta.id}: off`, '```', '');
  return lines.join('\n');
}
