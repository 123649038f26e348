// What a section heading means, whatever language or wording the set writes it in: "Context",
// "Contexte et énoncé du problème" and "Background" are all the context. adr-sections matches a
// template's sections against a record's headings with it, and the folder conventions count with it
// how many records of a set write each section of their template.

/** A heading as compared: no numbering ("1. ", "2.3 ", "A) "), emphasis, accents, comment or trailing colon; one case. */
export function normaliseHeading(heading: string): string {
  return heading
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+/i, '')
    .replace(/\s*:$/, '')
    .toLowerCase();
}

// Headings that stand for the same section, normalised (no accents). English first, then the
// languages ADR templates are translated into (MADR's French, German, Spanish, Portuguese, Italian).
const CONCEPTS: string[][] = [
  ['status', 'statut', 'etat', 'estado', 'stato'],
  [
    'context',
    'context and problem statement',
    'problem statement',
    'background',
    'contexte',
    'contexte et enonce du probleme',
    'contexte et definition du probleme',
    'contexte et probleme',
    'enonce du probleme',
    'definition du probleme',
    'problematique',
    'kontext',
    'kontext und problemstellung',
    'contexto',
    'contexto y planteamiento del problema',
    'contexto e declaracao do problema',
    'contesto',
  ],
  [
    'considered options',
    'options',
    'options considered',
    'alternatives',
    'alternatives considered',
    'considered alternatives',
    'options considerees',
    'options envisagees',
    'solutions etudiees',
    'solutions envisagees',
    'alternatives considerees',
    'alternatives envisagees',
    'betrachtete optionen',
    'optionen',
    'alternativen',
    'opciones consideradas',
    'alternativas',
    'opcoes consideradas',
    'opzioni considerate',
  ],
  [
    'decision',
    'decisions',
    'decision outcome',
    'outcome',
    'proposal',
    'proposed decision',
    'resultat de la decision',
    'solution retenue',
    'entscheidung',
    'entscheidungsergebnis',
    'resultado de la decision',
    'decisao',
    'resultado da decisao',
    'decisione',
    'esito della decisione',
  ],
  ['consequences', 'consequence', 'positive consequences', 'negative consequences', 'impacts', 'konsequenzen', 'consecuencias', 'consequencias', 'conseguenze'],
  ['decision drivers', 'facteurs de decision', 'entscheidungstreiber', 'factores de decision', 'fatores de decisao'],
  ['pros and cons of the options', 'avantages et inconvenients des options', 'avantages et inconvenients des solutions', 'vor- und nachteile der optionen', 'pros y contras de las opciones'],
  ['more information', 'informations supplementaires', 'plus d\'informations', 'weitere informationen', 'mas informacion', 'mais informacoes'],
];

/** The names a section may be written as: its concept's names, or its own normalised title. */
export function sectionNames(title: string): string[] {
  const name = normaliseHeading(title);
  return CONCEPTS.find((names) => names.includes(name)) ?? [name];
}

// What may follow a section's name and keep it that section: punctuation, or a qualifier
// ("Considered options for provider discovery", "Decision on storage", "Contexte du projet").
const QUALIFIED = /^\s*[:(\-–—,]|^\s+(?:for|of|on|about|regarding|in|pour|de|du|des|sur|für|zu|para|sobre|per|su)\s/;

/** The name's words with one more word inside: "Considered Evaluation Options" is Considered Options. */
function withOneWordInside(heading: string, name: string): boolean {
  // The extra word sits after the name's first word and before its last, so the heading starts
  // with the one and ends with the other: checked first, as this runs for each heading and name.
  const first = name.indexOf(' ');
  const last = name.lastIndexOf(' ');
  if (first < 0 || heading.length <= name.length + 1) return false;
  if (!heading.startsWith(name.slice(0, first + 1)) || !heading.endsWith(name.slice(last))) return false;
  const words = name.split(' ');
  const written = heading.split(' ');
  if (written.length !== words.length + 1) return false;
  for (let extra = 1; extra < written.length - 1; extra++) {
    if ([...written.slice(0, extra), ...written.slice(extra + 1)].join(' ') === name) return true;
  }
  return false;
}

/**
 * "Decision", "Decision Outcome", "Decision: log conventions" and "Decision on storage" are the
 * Decision; "Decision Drivers" is not.
 */
function namesHeading(heading: string, names: readonly string[]): boolean {
  return names.some(
    (name) => heading === name || (heading.startsWith(name) && QUALIFIED.test(heading.slice(name.length))) || withOneWordInside(heading, name),
  );
}

// One heading per option ("Option 1: Kafka", "Option B - polling", "Alternative 2"): two or more
// of them are the options section written out.
const OPTION_HEADING = /^(?:option|alternative|solution|variante?|opcion|opcao|opzione)\s+(?:\d+|[a-z])\b/;

/** The first of the headings that write out one option each, when there are two or more. */
export function optionHeadingsAt(headings: readonly string[]): number | null {
  const at = headings.flatMap((heading, index) => (OPTION_HEADING.test(heading) ? [index] : []));
  return at.length >= 2 ? at[0]! : null;
}

// The joins of a combined heading: "Considered Options and Decision Outcome", "Decision / Consequences".
const JOIN = /,?\s+(?:and|et|und|y|e|&|\+)\s+|\s*[/,]\s*/;

/**
 * Whether a normalised heading is the section named `names`: as a whole, or as one part of a
 * combined heading ("Considered Options and Decision Outcome" is both sections).
 */
export function headingIsSection(heading: string, names: readonly string[]): boolean {
  if (namesHeading(heading, names)) return true;
  const parts = heading.split(JOIN);
  return parts.length > 1 && parts.some((part) => namesHeading(part.trim(), names));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FRONTMATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The section headings of a markdown text, normalised, read line by line without a parse (the
 * folder conventions read every record of a set): ATX headings outside frontmatter and fenced code,
 * the first H1 (the title) left out.
 */
export function sectionHeadingsOfText(source: string): string[] {
  const text = source.replace(/^\uFEFF/, '').replace(FRONTMATTER, '');
  const headings: string[] = [];
  let fence: string | null = null;
  let titleSeen = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = ATX.exec(line);
    if (!heading) continue;
    if (heading[1]!.length === 1 && !titleSeen) {
      titleSeen = true;
      continue;
    }
    const title = normaliseHeading(heading[2] ?? '');
    if (title) headings.push(title);
  }
  return headings;
}
