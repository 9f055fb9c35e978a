import type { SourceDocument } from '../document';
import { shiftedLines, type RecognitionChunk } from '../recognize/index';
import type { ProseSentence } from '../sentences';
import type { Finding, Fix, Range, RuleLevel, Severity } from '../types';
import { RULES, ruleLevel } from './index';
import type { RawFinding, RuleContext, RuleDefinition } from './types';

/**
 * Running the rules over one version of a draft. A rule of scope `chunk` is given one chunk
 * at a time (its sentences and references, see RuleContext), and its findings for a chunk are
 * kept, relative to the chunk, while what they were worked out from stays the same: the
 * chunk's text, the resolution of its references (the chunk's ResolutionMemo), and what the rest
 * of the draft tells the chunk (environmentOf). A rule of scope `document` runs over the whole
 * draft for every version.
 */

/** What the analysis keeps per chunk for the rules. */
export interface ChunkRuleState {
  sentences: ProseSentence[] | null;
  /** The labels its sentences' citations use (footnotes, reference links): whether they are defined decides what is cited. */
  citedLabels: { footnotes: string[]; links: string[] } | null;
  /** The chunk-scoped rules' findings (offsets relative to the chunk), and what they were worked out from. */
  findings: ChunkFindings | null;
  /** Its environment (see environmentOf) as last worked out, and from what. */
  environment?: { shared: string; footnotes: ReadonlySet<string>; links: ReadonlySet<string>; value: string };
}

/** A chunk's findings, valid while its references resolve as before and the document around it gives the same answers. */
export interface ChunkFindings {
  /** The ResolutionMemo of the references they were worked out from. */
  resolution: object;
  /** The document-wide inputs they depend on (see environmentOf). */
  environment: string;
  findings: StoredFinding[];
}

interface StoredFinding {
  rule: RuleDefinition;
  severity: Severity | undefined;
  message: string;
  /** Relative to the chunk's start. */
  start: number;
  end: number;
  /** Its range when the chunk started on `line`: a chunk starts at the start of a line, so a move keeps the columns. */
  range: Range;
  line: number;
}

export interface RulesInput {
  document: SourceDocument;
  /** The whole draft's context (for the rules of scope `document`). */
  context: RuleContext;
  chunks: ReadonlyArray<{ start: number; data: ChunkRuleState }>;
  /** Per chunk (same index), as the references were resolved in this version. */
  recognition: readonly RecognitionChunk[];
  /** The context of one chunk (its sentences and references), made once per version. */
  chunkContext: (index: number) => RuleContext;
  /** The rule levels the writer set. */
  rules: Readonly<Record<string, RuleLevel>>;
  /** The labels of the link and footnote definitions: the same sets as the last version's while they are the same. */
  linkLabels: ReadonlySet<string>;
  definedFootnotes: ReadonlySet<string>;
}

/**
 * The findings of one version, as the rules keep them: per chunk, and the rules of scope
 * `document`'s. A chunk's findings are made (with offsets where the chunk now stands) when
 * first asked for: an edit moves every chunk after it, and most versions are only compared
 * with the last, group by group (see `DiagnosticGroup`).
 */
export interface DiagnosticGroup {
  /**
   * The same object for as long as the group's findings stay the same relative to the line it
   * starts on (a chunk's kept findings); null for a group that is made again for each version
   * (the rules of scope `document`).
   */
  key: object | null;
  /** The line the group's chunk starts on in this version; null for the rules of scope `document`. */
  line: number | null;
  /** Its findings, in order, where they stand in this version. */
  findings(): readonly Finding[];
}

/** The findings of every rule that is not off: per chunk that has any, then the whole draft's. */
export function runRules({ document, context, chunks, recognition, chunkContext, rules, linkLabels, definedFootnotes }: RulesInput): DiagnosticGroup[] {
  const levels = new Map(RULES.map((rule) => [rule, ruleLevel(rule.code, rules)]));
  const severityOf = (rule: RuleDefinition, severity: Severity | undefined): Severity => {
    const level = levels.get(rule) as RuleLevel;
    // A rule may lower one finding's severity while it runs at its default level; a level the writer sets applies to all.
    return (severity && level === rule.defaultSeverity ? severity : level) as Severity;
  };
  const chunkRules = RULES.filter((rule) => rule.scope === 'chunk' && levels.get(rule) !== 'off');
  const shared = `${JSON.stringify(rules)}\u0000${context.documentDate}\u0000${context.citationScope}\u0000${context.externalReferences}`;
  const groups: DiagnosticGroup[] = [];
  /**
   * A finding's fixes, worked out when asked for by running its rule again on its chunk in this
   * version (offsets and footnote numbers as they are now). Nothing of the chunk's context is
   * kept meanwhile: a long draft has thousands of findings and few are ever fixed.
   */
  const rerun = new Map<string, Map<string, RawFinding[]>>();
  const fixesLater = (stored: StoredFinding, index: number, start: number, end: number) => (): Fix[] => {
    // One run of the rule per chunk, its findings by position: asking for every fix of a chunk stays linear.
    const key = `${index} ${stored.rule.code}`;
    let atPositions = rerun.get(key);
    if (!atPositions) {
      atPositions = new Map();
      for (const raw of stored.rule.check(chunkContext(index))) {
        const at = `${raw.start} ${raw.end}`;
        const list = atPositions.get(at);
        if (list) list.push(raw);
        else atPositions.set(at, [raw]);
      }
      rerun.set(key, atPositions);
    }
    const again = atPositions.get(`${start} ${end}`)?.find((raw) => raw.message === stored.message);
    return again ? (typeof again.fixes === 'function' ? again.fixes() : again.fixes) : [];
  };
  /** A kept finding where its chunk now stands (see KeptGroup). */
  const placeKept = (stored: StoredFinding, index: number, base: number, line: number): Finding => {
    const start = stored.start + base;
    const end = stored.end + base;
    const range = line === stored.line ? stored.range : shiftedLines(stored.range, line - stored.line);
    return new AnalysisFinding(stored.message, start, end, fixesLater(stored, index, start, end), stored.rule.code, severityOf(stored.rule, stored.severity), range);
  };
  chunks.forEach(({ start: base, data: chunk }, index) => {
    const recognized = recognition[index] as RecognitionChunk;
    const resolution = recognized.resolved ?? chunk;
    const line = recognized.line ?? document.positionAt(base).line;
    chunk.citedLabels ??= citedLabelsOf(chunk.sentences ?? []);
    let known = chunk.environment;
    if (!known || known.shared !== shared || known.footnotes !== definedFootnotes || known.links !== linkLabels) {
      known = { shared, footnotes: definedFootnotes, links: linkLabels, value: environmentOf(shared, chunk.citedLabels, definedFootnotes, linkLabels) };
      chunk.environment = known;
    }
    const environment = known.value;
    const kept = chunk.findings;
    if (kept && kept.resolution === resolution && kept.environment === environment) {
      if (kept.findings.length > 0) groups.push(new KeptGroup(kept, line, base, index, placeKept));
      return;
    }
    const found: Array<{ rule: RuleDefinition; raw: RawFinding; code: string; start: number; end: number }> = [];
    const local = chunkContext(index);
    for (const rule of chunkRules) for (const raw of rule.check(local)) found.push({ rule, raw, code: rule.code, start: raw.start, end: raw.end });
    // Kept in the order the diagnostics are sorted in, so that the draft's list is nearly sorted already.
    found.sort(byPosition);
    const stored: StoredFinding[] = [];
    const made: Finding[] = [];
    for (const { rule, raw } of found) {
      const range = document.rangeOf(raw.start, raw.end);
      const kept: StoredFinding = { rule, severity: raw.severity, message: raw.message, start: raw.start - base, end: raw.end - base, range, line };
      stored.push(kept);
      // Fixes that are already worked out are kept; a fix function is not: it would keep the chunk's context alive.
      const fixes = typeof raw.fixes === 'function' ? fixesLater(kept, index, raw.start, raw.end) : raw.fixes;
      made.push(new AnalysisFinding(raw.message, raw.start, raw.end, fixes, rule.code, severityOf(rule, raw.severity), range));
    }
    chunk.findings = { resolution, environment, findings: stored };
    if (made.length > 0) groups.push({ key: chunk.findings, line, findings: () => made });
  });
  const whole: Finding[] = [];
  for (const rule of RULES) {
    if (rule.scope !== 'document' || levels.get(rule) === 'off') continue;
    for (const raw of rule.check(context)) whole.push(new AnalysisFinding(raw.message, raw.start, raw.end, raw.fixes, rule.code, severityOf(rule, raw.severity), document.rangeOf(raw.start, raw.end)));
  }
  if (whole.length > 0) groups.push({ key: null, line: null, findings: () => whole });
  return groups;
}

/** The order of diagnostics: by start, then end, then code. */
export function byPosition(a: Pick<Finding, 'start' | 'end' | 'code'>, b: Pick<Finding, 'start' | 'end' | 'code'>): number {
  return a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** The footnote and reference-link labels the sentences' citations (their own and their paragraph's) use. */
function citedLabelsOf(sentences: readonly ProseSentence[]): { footnotes: string[]; links: string[] } {
  const footnotes = new Set<string>();
  const links = new Set<string>();
  for (const sentence of sentences) {
    for (const facts of [sentence.citations, sentence.paragraph.citations]) {
      for (const label of facts.footnotes) footnotes.add(label);
      for (const label of facts.links) links.add(label);
    }
  }
  return { footnotes: [...footnotes], links: [...links] };
}

/**
 * What a chunk's findings depend on beyond its text and its references: the settings and the
 * document's date (`shared`), and which of the labels its citations use are defined. Adding a
 * footnote definition elsewhere re-checks only the chunks that cite that label.
 */
function environmentOf(shared: string, cited: { footnotes: string[]; links: string[] }, footnotes: ReadonlySet<string>, links: ReadonlySet<string>): string {
  if (cited.footnotes.length === 0 && cited.links.length === 0) return shared;
  let defined = '';
  for (const label of cited.footnotes) defined += footnotes.has(label) ? '1' : '0';
  for (const label of cited.links) defined += links.has(label) ? '1' : '0';
  return `${shared}\u0000${defined}`;
}

/**
 * The group of a chunk whose findings were kept from an earlier version: one object per chunk
 * and version (a long draft has thousands of chunks, and a keystroke re-lists them all), its
 * findings placed where the chunk now stands when first read.
 */
class KeptGroup implements DiagnosticGroup {
  private made: Finding[] | null = null;

  constructor(
    readonly key: ChunkFindings,
    readonly line: number,
    private readonly base: number,
    private readonly index: number,
    private readonly place: (stored: StoredFinding, index: number, base: number, line: number) => Finding,
  ) {}

  findings(): readonly Finding[] {
    this.made ??= this.key.findings.map((stored) => this.place(stored, this.index, this.base, this.line));
    return this.made;
  }
}

/**
 * A rule's finding with its code, severity and range; its fixes are worked out when first
 * read. A class with a getter: defining a getter on each object literal made building a long
 * draft's thousands of findings the slowest step of an edit.
 */
class AnalysisFinding implements Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly range: Range;
  #worked: Fix[] | (() => Fix[]);

  constructor(message: string, start: number, end: number, fixes: RawFinding['fixes'], code: string, severity: Severity, range: Range) {
    this.code = code;
    this.severity = severity;
    this.message = message;
    this.start = start;
    this.end = end;
    this.range = range;
    this.#worked = fixes;
  }

  get fixes(): Fix[] {
    if (typeof this.#worked === 'function') this.#worked = this.#worked();
    return this.#worked;
  }

  /** As plain data, fixes included (JSON output, snapshots). */
  toJSON(): Omit<Finding, 'fixes'> & { fixes: Fix[] } {
    return { code: this.code, severity: this.severity, message: this.message, start: this.start, end: this.end, range: this.range, fixes: this.fixes };
  }
}

