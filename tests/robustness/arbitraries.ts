/**
 * fast-check arbitraries for robustness tests: random Markdown drafts that mix real Markdown
 * constructs with the phrases Lexicite recognizes and with hostile Unicode, and random edit
 * sequences to apply to them.
 *
 * Meant for reuse (e.g. an "incremental analysis equals full analysis" property):
 *
 *   import { applyEdits, editSequence, markdownDraft } from '../robustness/arbitraries';
 *   fc.assert(fc.property(markdownDraft(), editSequence(), (text, edits) => {
 *     let current = text;
 *     for (const edit of edits) current = applyEdit(current, edit);  // or feed edit by edit to an incremental analysis
 *     ...
 *   }), { seed: 42, numRuns: 200 });
 *
 * Shapes:
 * - `markdownDraft(options?)`: `Arbitrary<string>`, a whole document (0 to a few kB). Lines end
 *   with `\n`, `\r\n`, `\r` or a per-line mix; the last line may or may not end with a break.
 *   It may start with front matter (`date:`, `bibliography:`, `lexicite: false` variants).
 * - `editSequence(options?)`: `Arbitrary<TextChange[]>`, 0..`maxEdits` edits to apply *in order*,
 *   each to the result of the previous one. `textChange(options?)`: one such edit.
 * - `TextChange`: `{ offset, deleteCount, insert }`. `offset` and `deleteCount` are
 *   non-negative integers in UTF-16 code units, drawn without knowing the text: `applyEdit`
 *   clamps `offset` to [0, text.length] and `deleteCount` to what is left after `offset`. An
 *   offset may fall inside a surrogate pair or between `\r` and `\n` (editors do that too).
 * - `applyEdit(text, change)`: the text after the change, with the clamped values applied;
 *   `clampEdit(text, change)` returns the clamped `{ offset, deleteCount, insert }` itself, for
 *   turning a change into an LSP range against the text it applies to.
 * - `pseudoRandomBytes(length, seed)`: deterministic bytes for inputs too large for fast-check.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------
// Vocabulary

/** Phrases the recognizer is meant to find, correct or not (unknown articles, wrong years, ambiguous ones). */
export const REFERENCE_PHRASES: readonly string[] = [
  'Article 4 of the 2024 treaty',
  'Article 31 of the 2024 treaty',
  'articles 10, 18 to 20',
  'Articles 9 and 10',
  'Article 16',
  'Art. 2(1)(a)',
  'Article 16 of the ILC Articles on State Responsibility',
  "ARSIWA's Article 16",
  'resolution 1718 (2006)',
  'Resolution 1718 (2009)',
  'Security Council resolution 1874 (2009)',
  'UNSCR 2397',
  'UNSCRs 2270 and 2321',
  'S/RES/2270 (2016)',
  'S/RES/1718(2006)',
  'UNSC Res. 2397',
  'resolutions 1718, 1874 and 2087',
  'resolutions 2270 to 2397',
  'paragraph 8(d) of resolution 1718',
  'paragraphs 8(a) to 8(c) of resolution 1718',
  'OP 8',
  'operative paragraph 12',
  'resolution 1718, paragraph 32',
  'the treaty',
  'this Convention',
  'that resolution',
  'the 1961 and 2000 treaties',
  'the Budapest Convention',
  'the Cybercrime Convention',
  'Treaty on Comprehensive Strategic Partnership',
  '1,718 tonnes',
  'in 2006',
  'on 19 June 2024',
];

/** Officials, with and without titles, including a title held at another time and informal surnames. */
export const OFFICIAL_NAMES: readonly string[] = [
  'Kim Jong Un',
  'Kim Jong-un',
  'Chairman Kim',
  'Kim',
  'Kim Il Sung Square',
  'Lavrov',
  'Foreign Minister Lavrov',
  'Sergei Lavrov',
  'President Putin',
  'Prime Minister Vladimir Putin',
  'Vladimir Putin',
  'Putin',
  'Shoigu',
  'Defence Minister Belousov',
  'Choe Son Hui',
  'President Xi',
  'Xi Jinping',
  'Ким Чен Ын',
];

/** Attribution and claim phrases the sourcing rules react to. */
const CLAIM_PHRASES: readonly string[] = [
  'analysts say',
  'experts believe',
  'some commentators',
  'it is widely reported',
  'according to sources',
  'signed',
  'announced',
  '"we will not accept this outcome"',
  '$4.5 million',
  '12 per cent',
  '300 shells',
  'could',
  'will likely',
];

/**
 * Unicode that tends to break text handling: astral characters and emoji (surrogate pairs),
 * ZWJ sequences, combining marks, unpaired surrogates, NUL and other controls, bidi
 * controls, NBSP and other spaces, the BOM, line and paragraph separators.
 */
export const HOSTILE_UNICODE: readonly string[] = [
  '😀',
  '👩‍👩‍👧',
  '🇰🇵',
  '𝔄𝔯𝔱𝔦𝔠𝔩𝔢',
  '𠀀',
  'e\u0301',
  'A\u0300\u0301\u0302\u0303',
  '\u0301',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDBFF',
  '\uDFFF\uD800',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u200E',
  '\u200F',
  '\u202E',
  '\u2066',
  '\u2069',
  '\u00A0',
  '\u2009',
  '\u3000',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000B',
  '\u000C',
  'ﬁ',
  'İ',
  'ß',
  'Ⅻ',
  '١٢٣',
  '۱۷۱۸',
  'שלום',
  'مرحبا',
  '\uFFFD',
  '\uFFFF',
];

const WORDS: readonly string[] = [
  'the', 'The', 'a', 'committee', 'sanctions', 'embargo', 'Council', 'State', 'party', 'of', 'and', 'to', 'in', 'on',
  'was', 'is', 'were', 'by', 'draft', 'DPRK', 'Russia', 'Pyongyang', 'assistance', 'transfer', 'arms', 'e.g.', 'U.N.',
  'No.', 'Sept.', 'para.', '2006', '1718', '8(d)', 'treaty', 'Treaty', 'resolution', 'Resolution', 'paragraph', 'Article',
  'articles', 'OP', 'UNSCR', 'S/RES/', 'President', 'Minister', 'Foreign', '(', ')', '[', ']', ',', ';', ':', '—', '–', '-',
];

const FOOTNOTE_LABELS: readonly string[] = ['1', '2', '3', 'a', 'note', 'x-y', 'unscr-1718', 'Ü', '😀', '1 2'];

// ---------------------------------------------------------------------------------------
// Inline content

const word = fc.constantFrom(...WORDS);
const hostile = fc.constantFrom(...HOSTILE_UNICODE);
const referencePhrase = fc.constantFrom(...REFERENCE_PHRASES);
const officialName = fc.constantFrom(...OFFICIAL_NAMES);
const claimPhrase = fc.constantFrom(...CLAIM_PHRASES);
const footnoteLabel = fc.constantFrom(...FOOTNOTE_LABELS);
/** Short random text: printable ASCII or any code point (surrogate halves included). */
const randomText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 6 }),
);

/** One inline piece: a word, a phrase, markup, or hostile text. */
const inlinePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 5, arbitrary: referencePhrase },
  { weight: 3, arbitrary: officialName },
  { weight: 2, arbitrary: claimPhrase },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: randomText },
  { weight: 2, arbitrary: footnoteLabel.map((label) => `[^${label}]`) },
  { weight: 1, arbitrary: fc.constantFrom('[^', '[^]', '\\[^1]', '[^1](https://example.org)', '[@unscr1718]', '[see @res1874, p. 3]', '@kim2019') },
  { weight: 1, arbitrary: fc.tuple(referencePhrase, fc.constantFrom('`', '``')).map(([phrase, ticks]) => `${ticks}${phrase}${ticks}`) },
  { weight: 1, arbitrary: fc.constantFrom('`unclosed code', '``', '` `` `', '```') },
  { weight: 1, arbitrary: referencePhrase.map((phrase) => `[${phrase}](https://undocs.org/S/RES/1718(2006) "title")`) },
  { weight: 1, arbitrary: fc.constantFrom('[link](https://example.org', '](x "', '<https://undocs.org/S/RES/1718(2006)>', 'https://undocs.org/S/RES/1718(2006)', 'www.un.org/Article-4', '<a:b', '[ref]', '[ref][]') },
  { weight: 1, arbitrary: fc.constantFrom('*', '_', '**', '~~', '\\', '&nbsp;', '&#x1F600;', '&#0;', '<br>', '<span title="Article 4">', '</span>', '<!--', '-->', '<!-- resolution 1718 (2009) -->') },
  { weight: 1, arbitrary: fc.constantFrom('<!-- lexicite-disable-next-line -->', '<!-- lexicite-disable year-mismatch -->', '<!-- lexicite-enable -->', '<!-- lexicite-disable-next-line uncited-reference, unknown-provision -->') },
  { weight: 1, arbitrary: fc.constantFrom('.', '. ', '?', '!', '."', '.)', '...', ' .', '.[^1]') },
);

const inlineSeparator = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\u00A0', '', ', ', '. ');

/** A run of inline content on one line. */
export function inlineText(maxPieces = 8): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(inlinePiece, inlineSeparator), { minLength: 1, maxLength: maxPieces })
    .map((pieces) => pieces.map(([piece, separator]) => piece + separator).join('').trimEnd());
}

// ---------------------------------------------------------------------------------------
// Blocks, as lines without line breaks

type Lines = string[];

const paragraph = fc.array(inlineText(), { minLength: 1, maxLength: 3 });

const atxHeading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), inlineText(5), fc.constantFrom('', ' #', ' ##', ' ###  '))
  .map(([level, text, closing]): Lines => [`${'#'.repeat(level)} ${text}${closing}`]);

const setextHeading = fc.tuple(inlineText(5), fc.constantFrom('===', '---', '=', '-  ')).map(([text, underline]): Lines => [text, underline]);

const fencedCode = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '  ```'), fc.constantFrom('', 'md', 'text {.class}', 'Article 4'), fc.array(fc.oneof(inlineText(6), randomText), { maxLength: 4 }), fc.boolean())
  .map(([fence, info, body, closed]): Lines => [fence + info, ...body, ...(closed ? [fence.trim()] : [])]);

const indentedCode = fc.array(inlineText(6), { minLength: 1, maxLength: 3 }).map((lines): Lines => lines.map((line) => `    ${line}`));

const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(inlineText(3), { minLength: 1, maxLength: 4 }), { maxLength: 4 }), fc.boolean())
  .map(([columns, rows, leadingPipe]): Lines => {
    const row = (cells: string[]): string => `${leadingPipe ? '| ' : ''}${Array.from({ length: columns }, (_, index) => (cells[index] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
    return [row(Array.from({ length: columns }, (_, index) => `Col ${index}`)), row(Array.from({ length: columns }, () => '---')), ...rows.map(row)];
  });

const htmlBlock = fc
  .tuple(fc.constantFrom('<div>', '<details>', '<table><tr><td>', '<script>', '<pre>', '<?xml?>', '<!DOCTYPE html>'), fc.array(inlineText(5), { maxLength: 3 }), fc.boolean())
  .map(([open, body, closed]): Lines => [open, ...body, ...(closed ? [open.replace('<', '</').replace(/<\/[!?].*$/, '')] : [])]);

const htmlComment = fc
  .tuple(fc.array(inlineText(5), { maxLength: 3 }), fc.boolean())
  .map(([body, closed]): Lines => ['<!--', ...body, ...(closed ? ['-->'] : [])]);

const footnoteDefinition = fc
  .tuple(footnoteLabel, inlineText(6), fc.array(inlineText(5), { maxLength: 2 }))
  .map(([label, first, rest]): Lines => [`[^${label}]: ${first}`, ...rest.map((line) => `    ${line}`)]);

const linkReferenceDefinition = fc
  .tuple(fc.constantFrom('ref', 'S/RES/1718', 'Article 4', '^1'), fc.constantFrom('https://undocs.org/S/RES/1718(2006)', '<https://example.org>', 'x "title"'))
  .map(([label, destination]): Lines => [`[${label}]: ${destination}`]);

const thematicBreak = fc.constantFrom<Lines>(['---'], ['***'], ['_ _ _'], ['- - -']);

const leafBlock: fc.Arbitrary<Lines> = fc.oneof(
  { weight: 8, arbitrary: paragraph },
  { weight: 2, arbitrary: atxHeading },
  { weight: 1, arbitrary: setextHeading },
  { weight: 2, arbitrary: fencedCode },
  { weight: 1, arbitrary: indentedCode },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 1, arbitrary: htmlComment },
  { weight: 3, arbitrary: footnoteDefinition },
  { weight: 1, arbitrary: linkReferenceDefinition },
  { weight: 1, arbitrary: thematicBreak },
  { weight: 1, arbitrary: fc.constant<Lines>(['']) },
);

/** Blocks, with lists and block quotes nesting up to `depth` levels. */
function blocks(depth: number): fc.Arbitrary<Lines> {
  const block: fc.Arbitrary<Lines> =
    depth <= 0
      ? leafBlock
      : fc.oneof(
          { weight: 6, arbitrary: leafBlock },
          { weight: 2, arbitrary: list(depth - 1) },
          { weight: 1, arbitrary: blockQuote(depth - 1) },
        );
  return fc
    .array(fc.tuple(block, fc.constantFrom('', '', ' ', '\t', null)), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.flatMap(([lines, gap]) => (gap === null ? lines : [...lines, gap])));
}

function list(depth: number): fc.Arbitrary<Lines> {
  const marker = fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-\t', '- [ ] ');
  return fc
    .tuple(marker, fc.array(blocks(depth), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([bullet, items, lazy]) =>
      items.flatMap((lines) => {
        const indent = ' '.repeat(bullet.replace('\t', '    ').length);
        // A lazy continuation line is not indented.
        return lines.map((line, index) => (index === 0 ? bullet + line : lazy && index === 1 ? line : line.length > 0 ? indent + line : line));
      }),
    );
}

function blockQuote(depth: number): fc.Arbitrary<Lines> {
  return fc
    .tuple(blocks(depth), fc.constantFrom('> ', '>', ' > ', '>> '), fc.boolean())
    .map(([lines, prefix, lazy]) => lines.map((line, index) => (lazy && index === lines.length - 1 && index > 0 ? line : prefix + line)));
}

const frontMatter = fc
  .tuple(
    fc.constantFrom('date: 2025-03-01', 'date: "2012-05-07"', 'date: 1999', 'date: not a date', 'date:', 'date: 2024-02-30', 'date: 2015-06-01T12:00:00Z'),
    fc.constantFrom('', 'bibliography: refs.bib', 'bibliography: [refs.json, other.bib]', 'bibliography:\n  - refs.bib', 'bibliography: ../../etc/passwd', 'bibliography: "ünïcode 😀.bib"'),
    fc.constantFrom('', 'lexicite: false', 'title: Article 4 of the 2024 treaty', 'tags: [resolution 1718 (2009)]'),
    fc.constantFrom('---', '...', ''),
  )
  .map(([date, bibliography, extra, closing]): Lines => ['---', date, ...bibliography.split('\n'), extra, ...(closing ? [closing] : [])].filter((line, index) => index === 0 || line !== ''));

// ---------------------------------------------------------------------------------------
// Documents

export type LineEnding = '\n' | '\r\n' | '\r' | 'mixed';

export interface DraftOptions {
  /** How deep lists and block quotes may nest (default 3). */
  maxDepth?: number;
  /** How many top-level groups of blocks (default 8). */
  maxBlocks?: number;
}

/** Joins lines with a line ending style; "mixed" picks one per line from `choices`. */
function joinLines(lines: Lines, ending: LineEnding, choices: number[], trailing: boolean): string {
  const eols = ['\n', '\r\n', '\r'] as const;
  let text = '';
  lines.forEach((line, index) => {
    const eol = ending === 'mixed' ? eols[(choices[index % Math.max(choices.length, 1)] ?? 0) % 3] : ending;
    text += line + (index < lines.length - 1 || trailing ? eol : '');
  });
  return text;
}

/** A random Markdown draft (see the header comment for its shape). */
export function markdownDraft(options: DraftOptions = {}): fc.Arbitrary<string> {
  const { maxDepth = 3, maxBlocks = 8 } = options;
  return fc
    .tuple(
      fc.option(frontMatter, { freq: 4 }),
      fc.array(blocks(maxDepth), { minLength: 0, maxLength: maxBlocks }),
      fc.constantFrom<LineEnding>('\n', '\n', '\r\n', '\r', 'mixed'),
      fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 7 }),
      fc.boolean(),
      fc.constantFrom('', '', '\uFEFF', ' ', '\n'),
    )
    .map(([front, groups, ending, choices, trailing, prefix]) => prefix + joinLines([...(front ?? []), ...groups.flat()], ending, choices, trailing));
}

// ---------------------------------------------------------------------------------------
// Edits

/** One change to a text: delete `deleteCount` code units at `offset`, then insert `insert` there. Clamped by applyEdit. */
export interface TextChange {
  offset: number;
  deleteCount: number;
  insert: string;
}

export interface EditOptions {
  /** At most this many edits (default 12). */
  maxEdits?: number;
  /** Offsets are drawn from [0, maxOffset] (default 4000) and then clamped to the text. */
  maxOffset?: number;
}

const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: inlineText(4) },
  { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ' ', '\t') },
  { weight: 2, arbitrary: fc.constantFrom('```\n', '~~~', '> ', '- ', '    ', '# ', '---\n', '<!--', '-->', '[^1]', '[^1]: ', '|', '`') },
  { weight: 2, arbitrary: hostile },
  { weight: 1, arbitrary: randomText },
  { weight: 1, arbitrary: fc.constantFrom('1', '9', '(', ')', '(2009)', 's', 'A', 'a', '.', ',') },
  { weight: 1, arbitrary: markdownDraft({ maxDepth: 1, maxBlocks: 2 }) },
);

/** One change (see TextChange); offsets drawn from [0, maxOffset] (default 4000), clamped when applied. */
export function textChange(options: Pick<EditOptions, 'maxOffset'> = {}): fc.Arbitrary<TextChange> {
  const { maxOffset = 4000 } = options;
  return fc.record({
    // Small offsets are common (short drafts); the rest land anywhere, clamped to the end.
    offset: fc.oneof(fc.nat({ max: 200 }), fc.nat({ max: maxOffset })),
    deleteCount: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.nat({ max: 5 }) }, { weight: 1, arbitrary: fc.nat({ max: 500 }) }),
    insert: insertion,
  });
}

/** A sequence of changes, applied in order (see the header comment). */
export function editSequence(options: EditOptions = {}): fc.Arbitrary<TextChange[]> {
  const { maxEdits = 12, maxOffset = 4000 } = options;
  return fc.array(textChange({ maxOffset }), { maxLength: maxEdits });
}

/** The change with `offset` and `deleteCount` clamped to the text. */
export function clampEdit(text: string, change: TextChange): TextChange {
  const offset = Math.max(0, Math.min(Math.trunc(change.offset) || 0, text.length));
  const deleteCount = Math.max(0, Math.min(Math.trunc(change.deleteCount) || 0, text.length - offset));
  return { offset, deleteCount, insert: change.insert };
}

/** The text after one change (clamped). */
export function applyEdit(text: string, change: TextChange): string {
  const { offset, deleteCount, insert } = clampEdit(text, change);
  return text.slice(0, offset) + insert + text.slice(offset + deleteCount);
}

/** The text after each change in turn. */
export function applyEdits(text: string, changes: readonly TextChange[]): string {
  return changes.reduce(applyEdit, text);
}

/** Deterministic pseudo-random bytes (xorshift32), for inputs too large to draw with fast-check. */
export function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    bytes[index] = state & 0xff;
  }
  return bytes;
}
