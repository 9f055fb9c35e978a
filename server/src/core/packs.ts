import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import {
  Corpus,
  instancePathSegments,
  jsonPathOf,
  schemaProblems,
  type DataProblem,
  type Instrument,
  type Official,
  type Provision,
} from './corpus';
import { validatePack } from './generated/validators';

/**
 * Users' source packs: JSON files in a workspace (`.lexicite/*.json` by default) that add
 * instruments, provisions (for instance the official text of a provision Lexicite ships
 * without text) and officials. Packs are validated against data/schema/pack.schema.json;
 * a broken pack is reported with its file, JSON path and offsets, and never stops the
 * built-in corpus or the other packs from working.
 */

export interface PackProvision extends Provision {
  instrument: string;
}

export interface SourcePack {
  instruments?: Instrument[];
  provisions?: PackProvision[];
  officials?: Official[];
}

/** A pack problem, located in the pack's text (UTF-16 offsets) for diagnostics. */
export interface PackProblem extends DataProblem {
  start: number;
  end: number;
}

export interface ParsedPack {
  file: string;
  pack: SourcePack;
  /**
   * Offsets of the value at a JSON path, or of the nearest enclosing value; with
   * `wholeProperty`, of the whole `"key": value` pair (for a property that is not allowed).
   */
  locate: (segments: ReadonlyArray<string | number>, wholeProperty?: boolean) => { start: number; end: number };
}

/** Parses and validates one pack file's text. */
export function parsePack(file: string, text: string): { parsed: ParsedPack | null; problems: PackProblem[] } {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = content.length === text.length ? 0 : 1;
  const errors: ParseError[] = [];
  const root = parseTree(content, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const problems = errors.map((error) => ({
      file,
      jsonPath: '$',
      message: `invalid JSON: ${describeParseError(error)} at offset ${error.offset}`,
      severity: 'error' as const,
      start: error.offset + shift,
      end: error.offset + shift + Math.max(error.length, 1),
    }));
    if (problems.length === 0) problems.push({ file, jsonPath: '$', message: 'the file is empty: a pack is a JSON object', severity: 'error', start: 0, end: 0 });
    return { parsed: null, problems };
  }
  const locate = (segments: ReadonlyArray<string | number>, wholeProperty = false): { start: number; end: number } => {
    const node = findNodeAtLocation(root, segments as Array<string | number>);
    const target = node && wholeProperty && node.parent?.type === 'property' ? node.parent : node ?? nearestNode(root, segments);
    return { start: target.offset + shift, end: target.offset + shift + target.length };
  };
  const value = JSON.parse(content) as unknown;
  if (!validatePack(value)) {
    return {
      parsed: null,
      problems: schemaProblems(file, validatePack.errors).map((problem, index) => {
        const error = validatePack.errors?.[index];
        const segments = instancePathSegments(error?.instancePath ?? '');
        const unknownProperty = error?.keyword === 'additionalProperties' && typeof error.params.additionalProperty === 'string';
        if (unknownProperty) segments.push(error.params.additionalProperty as string);
        return { ...problem, ...locate(segments, unknownProperty) };
      }),
    };
  }
  return { parsed: { file, pack: value as SourcePack, locate }, problems: [] };
}

function nearestNode(root: Node, segments: ReadonlyArray<string | number>): Node {
  for (let length = segments.length - 1; length > 0; length--) {
    const node = findNodeAtLocation(root, segments.slice(0, length) as Array<string | number>);
    if (node) return node;
  }
  return root;
}

function describeParseError(error: ParseError): string {
  const names: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'a property name was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace was expected',
    CloseBracketExpected: 'a closing bracket was expected',
    EndOfFileExpected: 'the end of the file was expected',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unexpected end of comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unexpected end of number',
    InvalidUnicode: 'invalid Unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character',
  };
  const code = printParseErrorCode(error.error);
  return names[code] ?? code;
}

/**
 * Adds packs to a corpus. Packs are applied in the order given (sort them by path for a
 * stable result); each entry that conflicts is reported and skipped, the rest applies.
 * Built-in renderings replaced by a pack's text are kept as variants, so nothing is lost.
 */
export function applyPacks(base: Corpus, packs: readonly ParsedPack[]): { corpus: Corpus; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  // No packs: the corpus as it is (a copy would make every resolution of the index an instrument).
  if (packs.length === 0) return { corpus: base, problems };
  const builtinIds = new Set(base.instruments.map((instrument) => instrument.id));
  const instruments = new Map<string, Instrument>(base.instruments.map((instrument) => [instrument.id, instrument]));
  const officials = new Map<string, Official>(base.officials.map((official) => [official.id, official]));
  const packInstrumentOwner = new Map<string, string>();
  const packProvisionOwner = new Map<string, string>();
  const packOfficialOwner = new Map<string, string>();
  const report = (parsed: ParsedPack, segments: Array<string | number>, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ file: parsed.file, jsonPath: jsonPathOf(segments), message, severity, ...parsed.locate(segments) });
  };

  for (const parsed of packs) {
    (parsed.pack.instruments ?? []).forEach((instrument, index) => {
      const at = ['instruments', index, 'id'];
      if (builtinIds.has(instrument.id)) {
        report(parsed, at, `instrument "${instrument.id}" is built in; a pack cannot redefine it, but can add or complete its provisions under "provisions"`);
        return;
      }
      const owner = packInstrumentOwner.get(instrument.id);
      if (owner) {
        report(parsed, at, `duplicate instrument id "${instrument.id}": already defined in ${owner}`);
        return;
      }
      const seen = new Set<string>();
      const provisions: Provision[] = [];
      instrument.provisions.forEach((provision, provisionIndex) => {
        const provisionAt = ['instruments', index, 'provisions', provisionIndex, 'id'];
        if (!provision.id.startsWith(`${instrument.id}/`)) {
          report(parsed, provisionAt, `provision id "${provision.id}" must start with "${instrument.id}/"`);
        } else if (seen.has(provision.id)) {
          report(parsed, provisionAt, `duplicate provision id "${provision.id}"`);
        } else {
          seen.add(provision.id);
          provisions.push(markProvision(provision, parsed.file));
        }
      });
      packInstrumentOwner.set(instrument.id, parsed.file);
      instruments.set(instrument.id, { ...instrument, provisions, pack: parsed.file });
    });
  }

  for (const parsed of packs) {
    (parsed.pack.provisions ?? []).forEach((entry, index) => {
      const { instrument: instrumentId, ...provisionFields } = entry;
      const provision: Provision = provisionFields;
      const instrument = instruments.get(instrumentId);
      if (!instrument) {
        report(parsed, ['provisions', index, 'instrument'], `unknown instrument "${instrumentId}": use a built-in id (e.g. unscr-1718, rus-dprk-2024, arsiwa) or define the instrument under "instruments"`);
        return;
      }
      if (!provision.id.startsWith(`${instrumentId}/`)) {
        report(parsed, ['provisions', index, 'id'], `provision id "${provision.id}" must start with "${instrumentId}/"`);
        return;
      }
      const owner = packProvisionOwner.get(provision.id);
      if (owner) {
        report(parsed, ['provisions', index, 'id'], `duplicate provision "${provision.id}": already supplied by ${owner}`);
        return;
      }
      const beyond = beyondStructure(instrument, provision.number);
      if (beyond) report(parsed, ['provisions', index, 'number'], beyond, 'warning');
      packProvisionOwner.set(provision.id, parsed.file);
      const marked = markProvision(provision, parsed.file);
      const existingIndex = instrument.provisions.findIndex((candidate) => candidate.id === provision.id);
      const provisions = [...instrument.provisions];
      if (existingIndex < 0) {
        provisions.push(marked);
      } else {
        const existing = provisions[existingIndex] as Provision;
        provisions[existingIndex] = {
          ...existing,
          ...marked,
          title: marked.title ?? existing.title ?? null,
          summary: marked.summary ?? existing.summary ?? null,
          // Built-in renderings stay available, after the pack's own.
          variants: [...(marked.variants ?? []), ...(existing.text ? [existing.text] : []), ...(existing.variants ?? [])],
        };
      }
      instruments.set(instrument.id, { ...instrument, provisions });
    });

    (parsed.pack.officials ?? []).forEach((official, index) => {
      const at = ['officials', index, 'id'];
      const owner = packOfficialOwner.get(official.id);
      if (owner) report(parsed, at, `duplicate official id "${official.id}": already defined in ${owner}`);
      else if (officials.has(official.id)) report(parsed, at, `official "${official.id}" is built in; a pack cannot redefine it`);
      else {
        packOfficialOwner.set(official.id, parsed.file);
        officials.set(official.id, { ...official, pack: parsed.file });
      }
    });
  }

  if (problems.length === 0 && packs.length === 0) return { corpus: base, problems };
  return { corpus: new Corpus([...instruments.values()], [...officials.values()], base.extras), problems };
}

function markProvision(provision: Provision, file: string): Provision {
  return {
    ...provision,
    text: provision.text ? { ...provision.text, pack: file } : null,
    variants: (provision.variants ?? []).map((variant) => ({ ...variant, pack: file })),
  };
}

/** A message when a provision number lies beyond its instrument's known structure. */
function beyondStructure(instrument: Instrument, number: string): string | null {
  const count = instrument.structure.count;
  const main = /^(\d+)/.exec(number)?.[1];
  if (count === null || main === undefined) return null;
  if (Number(main) <= count) return null;
  const unit = instrument.structure.unit === 'article' ? 'articles' : 'operative paragraphs';
  return `${instrument.shortTitle} has ${count} ${unit}; ${number} is beyond them`;
}
