import { basename, dirname } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import {
  decodeUrlPart,
  existingTarget,
  isExternalUrl,
  isMarkdownPath,
  relativeHref,
  renamedTargets,
  replaceLinkFileName,
  replacementName,
  resolveLinkPath,
  splitUrl,
} from '../src/adr-links.ts';

export const meta = {
  id: 'adr-link',
  description: 'Relative links lead to files that exist, and #anchors to headings that exist',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-link'),
    why: 'Decision records point at each other and at the documents they rest on. A renamed file or a reworded heading leaves a link that leads nowhere, and the reader loses the one thread the author meant to give. External URLs are never fetched; a link to a renamed record is fixed to its new name. A broken "Superseded by" link is reported once, by adr-supersede, while that rule is on.',
    wrong: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting-on-aws.md) and [the risks](#risk).\n\n## Risks\n\nNone known.\n',
    right: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting.md#decision) and [the risks](#risks).\n\n## Risks\n\nNone known.\n',
    wrongFilename: 'docs/adr/0001-use-postgresql.md',
    rightFilename: 'docs/adr/0001-use-postgresql.md',
    files: { 'docs/adr/0002-hosting.md': '# 2. Hosting\n\n## Status\n\nAccepted\n\n## Decision\n\nWe host on AWS.\n' },
  },
} satisfies Rule['meta'];

/** A #fragment as GitHub compares it: percent-decoded, without its `user-content-` prefix, any case. */
function normaliseFragment(fragment: string): string {
  return decodeUrlPart(fragment).replace(/^user-content-/i, '').toLowerCase();
}

function closestAnchor(fragment: string, anchors: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const anchor of new Set(anchors.map((a) => a.toLowerCase()))) {
    const d = distance(fragment, anchor);
    if (d < bestDistance) {
      best = anchor;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return best !== null && !tie && bestDistance <= Math.max(2, Math.floor(fragment.length / 4)) ? best : null;
}

export const check: Rule['check'] = ({ adr, record, project, settings, report }) => {
  const folder = dirname(adr.path);
  // A supersede link ("Superseded by [..](..)") is adr-supersede's to report, with its own wording
  // and fix; reporting it here too would show one broken link as two errors.
  const supersedeLinks = settings.enabledRules.has('adr-supersede')
    ? new Set(record.relations.filter((relation) => relation.target !== null).map((relation) => relation.range.join(':')))
    : new Set<string>();
  // A set rule reads the record (links, anchors); the parsed ADR only to build a fix.
  const ownAnchors = record.anchors;
  for (const link of record.links) {
    const url = link.url.trim();
    if (url === '' || isExternalUrl(url) || supersedeLinks.has(link.range.join(':'))) continue;
    const { path, query, fragment } = splitUrl(url);
    const wanted = fragment === null || fragment === '' ? null : normaliseFragment(fragment);
    if (path === '') {
      if (wanted === null) continue;
      if (!ownAnchors.some((anchor) => anchor.toLowerCase() === wanted)) {
        const hint = closestAnchor(wanted, ownAnchors);
        report({ range: link.range, message: `This file has no heading for "#${fragment}"${hint ? `; did you mean "#${hint}"?` : ''}` });
      }
      continue;
    }
    // Without a view of the whole repository, a missing target may just be unseen.
    if (!project.complete) continue;
    const absolute = resolveLinkPath(path, folder, project.root);
    const target = existingTarget(absolute, project);
    if (target === null) {
      const renamed = renamedTargets(absolute, project.list(dirname(absolute)));
      const names = renamed.map((name) => replacementName(basename(absolute), name));
      const shown = names.map((name) => `"${name}"`).join(' or ');
      const fix = names.length === 1 ? replaceLinkFileName(adr, link.range, link.url, names[0]!) : null;
      report({
        range: link.range,
        message: `Link target "${decodeUrlPart(path)}" does not exist${names.length ? `; did you mean ${shown}?` : ''}`,
        ...(fix ? { fix } : {}),
      });
      continue;
    }
    // A query (`?plain=1`) shows the file's source, where #L10 is a line, not a heading.
    if (wanted === null || query !== null || !isMarkdownPath(target) || project.isDirectory(target)) continue;
    const anchors = target === adr.path ? ownAnchors : project.anchors(target);
    if (anchors === null || anchors.some((anchor) => anchor.toLowerCase() === wanted)) continue;
    const hint = closestAnchor(wanted, anchors);
    report({
      range: link.range,
      message: `${relativeHref(folder, target)} has no heading for "#${fragment}"${hint ? `; did you mean "#${hint}"?` : ''}`,
    });
  }
};
