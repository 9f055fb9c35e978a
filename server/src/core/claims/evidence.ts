/**
 * The evidence that a sentence states a specific, checkable fact, and the evidence against.
 * Each kind is a pattern with a weight; the detector (detector.ts) adds them up. The weights
 * were set by hand, one kind at a time, and checked against the labelled set in tests/claims
 * (see the README section `uncited-claim`); every pattern is linear (no nested quantifiers
 * over the same characters).
 */

import { isAsciiDigit, isAsciiLowerLetter } from '../characters';
import { isWhiteSpace } from '../whitespace';

export interface Evidence {
  /** How the message names it: "a date", "an event". */
  what: string;
  weight: number;
  /** Offset in the sentence and the matched text. */
  index: number;
  text: string;
}

interface Kind {
  what: string;
  weight: number;
  /** The pattern, or, where a pattern of many alternatives would be slow, a search over the sentence's words. */
  pattern: RegExp | ((text: SentenceText) => { index: number; text: string } | null);
  /**
   * Words (lower case) of which the sentence must hold one for the pattern to be tried: a set
   * look-up is much cheaper than a pattern of many alternatives. `#digit`, `#quote`,
   * `#question` and `#comma2` stand for a digit, a double quotation mark, a question mark and
   * two commas. No gate: the pattern is always tried (those anchored at the start are cheap).
   * Where a phrase has a rarer word than its first, the gate names that one ("set" for "is set
   * to", "clear" for "it is not clear"): every match must still hold a word of the list.
   * tests/unit/claims.test.ts checks that the gates change no result.
   */
  requires?: readonly string[];
}

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const NUMBER_WORD = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a\s+dozen|dozens|hundreds|thousands|tens\s+of\s+thousands|millions)`;

/** Capitalised words that start a sentence without naming anyone ("That said", "As noted", "This shows", a month). */
const NOT_NAME_WORDS: readonly string[] = [
  'That', 'This', 'These', 'Those', 'It', 'What', 'As', 'So', 'Having', 'Needless', 'Put', 'Said', 'Which', 'When',
  'If', 'Where', 'Who', 'How', 'Why', 'All', 'Such', 'Here', 'There', 'Then', 'Thus', 'Hence', 'One', 'We', 'I',
  'You', 'They', 'He', 'She', 'Some', 'Many', 'Most', 'Several', 'Other', 'Others', 'Jan', 'Feb', 'Mar', 'Apr',
  'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday',
  'Friday', 'Saturday', 'Sunday',
];

/** A capitalised word that can be a named subject (not one of NOT_NAME_WORDS). */
const NAMED = String.raw`(?=[A-Z])(?!(?:${NOT_NAME_WORDS.join('|')})\b)[A-Z][\w'’.-]*`;

/** A name of several words: "International Court of Justice", "Ministry of Foreign Affairs of the Republic of Korea". */
const NAME_RUN = String.raw`${NAMED}(?:\s+(?:(?:of|for|on|and|de|the)\s+){0,2}[A-Z][\w'’.-]*){0,6}`;



/** Reporting verbs: someone said or found something. */
const REPORTING_PHRASES: readonly string[] = [
  'urged', 'called on', 'called for', 'held', 'ruled', 'decided', 'reaffirmed', 'reiterated', 'demanded',
  'determined', 'affirmed', 'recognised', 'recognized', 'underscored', 'deplored', 'said', 'says', 'told', 'tells',
  'reported', 'reports', 'announced', 'announces', 'stated', 'states', 'declared', 'confirmed', 'confirms',
  'acknowledged', 'acknowledges', 'admitted', 'testified', 'disclosed', 'revealed', 'found', 'finds', 'concluded',
  'documented', 'estimated', 'estimates', 'noted', 'notes', 'observed', 'wrote', 'writes', 'claimed', 'claims',
  'denied', 'denies', 'insisted', 'warned', 'added', 'recalled', 'argued', 'assured', 'quoted', 'showed', 'shows',
  'indicated', 'indicates', 'briefed', 'informed', 'alleged', 'accused', 'described', 'dismissed', 'rejected',
  'condemned', 'welcomed', 'praised', 'thanked', 'stressed', 'emphasized', 'emphasised', 'underlined', 'explained',
  'cited',
];
/** The same, as an alternation for patterns. */
const REPORTING = `(?:${REPORTING_PHRASES.map((phrase) => phrase.replace(/ /g, String.raw`\s+`)).join('|')})`;

/** Verbs of acts and events, past tense: what happened, done by someone. */
const EVENT_PHRASES: readonly string[] = [
  'failed',
  'invited', 'promised', 'vowed', 'threatened', 'ordered', 'authorised', 'authorized', 'dispatched', 'provided', 'discussed', 'negotiated', 'offered', 'granted', 'corroborated', 'resigned', 'died', 'won', 'lost', 'fled', 'defected', 'intercepted', 'shot down', 'put in charge',
  'signed', 'ratified', 'launched', 'fired', 'tested', 'deployed', 'delivered', 'shipped', 'transferred', 'visited',
  'met', 'attacked', 'seized', 'sanctioned', 'designated', 'detained', 'arrested', 'executed', 'exported',
  'imported', 'supplied', 'sent', 'arrived', 'departed', 'hosted', 'convened', 'held', 'voted', 'vetoed', 'adopted',
  'abstained', 'approved', 'rejected', 'blocked', 'expelled', 'killed', 'captured', 'crossed', 'docked', 'moored',
  'loaded', 'unloaded', 'received', 'purchased', 'bought', 'sold', 'paid', 'struck', 'completed', 'opened', 'closed',
  'issued', 'published', 'released', 'imposed', 'lifted', 'froze', 'extended', 'renewed', 'established', 'created',
  'appointed', 'dismissed', 'elected', 'returned', 'travelled', 'traveled', 'flew', 'landed', 'sailed', 'entered',
  'began', 'ended', 'replaced', 'joined', 'pledged', 'agreed', 'accepted', 'drafted', 'presented', 'circulated',
  'summoned', 'protested', 'condemned', 'cast', 'lapsed', 'expired', 'entered into force', 'took effect',
  'paid tribute', 'touched down', 'handed over', 'applied', 'gave', 'took', 'made', 'came', 'went', 'brought',
  'suspended', 'withdrew', 'announced', 'laid a wreath', 'inspected', 'investigated', 'geolocated', 'identified',
  'recovered', 'obtained', 'documented', 'recorded', 'tracked', 'observed', 'photographed', 'stood', 'sat down',
  'thanked', 'praised', 'welcomed', 'addressed', 'briefed', 'attended', 'hosted', 'toured', 'inaugurated',
  'unveiled', 'staged', 'conducted', 'carried out', 'switched off', 'reappeared', 'disappeared', 'failed to adopt',
  'tripled', 'doubled', 'halved', 'rose', 'fell', 'grew', 'climbed', 'surged', 'dropped', 'declined', 'totalled',
  'totaled', 'reached', 'exceeded', 'amounted', 'co-chair', 'co-chairs',
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'single', 'one'];

/** The verbs of "The vessel docked …" (an unnamed subject after "the"), also the words that gate that pattern. */
const THE_SUBJECT_VERBS: readonly string[] = [
  'changed', 'used', 'moved', 'carried', 'switched', 'sailed', 'docked', 'loaded', 'unloaded', 'transferred', 'shipped', 'delivered', 'received', 'sent',
  'paid', 'bought', 'sold', 'crossed', 'entered', 'reached', 'arrived', 'departed', 'returned', 'collapsed', 'ended', 'began', 'expired', 'lapsed', 'met',
  'voted', 'rejected', 'approved', 'adopted', 'launched', 'fired', 'struck', 'hit', 'killed', 'seized', 'detained', 'arrested', 'opened', 'closed',
  'suspended', 'resumed', 'tripled', 'doubled', 'halved', 'rose', 'fell', 'grew', 'declined', 'increased', 'decreased',
];

/** The kinds of evidence for a claim; ATTRIBUTIONS (looked for first, see detector.ts) are among them. */
export const FOR: Kind[] = [
  // Time anchors: absolute, partial and relative dates.
  { what: 'a date', weight: 2, pattern: new RegExp(String.raw`\b(?:\d{1,2}\s+${MONTH}(?:,?\s+\d{4})?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|${MONTH}\s+\d{4})\b`, 'u'), requires: MONTHS },
  { what: 'a date', weight: 2, pattern: /\b\d{4}-\d{2}-\d{2}\b/, requires: ['#digit'] },
  { what: 'a date', weight: 2, pattern: new RegExp(String.raw`\b(?:on|last|this|next|since|by|until|from)\s+${WEEKDAY}\b|\b${WEEKDAY}(?:'s)?\s+(?:morning|afternoon|evening|night)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`, 'u'), requires: WEEKDAYS },
  {
    what: 'a date',
    weight: 2,
    pattern: new RegExp(
      String.raw`\b(?:yesterday|today|tonight|tomorrow(?:\s+(?:morning|afternoon|evening))?|last\s+(?:week|month|year|spring|summer|autumn|fall|winter|night|weekend)|earlier\s+(?:this|that|in\s+the)\s+(?:week|month|year|day)|later\s+that\s+(?:week|month|year|day)|the\s+(?:day|week|month|night)\s+(?:before|after)|(?:${NUMBER_WORD}|\d+|a\s+few|several)\s+(?:days|weeks|months|hours|years)\s+(?:later|earlier|after|before)|hours\s+later|days\s+later|the\s+same\s+day|that\s+(?:morning|afternoon|evening|night|day|week)|in\s+(?:early|mid|late)[\s-]+${MONTH.replace(/\\\./g, '.')}|(?:in|since|during|by|until|from|through|between)\s+(?:early\s+|late\s+|mid-?)?${MONTH}|as\s+of\s+(?:early\s+|late\s+)?${MONTH})\b`,
      'iu',
    ),
    requires: [...MONTHS, 'yesterday', 'today', 'tonight', 'tomorrow', 'last', 'earlier', 'later', 'hours', 'days', 'weeks', 'months', 'years', 'same', 'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'month'],
  },
  { what: 'a year', weight: 1, pattern: (text) => yearIn(text), requires: ['#year'] },
  // Quantities.
  { what: 'a number', weight: 1.5, pattern: (text) => quantityIn(text), requires: ['#digit'] },
  { what: 'a number', weight: 1.5, pattern: /\b(?:hundreds|thousands|tens\s+of\s+thousands|millions|billions)\s+(?:\([^)]{0,30}\)\s+)?of\b|\bhalf\s+a\s+(?:million|billion)\b/iu, requires: ['hundreds', 'thousands', 'millions', 'billions', 'half'] },
  { what: 'a number', weight: 1, pattern: new RegExp(String.raw`\b(?:(?:at\s+least|more\s+than|some|about|nearly|almost|over)\s+)?(?:${NUMBER_WORD}|a\s+single)\s+(?:[a-z-]+\s+){0,2}[a-z]+s\b|\b(?:one|a\s+single)\s+(?:votes?|abstention|vessel|ship|tanker|firm|company|entity|individual|visit|launch|delegation|member)\b`, 'iu'), requires: NUMBER_WORDS },
  // Registration, ownership and listing, stated as facts: "The vessel is registered in Sierra Leone".
  { what: 'a registration or listing', weight: 1.5, pattern: /\b(?:is|are|was|were|has\s+been|had\s+been)\s+(?:registered|flagged|owned|operated|managed|based|headquartered|incorporated|listed|designated|sanctioned|chartered|insured)\s+(?:in|by|as|under|at|to|for)\b/iu, requires: ['registered', 'flagged', 'owned', 'operated', 'managed', 'based', 'headquartered', 'incorporated', 'listed', 'designated', 'sanctioned', 'chartered', 'insured'] },
  // Quotations of someone's words.
  { what: 'a direct quotation', weight: 1.5, pattern: /[“"](?:[^”"\s]+\s+){2,60}[^”"\s][^”"\n]{0,400}[”"]/u, requires: ['#quote'] },
  // Attribution to a named source: "Russia's Defence Ministry said", "the Panel of Experts found", "state media reported", "according to the statement".
  { what: 'an attribution to a named source', weight: 2, pattern: (text) => namedAttributionIn(text), requires: [...REPORTING_PHRASES.map((phrase) => phrase.split(' ')[0] as string), 'according'] },
  // "Tass quoted Ushakov as saying", "was quoted as saying".
  { what: 'an attribution to a named source', weight: 2, pattern: /\bquoted\b[^.;]{0,80}?\bas\s+(?:saying|telling)\b/iu, requires: ['saying', 'telling'] },
  // After a quotation, the verb before the name: ""…," warned Miroslav Jen\u010da", ", said Peskov".
  { what: 'an attribution to a named source', weight: 2, pattern: /[,\u201d"]\s*(?:said|says|told|added|warned|stressed|noted|insisted|explained|wrote|recalled|argued|declared|announced|replied|asked)\s+(?:the\s+)?[A-Z][\w'\u2019.-]*/u, requires: ['said', 'says', 'told', 'added', 'warned', 'stressed', 'noted', 'insisted', 'explained', 'wrote', 'recalled', 'argued', 'declared', 'announced', 'replied', 'asked'] },
  // A named person with a description between commas, then what they said or did: "Kim Yo Jong, the leader's sister, said …".
  { what: 'an attribution to a named source', weight: 2, pattern: new RegExp(String.raw`\b${NAME_RUN},\s+[^,;:.!?]{2,90},\s+(?:also\s+|later\s+|has\s+|had\s+)?(?:\w+ly\s+)?(?:${REPORTING}|[a-z]+ed)\b`, 'u'), requires: ['#comma2'] },
  { what: 'an attribution to a named source', weight: 1.5, pattern: /\b(?:in|during)\s+an?\s+(?:statement|speech|interview|letter|press\s+conference|briefing|post|message|readout|address|communiqu[eé]|televised\s+(?:address|briefing))\b/iu, requires: ['statement', 'speech', 'interview', 'letter', 'conference', 'briefing', 'post', 'message', 'readout', 'address', 'communique', 'communiqué', 'televised'] },
  // Acts and events told in the past tense (or the present perfect) by an actor.
  { what: 'an event', weight: 1.5, pattern: (text) => eventIn(text), requires: EVENT_PHRASES.map((phrase) => phrase.split(/[\s-]/)[0] as string) },
  // A named subject at the start of the sentence, then a verb in the past tense: "The ICJ applied …", "Pyongyang first gave notice …".
  { what: 'an event', weight: 1, pattern: new RegExp(String.raw`^\s*(?:(?:In|On|At|By|After|Before|During)\s+[^,]{1,60}?,?\s+)?(?:[Tt]he\s+)?${NAME_RUN}\s+(?:\w+ly\s+|first\s+|also\s+|then\s+|later\s+)?(?:[a-z]+ed|gave|took|made|came|went|sent|met|left|held|told|said|saw|flew|began|brought|sold|paid|struck|stood|wrote|won|lost|fell|rose|ran|led|kept|put|set|cast|spent|sat|shot|hit|became|chose|drew|drove|fought|froze|got|grew|knew|laid|meant|sought|spoke|swore|taught|threw|withdrew|upheld)\b`, 'u') },
  // The same with a name of several words or after "the" ("the International Court of Justice measured"): a name for certain.
  { what: 'an event', weight: 0.5, pattern: new RegExp(String.raw`^\s*(?:(?:In|On|At|By|After|Before|During)\s+[^,]{1,60}?,?\s+)?(?:[Tt]he\s+${NAME_RUN}|${NAMED}(?:\s+(?:(?:of|for|on|and|de|the)\s+){0,2}[A-Z][\w'’.-]*){1,6})\s+(?:\w+ly\s+|first\s+|also\s+|then\s+|later\s+)?[a-z]+ed\b`, 'u') },
  { what: 'an event', weight: 1, pattern: new RegExp(String.raw`^\s*(?:(?:In|On|At|By|After|Before|During)\s+[^,]{1,60},\s+)?[Tt]he\s+(?:[a-z-]+\s+){0,2}[a-z]+\s+(?:\w+ly\s+)?(?:${THE_SUBJECT_VERBS.join('|')})\b`, 'u'), requires: THE_SUBJECT_VERBS },
  // An official's act or words after an honorific or a title.
  { what: "an official's act or words", weight: 1.5, pattern: /\b(?:Mr|Ms|Mrs|Dr|General|Gen\.|Admiral|Marshal|President|Premier|Chairman|Minister|Ambassador|Secretary|Spokesman|Spokeswoman)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+(?:\w+ly\s+)?[a-z]+ed\b/u, requires: ['mr', 'ms', 'mrs', 'dr', 'general', 'gen', 'admiral', 'marshal', 'president', 'premier', 'chairman', 'minister', 'ambassador', 'secretary', 'spokesman', 'spokeswoman'] },
];

/** Evidence that a sentence is opinion, a forecast, a recommendation, a question or about the document itself. */
export const AGAINST: Kind[] = [
  { what: 'a question', weight: 5, pattern: /\?["'”’)\]]*\s*$/u, requires: ['#question'] },
  {
    what: 'a remark about the document',
    weight: 5,
    pattern:
      /\b(?:this|the\s+present|our|the\s+following|the\s+next|the\s+previous|the\s+last)\s+(?:paper|report|brief|briefing|article|chapter|section|part|note|memo|post|analysis|study|commentary|essay|piece|annex|table|figure)\s+(?:examines|considers|discusses|argues|sets\s+out|describes|reviews|explores|looks|turns|addresses|outlines|summari[sz]es|assesses|offers|proceeds|concludes|is\s+organi[sz]ed)/iu,
    requires: ['examines', 'considers', 'discusses', 'argues', 'describes', 'reviews', 'explores', 'looks', 'turns', 'addresses', 'outlines', 'summarises', 'summarizes', 'assesses', 'offers', 'proceeds', 'concludes', 'organised', 'organized', 'sets'],
  },
  { what: 'a remark about the document', weight: 5, pattern: /\b(?:is|are)\s+(?:provided|set\s+out|given|discussed|summari[sz]ed|listed|shown|described)\s+(?:below|above|in\s+(?:annex|section|part|chapter|table|figure)\b)/iu, requires: ['below', 'above', 'annex', 'section', 'part', 'chapter', 'table', 'figure'] },
  { what: 'a remark about the document', weight: 5, pattern: /\bwe\s+(?:return|turn|conclude|begin|argue|examine|consider|discuss|focus|set\s+out|propose|suggest|recommend|assess)\b|\bI\s+(?:return|turn|argue|conclude|begin|examine|consider|suggest)\b/iu, requires: ['we', 'i'] },
  { what: 'a remark about the document', weight: 5, pattern: /\b(?:the\s+(?:analysis|discussion|section|argument)\s+that\s+follows|in\s+what\s+follows|what\s+follows\s+(?:is|are)|(?:is|are)\s+(?:best\s+)?left\s+for\s+(?:another|a\s+later)\s+(?:day|time|paper|occasion))|\b(?:sets?\s+out|examines|discusses)\s+(?:the|how|why|what)\b[^.]*\b(?:below|above)\b/iu, requires: ['follows', 'left', 'below', 'above'] },
  { what: 'a remark about the document', weight: 5, pattern: /\b(?:see|cf\.)\s+(?:also\s+)?(?:our|the\s+(?:section|annex|appendix|box|table|figure|note)|section|annex|appendix|below|above)\b|\bfor\s+more\s+(?:information|detail|details|on\s+this)\b/iu, requires: ['see', 'cf', 'more'] },
  { what: 'a remark about the document', weight: 5, pattern: /^\s*(?:Section|Part|Chapter|Annex)\s+[\dIVX]+\s+(?:sets|examines|discusses|describes|considers|turns|reviews|outlines)\b/u, requires: ['section', 'part', 'chapter', 'annex'] },
  { what: 'a remark about the document', weight: 2, pattern: /\b(?:in|of)\s+this\s+(?:guest\s+)?(?:section|chapter|paper|report|brief|note|part|annex|memo|post|article|study|column|op-ed|blog|newsletter|issue|edition|piece)\b|\bas\s+(?:noted|discussed|explained|shown|argued|mentioned|set\s+out)\s+(?:above|below|earlier|before|in\s+(?:section|part|chapter))/iu, requires: ['this', 'noted', 'discussed', 'explained', 'shown', 'argued', 'mentioned', 'set'] },
  { what: 'a generalisation', weight: 1, pattern: /^\s*(?:[A-Za-z-]+\s+){1,4}(?:is|are)\s+(?:a|an|the\s+(?:most|least|best|worst))\s+/u, requires: ['is', 'are'] },
  { what: 'a hedge', weight: 2, pattern: /\bmay\b(?!\s+\d)|\b(?:[Mm]ight|[Cc]ould|[Ww]ould|[Pp]erhaps|[Pp]ossibly|[Pp]robably|[Aa]rguably|[Pp]resumably|[Ll]ikely|[Uu]nlikely|[Ss]eems?|[Ss]eemed|[Aa]ppears?\s+to|[Ii]t\s+remains\s+to\s+be\s+seen|[Rr]emains\s+(?:unclear|uncertain|to\s+be)|[Ii]t\s+is\s+(?:unclear|not\s+clear|hard|difficult|easy|tempting)|[Ww]hether)\b/u, requires: ['may', 'might', 'could', 'would', 'perhaps', 'possibly', 'probably', 'arguably', 'presumably', 'likely', 'unlikely', 'seem', 'seems', 'seemed', 'appear', 'appears', 'remains', 'unclear', 'clear', 'hard', 'difficult', 'easy', 'tempting', 'whether'] },
  { what: 'a forecast', weight: 2, pattern: /\b(?:will|shall|won't|is\s+(?:set|expected|poised|bound)\s+to|are\s+(?:set|expected|poised|bound)\s+to|going\s+to|expect)\b/iu, requires: ['will', 'shall', 'won', 'set', 'expected', 'poised', 'bound', 'going', 'expect'] },
  { what: 'a recommendation', weight: 3, pattern: /\b(?:should|must|ought\s+to|need(?:s)?\s+to|call\s+on|calls\s+on|urges?\b|it\s+is\s+(?:essential|imperative|vital|crucial|important|time)|let\s+us|we\s+stand\s+ready)\b/iu, requires: ['should', 'must', 'ought', 'need', 'needs', 'call', 'calls', 'urge', 'urges', 'essential', 'imperative', 'vital', 'crucial', 'important', 'time', 'let', 'stand'] },
  { what: 'a conditional', weight: 1.5, pattern: /^\s*(?:if|unless|were|had|should|whatever|whoever|however|whether)\b|,\s*if\b/iu, requires: ['if', 'unless', 'were', 'had', 'should', 'whatever', 'whoever', 'however', 'whether'] },
  {
    what: 'an evaluation',
    weight: 1.5,
    pattern:
      /\b(?:dangerous|troubling|worrying|alarming|remarkable|striking|significant|important|crucial|essential|clear(?:ly)?|obvious(?:ly)?|indeed|hardly|merely|only\s+as|little|much|few|nothing|instructive|imperfect|odd|unusual|irony|ironic|telling|hard\s+to|worth|matters?|precedent|theatre|theater|symbolism|optics|transactional|durable|fragile|in\s+short|in\s+other\s+words|put\s+(?:differently|bluntly|simply)|said\s+differently|that\s+said|needless\s+to\s+say|to\s+be\s+sure|of\s+course|on\s+this\s+reading|seen\s+this\s+way|for\s+present\s+purposes|the\s+question\s+is|the\s+point\s+is)\b/iu,
    requires: ['dangerous', 'troubling', 'worrying', 'alarming', 'remarkable', 'striking', 'significant', 'important', 'crucial', 'essential', 'clear', 'clearly', 'obvious', 'obviously', 'indeed', 'hardly', 'merely', 'only', 'little', 'much', 'few', 'nothing', 'instructive', 'imperfect', 'odd', 'unusual', 'irony', 'ironic', 'telling', 'hard', 'worth', 'matter', 'matters', 'precedent', 'theatre', 'theater', 'symbolism', 'optics', 'transactional', 'durable', 'fragile', 'short', 'words', 'differently', 'bluntly', 'simply', 'needless', 'sure', 'course', 'reading', 'seen', 'purposes', 'question', 'point', 'said'],
  },
];

/**
 * Which patterns of a list a sentence may match, from its words: each word some pattern asks
 * for maps to a bit per pattern, and a sentence's mask is the OR of its words' bits (a look-up
 * per word, instead of one per word a pattern asks for).
 */
export class Gate {
  private readonly bits = new Map<string, number>();
  private readonly always: number;

  constructor(lists: ReadonlyArray<readonly string[] | undefined>) {
    if (lists.length > 31) throw new Error('a gate holds at most 31 patterns');
    let always = 0;
    lists.forEach((list, index) => {
      if (!list) always |= 1 << index;
      for (const word of list ?? []) {
        this.bits.set(word, (this.bits.get(word) ?? 0) | (1 << index));
        if (!GATE_WORDS.has(word)) {
          GATE_WORDS.add(word);
          gateWordsVersion++;
        }
      }
    });
    this.always = always;
  }

  /** The patterns (bit `index` set: pattern `index`) that `text` may match. */
  mask(text: SentenceText): number {
    let mask = this.always;
    for (const word of gateWordsOf(text)) mask |= this.bits.get(word) ?? 0;
    for (const mark of text.marks) mask |= this.bits.get(mark) ?? 0;
    return mask;
  }
}

/**
 * Every word some gate asks for; each gate adds its own when it is made. A sentence's words are
 * sifted through it once (`gateWordsOf`), and each of the four gates a sentence meets (vague
 * attribution, attribution, against, other evidence) then reads only those: four look-ups per
 * word of every sentence were about a seventh of the detector's time.
 */
const GATE_WORDS = new Set<string>();
/** Counts the words added to GATE_WORDS: a sentence sifted before a gate was made is sifted again. */
let gateWordsVersion = 0;

function gateWordsOf(text: SentenceText): readonly string[] {
  if (text.gateWordsVersion !== gateWordsVersion) {
    const words: string[] = [];
    for (const token of text.tokens) if (GATE_WORDS.has(token.word)) words.push(token.word);
    text.gateWords = words;
    text.gateWordsVersion = gateWordsVersion;
  }
  return text.gateWords;
}

export interface Token {
  /** Lower case letters. */
  word: string;
  start: number;
  end: number;
}

/** A sentence read once for all the kinds: its words, and those some gate asks for. */
export interface SentenceText {
  body: string;
  lower: string;
  tokens: Token[];
  /** `#digit`, `#quote`, `#question`, `#comma2`, `#year`: what the sentence holds of them (see Kind.requires). */
  marks: string[];
  /** Whether the gates are used (tests compare with `false`: every pattern tried). */
  gated: boolean;
  /** Its words that some gate asks for, as of `gateWordsVersion` (see `gateWordsOf`). */
  gateWords: string[];
  gateWordsVersion: number;
}

/** Reads a sentence: one pass over its characters. `gated: false` tries every pattern (the tests compare both). */
export function readSentence(body: string, gated = true): SentenceText {
  const lower = body.toLowerCase();
  const tokens: Token[] = [];
  let start = -1;
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 0;
    const letter = code >= 97 && code <= 122;
    if (letter && start < 0) start = index;
    else if (!letter && start >= 0) {
      tokens.push({ word: lower.slice(start, index), start, end: index });
      start = -1;
    }
  }
  const marks: string[] = [];
  if (/\d/.test(body)) marks.push('#digit');
  if (/(?:19|20)\d\d/.test(body)) marks.push('#year');
  if (/["\u201c\u201d]/.test(body)) marks.push('#quote');
  if (body.includes('?')) marks.push('#question');
  if (body.indexOf(',') !== body.lastIndexOf(',')) marks.push('#comma2');
  return { body, lower, tokens, marks, gated, gateWords: [], gateWordsVersion: -1 };
}

/** Phrases ("paid tribute", "entered into force") by their first word: the rest, as a sticky pattern (or null for one word). */
function phrasesByFirstWord(phrases: readonly string[]): Map<string, Array<RegExp | null>> {
  const byFirst = new Map<string, Array<RegExp | null>>();
  for (const phrase of phrases) {
    const [first, ...rest] = phrase.split(/(?=[\s-])/u);
    const list = byFirst.get(first as string) ?? [];
    list.push(rest.length === 0 ? null : new RegExp(`${rest.join('').replace(/\s+/g, '\\s+')}\\b`, 'y'));
    byFirst.set(first as string, list);
  }
  return byFirst;
}

/** The first phrase of `byFirst` in the sentence from word `from` on, as [first token index, end offset]. */
function firstPhrase(text: SentenceText, byFirst: Map<string, Array<RegExp | null>>, from = 0): [number, number] | null {
  for (let index = from; index < text.tokens.length; index++) {
    const token = text.tokens[index] as Token;
    const rests = byFirst.get(token.word);
    if (!rests) continue;
    for (const rest of rests) {
      if (rest === null) return [index, token.end];
      rest.lastIndex = token.end;
      if (rest.test(text.lower)) return [index, rest.lastIndex];
    }
  }
  return null;
}

/** A year after a preposition ("in 2019", "since early 2023") or a range of years ("2017 to 2019", "between 2006 and 2017"). */
function yearIn(text: SentenceText): { index: number; text: string } | null {
  const lower = text.lower;
  for (const year of lower.matchAll(/\b(?:19|20)\d\d\b/g)) {
    const start = year.index;
    const before = /\b(?:in|since|during|by|until|from|through|between|before|after|of)\s+(?:early\s+|late\s+|mid-?)?$/.exec(lower.slice(Math.max(0, start - 20), start));
    if (before) return { index: start - before[0].length, text: text.body.slice(start - before[0].length, start + 4) };
    const range = /^\s+(?:and|to|-|\u2013)\s+(?:19|20)?\d\d\b/.exec(lower.slice(start + 4, start + 16));
    if (range) return { index: start, text: text.body.slice(start, start + 4 + range[0].length) };
  }
  return null;
}

/** Units and counted things after a number: "11,000 troops", "35 percent", "152-mm". */
const UNITS = new Set(
  'million billion trillion thousand bn tonne tonnes ton tons barrel barrels dollar dollars euro euros won rouble roubles ruble rubles troops soldiers workers labourers laborers missile missiles shell shells round rounds rocket rockets container containers ship ships vessel vessels tanker tankers people persons kilometre kilometres kilometer kilometers km mile miles kilogram kilograms kg mm metre metres meter meters unit units vote votes countries states members delegations cases investigations attacks cyberattacks launches days hours minutes weeks months years times trainloads wagons flights visits components entities individuals firms companies accounts articles provisions clauses chapters annexes vehicles aircraft jets tanks artillery casualties dead killed wounded prisoners defectors sites plants pages paragraphs resolutions sanctions percent per in to against abstention abstentions'.split(' '),
);

/**
 * The first quantity: an amount of money, a percentage, a number of something, a vote count,
 * "more than 40", "about 1,500".
 *
 * The costliest kind of evidence (about 6.5 ms of the detector's 51 over the 1 MB benchmark
 * draft's sentences): most numbers of a policy draft are symbols, years and article numbers,
 * and each is looked at. Numbers and a "%" after them are read by hand (numberAt,
 * percentAfter), and each expression below runs only where its first character can match: a
 * hyphen or a space then a letter after the number, a space before it.
 */
function quantityIn(text: SentenceText): { index: number; text: string } | null {
  const lower = text.lower;
  for (let number = numberAt(lower, 0); number; number = numberAt(lower, number.end)) {
    const { start, end } = number;
    // A digit inside a word or a symbol ("S/RES/1718", "KN-23") is not a quantity.
    if (start > 0 && !number.currency && isWordOrSymbolCode(lower.charCodeAt(start - 1))) continue;
    if (number.currency) return { index: start, text: text.body.slice(start, end) };
    const percent = percentAfter(lower, end);
    if (percent >= 0) return { index: start, text: text.body.slice(start, percent + 1) };
    const after = mayBeUnit(lower, end) ? /^(?:\s+|-)(?:(?:north|south|[a-z]+(?:an|ian|ese|ish|i|ic|al))\s+(?:[a-z]+\s+)?)?([a-z]+)(?:\s+(cent|favou?r|\d+))?/.exec(lower.slice(end, end + 50)) : null;
    const unit = after?.[1];
    if (after && unit && UNITS.has(unit)) {
      // "per cent", "13 in favour", "13 to 1", "one against": the word must go with the number.
      const fits = unit === 'per' ? after[2] === 'cent' : unit === 'in' ? /^favou?r$/.test(after[2] ?? '') : unit === 'to' ? /^\d+$/.test(after[2] ?? '') : true;
      if (fits) return { index: start, text: text.body.slice(start, end + after[0].length) };
    }
    if (start > 0 && isWhiteSpace(lower.charCodeAt(start - 1)) && mayBeApproximate(lower, start) && /(?:(?:more|fewer|less)\s+than|about|around|roughly|nearly|almost|some|at\s+least|up\s+to|as\s+many\s+as)\s+$/.test(lower.slice(Math.max(0, start - 16), start))) return { index: start, text: text.body.slice(start, end) };
  }
  return null;
}

/**
 * The first number in `lower` from `from` on, with the currency sign before it if there is
 * one: what `/([$\u20ac\u00a3\u00a5\u20a9]\s?)?\d[\d,.]*\/gu` finds, read by hand. That
 * expression's search for the next digit was most of quantityIn's time (11,121 numbers in the
 * 1 MB benchmark draft; with this, 6.5 -> 5.1 ms warm over its sentences with digits). The
 * next digit or sign is found by a native search (NUMBER_START) rather than a loop of ours
 * (the detector as the benchmark measures it, after a full collection: 43.2 -> 41.4 ms);
 * tests/unit/claim-quantities.test.ts compares the two on random text.
 */
export function numberAt(lower: string, from: number): { start: number; end: number; currency: boolean } | null {
  NUMBER_START.lastIndex = from;
  while (NUMBER_START.test(lower)) {
    const at = NUMBER_START.lastIndex - 1;
    const code = lower.charCodeAt(at);
    let digit = -1;
    if (isAsciiDigit(code)) digit = at;
    else if (isCurrencyCode(code)) {
      if (isAsciiDigit(lower.charCodeAt(at + 1))) digit = at + 1;
      else if (isWhiteSpace(lower.charCodeAt(at + 1)) && isAsciiDigit(lower.charCodeAt(at + 2))) digit = at + 2;
    }
    if (digit < 0) continue;
    let end = digit + 1;
    for (let next = lower.charCodeAt(end); isAsciiDigit(next) || next === 44 || next === 46; next = lower.charCodeAt(end)) end++;
    return { start: at, end, currency: digit !== at };
  }
  return null;
}

/** A digit or a currency sign (see isCurrencyCode). */
const NUMBER_START = /[0-9$\u20ac\u00a3\u00a5\u20a9]/g;

/** Where the "%" after a number ending at `end` stands (right after it, or after one white-space character), or -1: what `/^\s?%/` finds there. */
function percentAfter(lower: string, end: number): number {
  if (lower.charCodeAt(end) === 37) return end;
  return isWhiteSpace(lower.charCodeAt(end)) && lower.charCodeAt(end + 1) === 37 ? end + 1 : -1;
}

/** $, €, £, ¥, ₩. */
function isCurrencyCode(code: number): boolean {
  return code === 0x24 || code === 0x20ac || code === 0xa3 || code === 0xa5 || code === 0x20a9;
}

/** a-z, 0-9, "/" or "_": what `[a-z0-9/_]` matches. */
function isWordOrSymbolCode(code: number): boolean {
  return isAsciiLowerLetter(code) || isAsciiDigit(code) || code === 47 || code === 95;
}

/**
 * Whether the unit expression of quantityIn can find a unit after a number ending at `end`:
 * false only where it would not match, or would find a word that is not one. After the
 * number must come a hyphen or white space, then a word (within the expression's 50
 * characters); the unit is that word unless the word can be an adjective ("5 russian ships"),
 * so a word that is neither needs no expression. Most numbers of a policy draft are followed
 * by "of", "(2016)" or a word like it.
 */
function mayBeUnit(lower: string, end: number): boolean {
  const limit = Math.min(lower.length, end + 50);
  let at = end;
  if (lower.charCodeAt(at) === 45) at++;
  else if (!isWhiteSpace(lower.charCodeAt(at))) return false;
  else while (at < limit && isWhiteSpace(lower.charCodeAt(at))) at++;
  let wordEnd = at;
  while (wordEnd < limit && isAsciiLowerLetter(lower.charCodeAt(wordEnd))) wordEnd++;
  if (wordEnd === at) return false;
  const word = lower.slice(at, wordEnd);
  return UNITS.has(word) || word === 'north' || word === 'south' || ADJECTIVE_ENDINGS.some((ending) => word.length > ending.length && word.endsWith(ending));
}

/** The endings of an adjective in quantityIn's unit expression ("ian" ends in "an"). */
const ADJECTIVE_ENDINGS = ['an', 'ese', 'ish', 'i', 'ic', 'al'];

/** The words that end the approximations before a number ("more than", "at least", "as many as"). */
const APPROXIMATION_ENDS = ['than', 'about', 'around', 'roughly', 'nearly', 'almost', 'some', 'least', 'to', 'as'];

/**
 * Whether the approximation expression of quantityIn can match before a number starting at
 * `start` (within its 16 characters): the letters before the white space there must end with
 * the last word of one of its phrases.
 */
function mayBeApproximate(lower: string, start: number): boolean {
  const from = Math.max(0, start - 16);
  let at = start;
  while (at > from && isWhiteSpace(lower.charCodeAt(at - 1))) at--;
  return APPROXIMATION_ENDS.some((word) => at - word.length >= from && lower.startsWith(word, at - word.length));
}

const EVENTS = phrasesByFirstWord(EVENT_PHRASES);
const REPORTING_VERBS = phrasesByFirstWord(REPORTING_PHRASES);

/** The first act or event in the past tense ("signed", "paid tribute", "has presented"). */
function eventIn(text: SentenceText): { index: number; text: string } | null {
  let found = firstPhrase(text, EVENTS);
  // A present passive describes, it does not tell what happened: "it is discussed at length", "are provided below".
  while (found && /\b(?:is|are|be)\s+(?:\w+ly\s+)?$/.test(text.lower.slice(Math.max(0, (text.tokens[found[0]] as Token).start - 24), (text.tokens[found[0]] as Token).start))) found = firstPhrase(text, EVENTS, found[0] + 1);
  if (!found) return null;
  const token = text.tokens[found[0]] as Token;
  // With its auxiliary: "has presented", "was adopted".
  const auxiliary = /(?:has|have|had|was|were)\s+$/.exec(text.lower.slice(Math.max(0, token.start - 6), token.start));
  const start = auxiliary ? token.start - auxiliary[0].length : token.start;
  return { index: start, text: text.body.slice(start, found[1]) };
}

/** Nouns that name a source without a capital: "state media reported", "the ministry said", "the court held". */
const SOURCE_NOUNS = new Set(
  'leader aide envoy chief commander adviser advisor counterpart chancellor premier media television agency ministry panel council committee government spokesman spokeswoman spokesperson statement report readout data imagery images records representative ambassador delegation minister president secretary office embassy court tribunal judgment ruling commentary study survey investigation letter communique declaration decree reporters correspondents journalists pool mission presidency service command military army navy commission prosecutors prosecutor police customs authorities newspaper daily outlet broadcaster department administration cabinet parliament legislature regulator operator company firm owner insurer registry kremlin transcript figures documents document'.split(' '),
);
/** Words that do not name anyone: NOT_NAME_WORDS, and articles, prepositions and conjunctions. */
const NOT_NAMES = new Set([...NOT_NAME_WORDS.map((word) => word.toLowerCase()), 'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'but', 'and', 'or']);
/** Words between a source and its verb: "the ministry has repeatedly denied". */
const BETWEEN = new Set(['also', 'later', 'previously', 'has', 'have', 'had', 'then', 'again', 'once', 'since']);

function isCapitalised(text: SentenceText, token: Token): boolean {
  const code = text.body.charCodeAt(token.start);
  return code >= 65 && code <= 90;
}

function namesASource(text: SentenceText, token: Token): boolean {
  return SOURCE_NOUNS.has(token.word) || (isCapitalised(text, token) && !NOT_NAMES.has(token.word));
}

/**
 * An attribution to a named source: a reporting verb whose subject, right before it, is a name
 * or a source noun ("Russia's Defence Ministry said", "Iran's mission to the United Nations has
 * repeatedly denied", "state media reported"), or "according to" a name or a document.
 */
function namedAttributionIn(text: SentenceText): { index: number; text: string } | null {
  const tokens = text.tokens;
  let according: { index: number; text: string } | null = null;
  for (let index = 0; index + 1 < tokens.length && !according; index++) {
    if ((tokens[index] as Token).word !== 'according' || (tokens[index + 1] as Token).word !== 'to') continue;
    let next = index + 2;
    while (next < tokens.length && ['the', 'a', 'an'].includes((tokens[next] as Token).word)) next++;
    const source = tokens[next];
    if (source && namesASource(text, source)) according = { index: (tokens[index] as Token).start, text: text.body.slice((tokens[index] as Token).start, source.end) };
  }
  const verb = reportingVerbIn(text);
  // The first of the two: what a source says comes after it.
  return verb && (!according || verb.index < according.index) ? verb : according;
}

/** Verbs that are also plural nouns ("the United States", "Member States", "reports"): a verb only before "that", a colon or a quotation. */
const NOUN_LIKE_VERBS = new Set(['states', 'reports', 'notes', 'claims', 'finds', 'shows', 'estimates', 'indicates', 'confirms', 'writes', 'tells', 'denies', 'acknowledges', 'announces', 'says']);

function reportingVerbIn(text: SentenceText): { index: number; text: string } | null {
  const tokens = text.tokens;
  for (let from = 0, found = firstPhrase(text, REPORTING_VERBS); found; found = firstPhrase(text, REPORTING_VERBS, from)) {
    const [verb, end] = found;
    from = verb + 1;
    if (NOUN_LIKE_VERBS.has((tokens[verb] as Token).word) && !/^\s*(?:that\b|:|["\u201c])/u.test(text.lower.slice(end, end + 8))) continue;
    let subject = verb - 1;
    while (subject >= 0 && (BETWEEN.has((tokens[subject] as Token).word) || (/ly$/.test((tokens[subject] as Token).word) && !isCapitalised(text, tokens[subject] as Token)))) subject--;
    const token = tokens[subject];
    if (!token) continue;
    // Only a possessive, a comma or spaces between the source and what follows it.
    if (!/^(?:['\u2019]s)?,?\s+$/u.test(text.body.slice(token.end, (tokens[subject + 1] as Token).start))) continue;
    if (namesASource(text, token)) return { index: token.start, text: text.body.slice(token.start, end) };
  }
  return null;
}

const GATES = new WeakMap<readonly Kind[], Gate>();

/**
 * Every match of the kinds in the sentence (the first match of each), in the kinds' order; the
 * gates skip those that cannot match. With `stopAt`, the search stops once `start` plus the
 * weights found reach it: the decision is made, the rest would only add to it.
 */
export function evidenceIn(text: SentenceText, kinds: readonly Kind[], stopAt = Number.POSITIVE_INFINITY, start = 0): Evidence[] {
  const found: Evidence[] = [];
  let total = start;
  let gate = GATES.get(kinds);
  if (!gate) GATES.set(kinds, (gate = new Gate(kinds.map((kind) => kind.requires))));
  const mask = text.gated ? gate.mask(text) : -1;
  for (let index = 0; index < kinds.length && total < stopAt; index++) {
    if ((mask & (1 << index)) === 0) continue;
    const { what, weight, pattern } = kinds[index] as Kind;
    const count = found.length;
    if (typeof pattern === 'function') {
      const match = pattern(text);
      if (match) found.push({ what, weight, ...match });
    } else {
      const match = pattern.exec(text.body);
      if (match && match[0].trim().length > 0) found.push({ what, weight, index: match.index + (match[0].length - match[0].trimStart().length), text: match[0].trim() });
    }
    if (found.length > count) total += weight;
  }
  return found;
}

/** The attributions to a named source: what they report is theirs (see detector.ts). */
export const ATTRIBUTIONS: readonly Kind[] = FOR.filter((kind) => kind.what === 'an attribution to a named source');
/** The other kinds of evidence for a claim, cheapest and most frequent first. */
export const OTHER_EVIDENCE: readonly Kind[] = FOR.filter((kind) => kind.what !== 'an attribution to a named source');
