import { COMMA_PARAGRAPH, OF, PARAGRAPH_HEAD, PARAGRAPH_NEXT, RESOLUTION_HEAD, RESOLUTION_NEXT } from './patterns';
import { execAt, RANGE_ONLY, yearOf, type Mention, type NumberedMember, type ResolutionMember } from './mentions';

/** Security Council resolutions and their operative paragraphs: pass 1. */

const RESOLUTION_AT = new RegExp(RESOLUTION_HEAD.source, 'yiu');

export function resolutionMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const head of text.matchAll(RESOLUTION_HEAD)) {
    const start = head.index;
    let end = start + head[0].length;
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
  for (const head of text.matchAll(PARAGRAPH_HEAD)) {
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
