// How a written status maps to a configured one. Real ADRs write more than the bare word:
// "Superseded by ADR-0012", "accepted; supersedes ADR-0045", "**Accepted**".
export const DEFAULT_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'];

/** The configured status a written one stands for, or null when none fits. */
export function matchStatus(written: string, statuses: readonly string[]): string | null {
  // adr-tools writes "Superceded by"; it is the same status.
  const cleaned = written.replace(/[*_`]/g, '').trim().toLowerCase().replace(/^superceded\b/, 'superseded');
  for (const status of statuses) {
    const wanted = status.toLowerCase();
    if (cleaned === wanted) return status;
    // The status word followed by anything that is not a letter continuing the word.
    if (cleaned.startsWith(wanted) && /^[^\p{L}\p{N}]/u.test(cleaned.slice(wanted.length))) return status;
  }
  return null;
}
