// ADR text (titles, file names, statuses, messages that quote them) goes into markdown that GitHub
// renders: job summaries, pull-request comments, reports. Whatever a file holds must read as the
// text it is, never as a table cell boundary, HTML, a link, emphasis, math or a block.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

// Line breaks would end a table row or a list item; other control characters only confuse.
const BREAKS = /\r\n|[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

// ASCII punctuation that starts inline markdown (code, emphasis, strikethrough, links, images,
// math, emoji and URL autolinks through ":"), escaped with a backslash, as CommonMark allows for
// any ASCII punctuation.
const INLINE = /[\\`*_[\]()~!$:]/g;

// What begins a block at the start of a list item's text: a heading, a list, a thematic break.
const BLOCK_START = /^[#+-]/;
const ORDERED_START = /^(\d+)\./;

/**
 * Text for inline markdown, a table cell included: one line (breaks become spaces, blanks around
 * it trimmed), HTML escaped, `|` as an entity (GFM splits cells on it before anything else).
 */
export function escapeMarkdownText(text: string): string {
  const line = text.replace(BREAKS, ' ').trim();
  return line
    .replace(INLINE, '\\$&')
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(/\|/g, '&#124;')
    .replace(BLOCK_START, '\\$&')
    .replace(ORDERED_START, '$1\\.');
}

/**
 * A URL for a markdown link destination: spaces, brackets, quotes and pipes percent-encoded, so
 * the link cannot end early or split a table cell. `%`, `#` and `?` are kept as the caller wrote them.
 */
export function escapeMarkdownUrl(url: string): string {
  const encoder = new TextEncoder();
  return url.replace(/[^\x21-\x7e]|["'()<>[\]\\`|^{}]/gu, (c) =>
    [...encoder.encode(c)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A markdown link, or the escaped text alone when there is no URL. */
export function markdownLink(text: string, url: string | null | undefined): string {
  const label = escapeMarkdownText(text);
  return url ? `[${label}](${escapeMarkdownUrl(url)})` : label;
}

// Mermaid decodes `#name;` and `#123;` in labels as HTML entities: writing every character that
// could end the label, open HTML or start an entity that way keeps a label the text it is.
const MERMAID_ENTITIES: Record<string, string> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '#': '#35;', '`': '#96;' };

/** The inside of a quoted Mermaid label (`a1["…"]`): one line, entities for markup characters. */
export function escapeMermaidLabel(text: string): string {
  return text
    .replace(BREAKS, ' ')
    .trim()
    .replace(/["<>&#`]/g, (c) => MERMAID_ENTITIES[c]!);
}
