import { joinNames, provisionName, provisionsNamed, titled } from '../provision-labels';
import { languageName, primaryLanguage, renderingsOf } from '../renderings';
import type { QuotationCheck } from '../quotations/check';
import type { RawFinding, RuleDefinition } from './types';

/**
 * A quotation that no rendering of the provision its sentence refers to holds (see
 * quotations/check.ts for what counts): "Article 4 … promises "other assistance by all of
 * one's means"" when no text of Article 4 reads so. Reported with the closest passage and its
 * source, and a fix that puts the passage in when it is close; a quotation found in another
 * provision of the instrument is reported with where it is.
 */
export const misquote: RuleDefinition = {
  code: 'misquote',
  defaultSeverity: 'warning',
  scope: 'chunk',
  summary: 'A quotation from a provision that no text of it Lexicite holds contains ("other assistance by all of one\'s means" for Article 4 of the 2024 treaty); the closest passage is shown, and put in by a quick fix when it is close.',
  check(context) {
    const findings: RawFinding[] = [];
    for (const check of context.quotations()) {
      if (check.status === 'found') continue;
      findings.push({ start: check.start, end: check.end, message: messageFor(check), fixes: () => fixesFor(check) });
    }
    return findings;
  },
};

function messageFor(check: QuotationCheck): string {
  const named = provisionsNamed(check.provisions);
  if (check.status === 'elsewhere') {
    const where = check.foundIn.map(({ provision }) => provisionName(provision));
    const targets = check.provisions.map(({ provision }) => provisionName(provision));
    return `This quotation is found in ${joinNames(where)}, not ${joinNames(targets)}, of ${check.foundIn[0] ? titled(check.foundIn[0].instrument) : 'the instrument'}.`;
  }
  if (check.status === 'out-of-order') return `Every part of this quotation is in ${named}, but not in this order in any one text of it: check the ellipses.`;
  const closest = check.closest;
  const passage = closest ? ` The closest passage is "${oneLine(closest.text)}" (${provisionName(closest.provision)}, ${closest.rendering.label}).` : '';
  return `No text of ${named} that Lexicite holds contains this quotation.${passage}${closest ? translationsOnly(check, closest.rendering.lang) : ''}`;
}

/**
 * When every text Lexicite holds in the quotation's language is a translation, the quotation
 * may follow another translation: say so, so that the writer can check it against theirs.
 */
function translationsOnly(check: QuotationCheck, lang: string): string {
  const same = check.provisions.flatMap(({ provision }) => renderingsOf(provision)).filter((rendering) => primaryLanguage(rendering.lang) === primaryLanguage(lang));
  if (same.length === 0 || same.some((rendering) => rendering.translation === null)) return '';
  return ` Lexicite holds ${same.length === 1 ? 'one text' : `${same.length} texts`} of it in ${languageName(lang)}, all translations: if you quote another translation, name it and cite it.`;
}

function fixesFor(check: QuotationCheck) {
  const closest = check.closest;
  if (check.status !== 'misquote' || !closest?.close) return [];
  return [
    {
      title: `Quote ${provisionName(closest.provision)} as written: "${shortened(oneLine(closest.text))}"`,
      edits: [{ start: closest.replaceStart, end: closest.replaceEnd, newText: oneLine(closest.text) }],
    },
  ];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shortened(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, text.lastIndexOf(' ', 77) > 40 ? text.lastIndexOf(' ', 77) : 77)} …`;
}
