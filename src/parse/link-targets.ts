// Where a link or an ADR reference written in a record points: relative paths, paths from the
// repository root, percent-encoding, a #fragment, the `.html` page a site generator publishes for
// `x.md`. (What a missing target was renamed to, and the edits that rewrite a link, are the rules'
// helpers: rules/support/renamed-targets.ts, rules/support/link-edits.ts.)
import { join, resolve } from 'node:path';
import type { ProjectIndex } from '../model/types.ts';

/** A URL with a scheme (http:, mailto:, ...) or a protocol-relative one: never checked. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** The path part of a URL (before `?` and `#`), its query and its fragment (null without a `?` or `#`). */
export function splitUrl(url: string): { path: string; query: string | null; fragment: string | null } {
  const hash = url.indexOf('#');
  const beforeHash = hash >= 0 ? url.slice(0, hash) : url;
  const question = beforeHash.indexOf('?');
  return {
    path: question >= 0 ? beforeHash.slice(0, question) : beforeHash,
    query: question >= 0 ? beforeHash.slice(question + 1) : null,
    fragment: hash >= 0 ? url.slice(hash + 1) : null,
  };
}

/** Percent-decoding that leaves a malformed sequence as written. */
export function decodeUrlPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The absolute path a link's path part names: `/x` from the repository root, else from `folder`. */
export function resolveLinkPath(path: string, folder: string, root: string): string {
  const decoded = decodeUrlPart(path);
  return decoded.startsWith('/') ? join(root, decoded) : resolve(folder, decoded);
}

/** A published page's extension, and a markdown source's. */
export const HTML = /\.html?$/i;
export const MARKDOWN = /\.(?:md|markdown)$/i;

export const isMarkdownPath = (path: string): boolean => MARKDOWN.test(path);

/** The files a link target may stand for: `x.html` is the published page of `x.md`. */
export function targetCandidates(path: string): string[] {
  if (HTML.test(path)) {
    const stem = path.replace(HTML, '');
    return [path, `${stem}.md`, `${stem}.markdown`];
  }
  return [path];
}

/** The existing file or folder a link target names (its markdown source for an `.html` page), or null. */
export function existingTarget(path: string, project: ProjectIndex): string | null {
  for (const candidate of targetCandidates(path)) if (project.exists(candidate)) return candidate;
  return null;
}
