import { Gate, type SentenceText } from './evidence';

/**
 * Vague attributions: a claim credited to no one in particular ("experts warn", "observers
 * note", "some have argued", "it is widely believed", "sources say", "officials familiar with
 * the matter", "according to some reports"). A source named in the same breath ("analysts at
 * RUSI said", "experts of the Panel", "officials, including Secretary Blinken") is not vague.
 * Every pattern is linear: the gaps between a subject and its verb are bounded.
 */

/** Unnamed groups that speak, believe or report. */
const GROUP = String.raw`(?:reporting|investigators|groups|workers|monitors|campaigners|advocates|sources|insiders|traders|brokers|dealers|merchants|bankers|executives|locals|villagers|refugees|shippers|analysts|experts|observers|commentators|diplomats|sources|critics|scholars|researchers|insiders|officials|watchers|specialists|lawyers|people|residents|delegations|speakers|(?:council\s+)?members|member\s+states|governments|reports|accounts|assessments|actors|voices|figures|academics|historians|economists|journalists|activists|defectors|witnesses)`;
/** The words of GROUP, for the gate. */
const GROUP_WORDS = GROUP.replace(/^\(\?:|\)$/g, '').replace(/\(\?:council\\s\+\)\?/, '').split('|').map((word) => word.split('\\')[0] as string);

/** Words that may stand before such a group without naming anyone. */
const QUALIFIER = String.raw`(?:some|many|several|most|other|certain|a\s+(?:number|handful|few)\s+of|a\s+few|numerous|various|unnamed|anonymous|senior|former|current|western|security|military|independent|regional|foreign|legal|diplomatic|intelligence|industry|humanitarian|open-source|media|press|government|local|international|outside|leading|prominent|u\.s\.|us|american|russian|ukrainian|south\s+korean|north\s+korean|japanese|chinese|european|korean|kremlin|council)`;
/** What such a group does with a claim. */
const VERB = String.raw`(?:have\s+|has\s+|had\s+)?(?:say|says|said|believe|believes|believed|warn|warns|warned|note|notes|noted|argue|argues|argued|suggest|suggests|suggested|claim|claims|claimed|think|thinks|thought|fear|fears|feared|estimate|estimates|estimated|expect|expects|expected|agree|agrees|agreed|assess|assesses|assessed|contend|contends|contended|point\s+out|points\s+out|pointed\s+out|report|reports|reported|indicate|indicates|indicated|observe|observes|observed|told|tell|tells|allege|alleges|alleged|maintain|maintains|maintained|insist|insists|insisted|speculate|speculated|describe|described|confirm|confirmed|acknowledge|acknowledged|show|shows|showed|see|sees|saw|view|views|viewed|regard|regards|regarded|consider|considers|considered|call|calls|called|informed|inform|informs|briefed|notified|alerted|suspect|suspects|questioned|question|questions|explained|explain|explains|doubted|doubt|doubts|cautioned|caution|cautions)`;

const PATTERNS: Array<{ pattern: RegExp; requires: readonly string[] }> = [
  // "Some analysts say", "Western intelligence officials, speaking on condition of anonymity, said", "Diplomats involved in the negotiations say".
  { pattern: new RegExp(String.raw`\b(?:${QUALIFIER}\s+){0,3}${GROUP}\b(?:[^.;:!?"“”]{0,70}?)\s${VERB}\b`, 'iu'), requires: GROUP_WORDS },
  // "It is widely believed", "It has been reported", "It was further reported", "It has been brought to the Panel's attention".
  { pattern: /\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+|commonly\s+|further\s+|also\s+|now\s+)?(?:believed|reported|said|thought|assumed|understood|alleged|claimed|suggested|rumou?red|feared|estimated|assessed|brought\s+to)\b/iu, requires: ['it'] },
  // "There are reports that".
  { pattern: /\bthere\s+(?:are|were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:reports|indications|suggestions|rumou?rs|claims|signs|allegations)\s+that\b/iu, requires: ['there'] },
  // "According to some reports", "according to media reports", "according to a Member State", "according to people who have seen".
  { pattern: /\baccording\s+to\s+(?:(?:some|several|many|unnamed|anonymous|media|press|unconfirmed|local|other|various|multiple|western|intelligence|diplomatic|industry)\s+){0,2}(?:reports|accounts|sources|analysts|experts|observers|people|officials|diplomats|insiders|estimates|a\s+(?:source|member\s+state|diplomat|official|person|government)|one\s+[a-z]+)\b/iu, requires: ['according'] },
  // "Some have argued", "Many believe", "Many in Washington believe", "Others contend".
  { pattern: /\b(?:[Ss]ome|[Mm]any|[Oo]thers|[Ff]ew)\s+(?:in\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*)?\s+)?(?:have\s+|has\s+)?(?:suspect|suspected|argued|argue|suggested|suggest|claimed|claim|said|say|noted|note|believe|believed|fear|feared|speculate|speculated|contend|contended|think|thought|maintain|maintained|insist|insisted|warned|warn)\b/u, requires: ['some', 'many', 'others', 'few'] },
  // "A Western diplomat said", "A person briefed on the talks said", "A senior official, who asked not to be named, said".
  { pattern: new RegExp(String.raw`\b(?:a|an|one)\s+(?:${QUALIFIER}\s+){0,3}(?:official|diplomat|source|analyst|expert|person|insider|observer|member\s+state|government|lawyer|researcher|resident|witness|defector|commander|officer)\b(?:[^.;:!?"“”]{0,70}?)\s${VERB}\b`, 'iu'), requires: ['official', 'diplomat', 'source', 'analyst', 'expert', 'person', 'insider', 'observer', 'member', 'government', 'lawyer', 'researcher', 'resident', 'witness', 'defector', 'commander', 'officer'] },
  // "Reports indicate", "Open-source reports suggest", "Intelligence assessments cited in the press suggest", "Information provided to the Committee suggests".
  { pattern: /\b(?:reports|accounts|assessments|information|intelligence|rumou?rs|estimates)\b(?:\s+[\w'’-]+){0,5}\s+(?:suggest|suggests|indicate|indicates|say|says|show|shows|point\s+to)\b/iu, requires: ['reports', 'accounts', 'assessments', 'information', 'intelligence', 'rumours', 'rumors', 'estimates'] },
  // "Rumours circulated last week that", "Local media reported".
  { pattern: /\brumou?rs\s+(?:have\s+)?(?:circulated|swirled|spread|emerged|persist)\b|\b(?:local|some|foreign|western|regional|international|independent|social)\s+media\s+(?:have\s+|has\s+)?(?:reported|report\s+that|said|say|says|claimed|claim)\b/iu, requires: ['rumours', 'rumors', 'media'] },
  // "reportedly", "are understood to have", "is said to".
  { pattern: /\b(?:reportedly|allegedly|purportedly|(?:is|are|was|were)\s+(?:said|understood|believed|thought|reported|rumou?red|alleged)\s+to)\b/iu, requires: ['reportedly', 'allegedly', 'purportedly', 'said', 'understood', 'believed', 'thought', 'reported', 'rumoured', 'rumored', 'alleged'] },
  // Accused by no one: "with Pyongyang accused of providing arms", "has been accused of".
  { pattern: /\b(?:is|are|was|were|been|being|with\s+[A-Z][\w'\u2019-]*)\s+accused\s+of\b|,\s*accused\s+of\b/u, requires: ['accused'] },
  // Markers of anonymity.
  { pattern: /\b(?:familiar\s+with\s+the\s+(?:matter|talks|plans|discussions|case)|on\s+(?:the\s+)?condition\s+of\s+anonymity|asked\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+(?:named|identified)|(?:people|sources|those)\s+close\s+to)\b/iu, requires: ['familiar', 'condition', 'asked', 'declined', 'close'] },
  // "informed by one Member State", "told by a source".
  { pattern: /\b(?:informed|told|briefed)\s+by\s+(?:one|a|an|some|several)\s+(?:member\s+state|source|official|diplomat|government|state)\b/iu, requires: ['informed', 'told', 'briefed'] },

];

/** After the group: a name or an institution ("analysts at RUSI", "experts of the Panel", "officials, including Secretary Blinken"). */
const NAMED_AFTER = /^(?:\s+(?:at|from|of|with|for)\s+(?:the\s+)?[A-Z]|,?\s+(?:including|such\s+as|led\s+by|among\s+them)\s+[A-Z]|\s+(?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)/u;
/** Before the group: whose it is ("RUSI's analysts", "the Panel's experts", "its experts", "the experts"). */
const NAMED_BEFORE = /(?:[A-Z][\w.&-]*['’]s|\b(?:its|their|his|her|our|the|these|those))\s+(?:[\w-]+\s+){0,2}$/u;

const GATE = new Gate(PATTERNS.map((entry) => entry.requires));

export interface VagueAttribution {
  index: number;
  text: string;
}

/** The first vague attribution in a sentence (read by evidence.ts readSentence), or null. */
export function vagueAttributionIn(text: SentenceText): VagueAttribution | null {
  const body = text.body;
  const mask = text.gated ? GATE.mask(text) : -1;
  let best: VagueAttribution | null = null;
  for (let index = 0; index < PATTERNS.length; index++) {
    if ((mask & (1 << index)) === 0) continue;
    const { pattern } = PATTERNS[index] as (typeof PATTERNS)[number];
    const match = pattern.exec(body);
    if (!match || (best && best.index <= match.index)) continue;
    if (namesItsSource(body, match.index, match[0])) continue;
    best = { index: match.index, text: match[0].replace(/\s+/g, ' ').trim() };
  }
  return best;
}

/** Whether the source of a matched attribution is named after all. */
/** The group or person an attribution names (to look for a name after it). */
const GROUP_IN_MATCH = new RegExp(String.raw`\b${GROUP}\b|\b(?:official|diplomat|source|analyst|expert|person|observer|lawyer|researcher)\b`, 'iu');

function namesItsSource(body: string, index: number, matched: string): boolean {
  const group = GROUP_IN_MATCH.exec(matched);
  if (!group) return false;
  const groupEnd = index + group.index + group[0].length;
  if (NAMED_AFTER.test(body.slice(groupEnd, groupEnd + 80))) return true;
  // "Council members", "members of the Council": the Security Council speaking as a body.
  if (/^members$/iu.test(group[0]) && (/\bCouncil\s+$/u.test(body.slice(Math.max(0, index + group.index - 12), index + group.index)) || /^\s+of\s+the\s+(?:Security\s+)?Council\b/u.test(body.slice(groupEnd, groupEnd + 30)))) return true;
  // "the Panel's experts" or "its analysts" (a qualifier standing first: "some", "many", "a" keeps it vague).
  if (/^(?:some|many|several|most|other|certain|a|an|one|numerous|various|unnamed|anonymous)\b/iu.test(matched)) return false;
  return NAMED_BEFORE.test(body.slice(Math.max(0, index - 40), index + group.index));
}
