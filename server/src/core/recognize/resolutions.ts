import type { Corpus } from '../corpus';
import { COMMA_PARAGRAPH, OF, OTHER_BODY_NUMBER_END, OTHER_BODY_RESOLUTION, PARAGRAPH_NEXT, PARAGRAPH_SCAN, RESOLUTION_HEAD, RESOLUTION_NEXT, RESOLUTION_SCAN } from './patterns';
import { execAt, RANGE_ONLY, yearOf, type ExternalName, type Mention, type NumberedMember, type ResolutionMember } from './mentions';

/**
 * Security Council resolutions and their operative paragraphs, and other bodies' resolutions
 * (external references): pass 1.
 */

const RESOLUTION_AT = new RegExp(RESOLUTION_HEAD.source, 'yiu');
const OTHER_BODY_AT = new RegExp(OTHER_BODY_RESOLUTION.source, 'yu');

/** Plain "resolution N" above this is not taken for a Security Council resolution (the Council was near 2800 in 2025). */
export const MAX_PLAIN_RESOLUTION = 2999;

/**
 * Whether a designation is a Security Council resolution: always when it names the Council
 * ("Security Council resolution", "UNSCR", "S/RES/"); a plain "resolution N" when N has three
 * or four digits up to MAX_PLAIN_RESOLUTION, or fewer digits with a year ("resolution 82 (1950)").
 */
function isCouncilResolution(head: RegExpExecArray, corpus: Corpus): boolean {
  const groups = head.groups ?? {};
  if (groups.council || groups.unscr || groups.symbol) return true;
  const number = Number(groups.number);
  // A resolution with a record of its own (a source pack's) is one however it is written.
  if (corpus.hasRecord(number)) return true;
  if (number > MAX_PLAIN_RESOLUTION) return false;
  return number >= 100 || Boolean(groups.year);
}

export function resolutionMentions(text: string, corpus: Corpus): Mention[] {
  const mentions: Mention[] = [];
  for (const head of RESOLUTION_SCAN.matches(text)) {
    const start = head.index;
    let end = start + head[0].length;
    // "resolution 68/262", "resolution 3314 (XXIX)": the General Assembly's numbering (see otherBodyMentions).
    if (execAt(OTHER_BODY_NUMBER_END, text, end) || !isCouncilResolution(head, corpus)) continue;
    const members: ResolutionMember[] = [{ start, end, number: Number(head.groups?.number), ...yearOf(head, start) }];
    for (let next = execAt(RESOLUTION_NEXT, text, end); next; next = execAt(RESOLUTION_NEXT, text, end)) {
      const sepLength = next.groups?.sep?.length ?? 0;
      members.push({ start: end + sepLength, end: end + next[0].length, number: Number(next.groups?.number), ...yearOf(next, end) });
      end += next[0].length;
    }
    // "resolution 2270 (2016), paragraph 32": a paragraph of this resolution.
    const paragraph = members.length === 1 ? execAt(COMMA_PARAGRAPH, text, end) : null;
    if (paragraph) {
      const first = members[0] as ResolutionMember;
      const { members: paragraphs, end: paragraphsEnd } = paragraphMembers(text, paragraph, end, start);
      mentions.push({
        type: 'paragraphs',
        extent: { start, end: paragraphsEnd },
        keyword: paragraph.groups?.keyword ?? 'paragraph',
        members: paragraphs,
        resolution: first,
        single: paragraphs.length === 1 ? { start, end: paragraphsEnd } : null,
      });
      continue;
    }
    mentions.push({ type: 'resolutions', extent: { start, end }, members });
  }
  return mentions;
}

/** The members of a paragraph list starting with an already matched head. */
function paragraphMembers(text: string, head: RegExpExecArray, headAt: number, spanStart: number): { members: NumberedMember[]; end: number } {
  let end = headAt + head[0].length;
  const members: NumberedMember[] = [{ start: spanStart, end, number: head.groups?.number ?? '', letter: head.groups?.letter ?? null, closesRange: false }];
  for (let next = execAt(PARAGRAPH_NEXT, text, end); next; next = execAt(PARAGRAPH_NEXT, text, end)) {
    const sep = next.groups?.sep ?? '';
    const previous = members[members.length - 1] as NumberedMember;
    members.push({
      start: end + sep.length,
      end: end + next[0].length,
      number: next.groups?.number ?? previous.number,
      letter: next.groups?.letter ?? next.groups?.onlyLetter ?? null,
      closesRange: RANGE_ONLY.test(sep),
    });
    end += next[0].length;
  }
  return { members, end };
}

export function paragraphMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const head of PARAGRAPH_SCAN.matches(text)) {
    const start = head.index;
    const { members, end } = paragraphMembers(text, head, start, start);
    let extentEnd = end;
    let resolution: ResolutionMember | null = null;
    // "paragraph 8(d) of resolution 1718 (2006)"
    const of = execAt(OF, text, end);
    if (of) {
      const designation = execAt(RESOLUTION_AT, text, end + of[0].length);
      if (designation) {
        const designationStart = end + of[0].length;
        resolution = { start: designationStart, end: designationStart + designation[0].length, number: Number(designation.groups?.number), ...yearOf(designation, designationStart) };
        extentEnd = resolution.end;
      } else if (/^\s*of\s+(?:the\s+)?(?:Article|Art\.)/u.test(text.slice(end, end + 40))) {
        // "paragraph 2 of Article 16": a paragraph of an article, not of a resolution.
        continue;
      } else if (execAt(OTHER_BODY_AT, text, end + of[0].length)) {
        // "paragraph 3 of General Assembly resolution 68/262": not a Security Council paragraph.
        continue;
      }
    }
    mentions.push({
      type: 'paragraphs',
      extent: { start, end: extentEnd },
      keyword: head.groups?.keyword ?? '',
      members,
      resolution,
      single: members.length === 1 && resolution ? { start, end: extentEnd } : null,
    });
  }
  return mentions;
}

/** The prefix of an external id for a body as written ("General Assembly" → "ga"). */
function bodyPrefix(body: string): string {
  const compact = body.replace(/[\s\u00a0.]+/g, ' ').trim();
  if (/Human Rights Council|^HRC$/u.test(compact)) return 'hrc';
  if (/ECOSOC|Economic and Social Council/u.test(compact)) return 'ecosoc';
  if (/IAEA|Board of Governors/u.test(compact)) return 'iaea';
  return 'ga';
}

/** "68/262" → "68-262", "ES-11/1" → "es-11-1". */
function numberSlug(number: string): string {
  return number.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * Resolutions of other bodies, as external references: "General Assembly resolution 3314 (XXIX)"
 * (`ga-res-3314`), "A/RES/68/262" (`ga-res-68-262`), "Human Rights Council resolution 55/1"
 * (`hrc-res-55-1`), "resolution ES-11/1" (`ga-res-es-11-1`).
 */
/**
 * What every other body's resolution contains ("resolution", "Resolution", "Res.", "A/RES/",
 * "A/HRC/RES/"): a chunk without any has none. Plain searches; the expression
 * /[Rr]esolution|A\/(?:HRC\/)?RES\// tried every "A", "R" and "r" of the chunk (about 9 ms
 * over the 1 MB draft), and it left out "Res.", so "GA Res. 68/262" went unrecognized in a
 * chunk that did not also say "resolution".
 */
function mayNameOtherResolution(text: string): boolean {
  return text.includes('esolution') || text.includes('RES/') || text.includes('Res.');
}

export function otherBodyMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  if (!mayNameOtherResolution(text)) return mentions;
  for (const match of text.matchAll(OTHER_BODY_RESOLUTION)) {
    const groups = match.groups ?? {};
    let prefix = 'ga';
    let number: string;
    if (groups.body) {
      prefix = bodyPrefix(groups.body);
      number = groups.number ?? '';
    } else if (groups.symbol) {
      prefix = groups.hrc ? 'hrc' : 'ga';
      number = groups.symbolNumber ?? '';
    } else {
      number = (groups.plain ?? '').replace(/\s*\(.*$/su, '');
    }
    const span = { start: match.index, end: match.index + match[0].length };
    const external: ExternalName = { slug: `${prefix}-res-${numberSlug(number)}`, name: match[0].replace(/[\s\u00a0]+/g, ' '), kind: 'resolution' };
    mentions.push({ type: 'external', extent: span, span, external });
  }
  return mentions;
}
