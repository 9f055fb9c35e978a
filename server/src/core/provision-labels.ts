import type { Instrument, Provision } from './corpus';

/**
 * How provisions are named and ordered wherever they are shown: hovers, the instrument
 * documents, workspace symbols and the table of authorities.
 */

/** How a provision is headed: "Article 16", "Paragraph 8(d)", "Preambular paragraph 3", "Other part: heading". */
export function provisionLabel(provision: Pick<Provision, 'number' | 'kind'>, otherPart: (number: string) => string = (number) => `Other part: ${number}`): string {
  if (provision.kind === 'article') return `Article ${provision.number}`;
  if (provision.kind === 'operative-paragraph') return `Paragraph ${provision.number}`;
  if (provision.kind === 'preambular-paragraph') return `Preambular paragraph ${provision.number.replace(/^PP/i, '')}`;
  return otherPart(provision.number);
}

/** "art-16" → Article 16, "op-8d" → Paragraph 8(d), "pp-3" → Preambular paragraph 3, else the part name. */
export function labelFromId(id: string): string {
  const part = id.slice(id.indexOf('/') + 1);
  const parsed = parsePart(part);
  if (parsed.kind === 'art') return `Article ${parsed.number}${parsed.rest}`;
  if (parsed.kind === 'op') return `Paragraph ${parsed.number}${parsed.letter ? `(${parsed.letter})` : ''}${parsed.rest}`;
  if (parsed.kind === 'pp') return `Preambular paragraph ${parsed.number}${parsed.rest}`;
  return part;
}

interface ParsedPart {
  kind: 'pp' | 'op' | 'art' | 'other';
  number: number;
  letter: string;
  rest: string;
}

function parsePart(part: string): ParsedPart {
  const match = /^(pp|op|art)-(\d+)([a-z]?)(.*)$/.exec(part);
  if (!match) return { kind: 'other', number: Number.MAX_SAFE_INTEGER, letter: '', rest: part };
  const kind = match[1] as 'pp' | 'op' | 'art';
  // A letter belongs to operative paragraphs (op-8d); elsewhere it is part of the rest (art-2bis).
  const letter = kind === 'op' && !/^[a-z]/.test(match[4] as string) ? (match[3] as string) : '';
  const rest = kind === 'op' && letter ? (match[4] as string) : `${match[3] as string}${match[4] as string}`;
  return { kind, number: Number(match[2]), letter, rest };
}

const PART_ORDER: Record<ParsedPart['kind'], number> = { pp: 0, op: 1, art: 1, other: 2 };

/** Preambular paragraphs, then numbered provisions (8, 8(a), 8(d), 9, 10 …), then other parts. */
export function compareProvisionIds(a: string, b: string): number {
  const pa = parsePart(a.slice(a.indexOf('/') + 1));
  const pb = parsePart(b.slice(b.indexOf('/') + 1));
  // Ids are lower-case ASCII: code-unit order, without the collator (its first use took about 10 ms).
  return PART_ORDER[pa.kind] - PART_ORDER[pb.kind] || pa.number - pb.number || byCodeUnits(pa.letter, pb.letter) || byCodeUnits(pa.rest, pb.rest) || byCodeUnits(a, b);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "Article 4 of the Treaty on …", "Articles 9 and 10 of …", or for several instruments each in full. */
export function provisionsNamed(provisions: ReadonlyArray<{ instrument: Instrument; provision: Provision }>): string {
  const byInstrument = new Map<Instrument, string[]>();
  for (const { instrument, provision } of provisions) byInstrument.set(instrument, [...(byInstrument.get(instrument) ?? []), provisionName(provision)]);
  return [...byInstrument].map(([instrument, names]) => `${joinNames(names)} of ${titled(instrument)}`).join(' or ');
}

/** "the Charter of the United Nations", "resolution 1718 (2006)". */
export function titled(instrument: Instrument): string {
  return /^(?:the |resolution )/iu.test(instrument.shortTitle) ? instrument.shortTitle : `the ${instrument.shortTitle}`;
}

/** "Article 20", "Paragraph 8(d)", "Chapter VII". */
export function provisionName(provision: Provision): string {
  return provision.kind === 'chapter' ? `Chapter ${provision.number}` : labelFromId(provision.id);
}

/** "Article 9", "Articles 9 and 10", "Article 9, Paragraph 3 and Article 10" (plural only when every name is an article or a paragraph). */
export function joinNames(names: readonly string[]): string {
  if (names.length === 1) return names[0] as string;
  const kind = /^(Article|Paragraph) /.exec(names[0] as string)?.[1];
  const same = kind !== undefined && names.every((name) => name.startsWith(`${kind} `));
  const parts = same ? names.map((name) => name.slice((kind as string).length + 1)) : [...names];
  const list = `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] as string}`;
  return same ? `${kind as string}s ${list}` : list;
}
