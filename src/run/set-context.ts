// What the rules of a run see around its files: each folder's conventions (read from the set's own
// texts and template) and the project on disk that links point into.
import { dirname } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import type { AdrRecord, ProjectIndex, SetConventions } from '../model/types.ts';
import { readAdrFile, templateFileOf } from '../io/files.ts';
import { diskProject, findRepositoryRoot } from '../io/project-index.ts';
import { folderConventions, withPatternPages, type FolderFile, type PatternPageCheck } from '../parse/conventions.ts';
import { markdownAnchors } from '../parse/record.ts';
import { bodyUnreadable } from '../parse/record-body.ts';

/**
 * Each folder's conventions, from its ADRs' texts and its template file (read here), and with
 * `pages`, the pattern pages the link template names from it that are missing.
 */
export function readConventions(files: readonly FolderFile[], maxFileSize: number, pages?: PatternPageCheck): Map<string, SetConventions> {
  const byFolder = new Map<string, FolderFile[]>();
  for (const file of files) {
    const folder = dirname(file.path);
    const list = byFolder.get(folder) ?? [];
    list.push(file);
    byFolder.set(folder, list);
  }
  const conventions = new Map<string, SetConventions>();
  for (const [folder, adrs] of byFolder) {
    const templatePath = templateFileOf(folder);
    const read = templatePath === null ? null : readAdrFile(templatePath, maxFileSize);
    const own = folderConventions(adrs, templatePath !== null && read?.ok ? { path: templatePath, source: read.source } : null);
    conventions.set(folder, withPatternPages(own, folder, pages));
  }
  return conventions;
}

/** How a run tells the pattern pages that are missing: the disk, from the repository root. */
export function patternPageCheck(config: ResolvedConfig, catalogue: Catalogue, cwd: string): PatternPageCheck {
  return { linkTemplate: config.linkTemplate, catalogue, project: diskProject(findRepositoryRoot(cwd), markdownAnchors) };
}

/**
 * The files around a set of ADRs, from the disk; the set's records answer for their own anchors
 * (a record read from its file's head reads them from the text the run read, when a link asks), and
 * an editor's open buffers for the anchors of the files outside the set.
 */
export function projectOf(records: readonly AdrRecord[], cwd: string, buffers?: ReadonlyMap<string, string>): ProjectIndex {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const knownAnchors = (path: string) => {
    const record = byPath.get(path);
    // A file too complex to parse has no anchors the run knows: the disk answers (none it can tell).
    if (record) return bodyUnreadable(record) ? undefined : record.anchors;
    const buffer = buffers?.get(path);
    return buffer === undefined ? undefined : markdownAnchors(path, buffer);
  };
  return diskProject(findRepositoryRoot(cwd), markdownAnchors, knownAnchors);
}
