// The catalogue a run reads: the built-in one, or a user file over it. Integrations that lint one
// file at a time (remark, editors) keep a few, by the user file's text, so they are never stale.
import type { Catalogue } from '../model/catalogue.ts';
import { CatalogueError } from '../model/errors.ts';
import { catalogueWithUser, loadCatalogue } from '../io/catalogue-file.ts';
import { nonRegularFileReason, readRegularFile } from '../io/safe-write.ts';

const catalogues = new Map<string, Catalogue>();
const KEPT_CATALOGUES = 4;

/** A user catalogue that is a FIFO or a device is refused before it is read: the read could wait forever. */
export function checkCatalogueFile(file: string | null): void {
  const reason = file === null ? null : nonRegularFileReason(file);
  if (file !== null && reason !== null) throw new CatalogueError(file, `cannot read the catalogue: it ${reason}`);
}

/** The catalogue of a user file (or the built-in one), kept by the file's text: the same for every file of a folder. */
export function sharedCatalogue(userFile: string | null): Catalogue {
  checkCatalogueFile(userFile);
  let text = '';
  try {
    if (userFile !== null) text = readRegularFile(userFile);
  } catch {
    // loadCatalogue says why it cannot be read.
    return loadCatalogue(userFile);
  }
  const key = `${userFile ?? ''}\0${text}`;
  const kept = catalogues.get(key);
  if (kept) return kept;
  const catalogue = userFile === null ? loadCatalogue(null) : catalogueWithUser(userFile, text);
  if (catalogues.size >= KEPT_CATALOGUES) catalogues.delete(catalogues.keys().next().value!);
  catalogues.set(key, catalogue);
  return catalogue;
}
