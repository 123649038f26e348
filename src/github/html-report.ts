// The Action's `html-report` input: the HTML report of the set (src/format/report-html.ts) written
// inside the workspace, its path an output for actions/upload-artifact. A path that leaves the
// workspace (by `..`, an absolute path, or a linked folder) is refused before anything runs, and so
// is a symbolic link at the path itself (a pull request could commit one that points anywhere).
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { insidePath } from '../model/paths.ts';
import type { RunOutcome } from '../run/lint-project.ts';
import { buildSetReport } from '../format/report-model.ts';
import { buildReportPage } from '../format/report-page.ts';
import { formatReportHtml, type FileHref } from '../format/report-html.ts';

const inside = (root: string, path: string): boolean => insidePath(root, path) !== null;

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The nearest folder of `path` that exists, its links resolved. */
function realFolder(path: string): string {
  let folder = dirname(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return realpathSync(folder);
}

/** Where the input asks the report to go, or why it may not go there. */
export function htmlReportTarget(root: string, input: string): { path: string } | { error: string } {
  const path = resolve(root, input);
  const outside = `input "html-report" must be a file inside the workspace (${root}); "${input}" is not`;
  if (!inside(root, path)) return { error: outside };
  const realRoot = realpathSync(root);
  const folder = realFolder(path);
  if (folder !== realRoot && !inside(realRoot, folder)) return { error: `${outside}: ${relative(root, dirname(path)) || '.'} leads outside it` };
  if (isSymbolicLink(path)) return { error: `${outside}: it is a symbolic link (remove it, or name another file)` };
  return { path };
}

export interface HtmlReportSource {
  root: string;
  /** The repository (owner/name), the page's name; else the workspace folder's name. */
  repository: string | null;
  /** Links to the files at the commit, by path relative to the root; else relative to the page. */
  fileUrl?: (path: string) => string;
  generated: Date;
  version: string;
}

export function htmlReport(outcome: RunOutcome, target: string, source: HtmlReportSource): string {
  const { root } = source;
  const set = buildSetReport(outcome.records, outcome.catalogue, {
    root,
    conventions: outcome.conventions,
    ...(outcome.config.statusesGiven ? { statuses: outcome.config.statuses } : {}),
  });
  const page = buildReportPage(set, outcome.catalogue.categories, {
    root,
    name: source.repository ?? basename(root),
    generated: source.generated,
    version: source.version,
    records: outcome.records,
    results: outcome.results,
  });
  const folder = dirname(target);
  const relativeHref: FileHref = (path) => relative(folder, resolve(root, path)).split(sep).map(encodeURIComponent).join('/');
  return formatReportHtml(page, { fileHref: source.fileUrl ?? relativeHref });
}
