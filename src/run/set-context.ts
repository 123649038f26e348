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

/** The files around a set of ADRs, from the disk; the set's fully read records answer for their own anchors. */
export function projectOf(records: readonly AdrRecord[], cwd: string): ProjectIndex {
  const knownAnchors = new Map(records.filter((record) => !record.partial).map((record) => [record.path, record.anchors]));
  return diskProject(findRepositoryRoot(cwd), markdownAnchors, knownAnchors);
}
