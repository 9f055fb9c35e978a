/**
 * Synthetic drafts for the benchmark (and, later, property tests): Markdown policy analysis
 * about DPRK–Russia cooperation, sanctions and state responsibility, dense with what Lexicite
 * recognizes (resolutions, treaty and ILC articles, the Budapest Convention, officials with
 * titles), footnotes, uncited claims, and a share of mistakes (wrong years, outdated titles,
 * articles the treaty does not have, undefined and unused footnotes) so that every rule fires.
 *
 * The prose is invented for this file. The output depends only on (targetBytes, seed): a
 * small seeded PRNG drives every choice, so runs are reproducible.
 *
 *   generateDraft(1 << 20)       about 1 MiB of Markdown (UTF-8 bytes), seed 1
 *   generateDraft(10_240, 42)    about 10 KiB, another draft
 *
 * The result is at least `targetBytes` long (for targetBytes > 0) and overshoots by at most
 * one block (a paragraph, list or table: a few hundred bytes) plus its footnote definitions.
 */

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. Returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTF-8 length of a string without allocating (surrogate pairs count 4 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

interface Resolution {
  number: number;
  year: number;
  /** Operative paragraphs (with sub-paragraphs) a writer might cite. */
  paragraphs: readonly string[];
  topic: string;
}

const RESOLUTIONS: readonly Resolution[] = [
  { number: 1695, year: 2006, paragraphs: ['2', '3', '4'], topic: 'the July 2006 missile launches' },
  { number: 1718, year: 2006, paragraphs: ['8(a)', '8(b)', '8(c)', '8(d)', '8(e)', '9', '10', '12'], topic: 'the first nuclear test and the sanctions committee' },
  { number: 1874, year: 2009, paragraphs: ['10', '11', '12', '13', '26'], topic: 'cargo inspection and the panel of experts' },
  { number: 2087, year: 2013, paragraphs: ['3', '19'], topic: 'the December 2012 satellite launch' },
  { number: 2094, year: 2013, paragraphs: ['17', '19', '27'], topic: 'bulk cash and banking restrictions' },
  { number: 2270, year: 2016, paragraphs: ['17', '18', '31', '32'], topic: 'mandatory cargo inspection' },
  { number: 2321, year: 2016, paragraphs: ['10', '13', '15', '21', '30', '32', '46'], topic: 'the coal export cap' },
  { number: 2356, year: 2017, paragraphs: ['1', '3'], topic: 'additional designations' },
  { number: 2371, year: 2017, paragraphs: ['8', '11', '12'], topic: 'the seafood and iron ore bans' },
  { number: 2375, year: 2017, paragraphs: ['14', '17', '18'], topic: 'the textile ban and the first oil cap' },
  { number: 2397, year: 2017, paragraphs: ['4', '5', '6', '8', '14', '27'], topic: 'the refined petroleum cap and the repatriation of workers' },
];

/** Articles of the 2024 treaty (23 in all) and what a writer says they cover. */
const TREATY_ARTICLES: ReadonlyArray<readonly [number, string]> = [
  [1, 'peaceful coexistence and mutual respect'],
  [2, 'consultation on international questions'],
  [3, 'joint measures against an imminent threat'],
  [4, 'military and other assistance if either party comes under armed attack'],
  [5, 'the refusal to join arrangements aimed at the other party'],
  [8, 'joint mechanisms to strengthen defence capabilities'],
  [9, 'food and energy security'],
  [10, 'science, technology and space cooperation'],
  [11, 'the fight against terrorism and extremism'],
  [12, 'agriculture, education and health'],
  [13, 'interregional exchanges'],
  [15, 'cooperation between law enforcement bodies'],
  [16, 'opposition to unilateral coercive measures'],
  [18, 'information security and the media'],
  [19, 'cultural exchanges'],
  [20, 'countering disinformation'],
  [22, 'the relationship with earlier treaties'],
];

const ILC_ARTICLES: ReadonlyArray<readonly [number, string]> = [
  [1, 'the responsibility of a State for its internationally wrongful acts'],
  [2, 'the elements of an internationally wrongful act'],
  [4, 'the conduct of organs of a State'],
  [8, 'conduct directed or controlled by a State'],
  [14, 'the extension in time of a breach'],
  [16, 'aid or assistance in the commission of a wrongful act'],
  [17, 'direction and control'],
  [30, 'cessation and non-repetition'],
  [31, 'reparation'],
  [40, 'serious breaches of peremptory norms'],
  [41, 'the duty not to recognize or assist a serious breach'],
  [48, 'invocation by a State other than an injured State'],
];

const BUDAPEST_ARTICLES: ReadonlyArray<readonly [number, string]> = [
  [2, 'illegal access'],
  [3, 'illegal interception'],
  [4, 'data interference'],
  [5, 'system interference'],
  [8, 'computer-related fraud'],
  [16, 'the expedited preservation of stored data'],
  [23, 'the general principles of international cooperation'],
  [25, 'mutual assistance'],
  [29, 'the expedited preservation of data for a foreign request'],
  [35, 'the 24/7 network of contact points'],
];

const PLACES = ['Vladivostok', 'Rason', 'Khasan', 'Pyongyang', 'Moscow', 'Nampo', 'Vostochny', 'Tumangang', 'Chongjin', 'Nakhodka', 'Kursk', 'Wonsan'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const GOODS = ['artillery shells', 'ballistic missiles', 'refined petroleum', 'coal', 'machine tools', 'wheat flour', 'fertilizer', 'rolled steel', 'used vehicles', 'drone components', 'seafood', 'textiles'];
const AGENCIES = ['the panel of experts', 'the Multilateral Sanctions Monitoring Team', 'the 1718 Committee', 'a customs registry', 'a shipping database', 'the Ministry of Foreign Affairs', 'a parliamentary committee'];
const UNITS = ['troops', 'workers', 'containers', 'tonnes of coal', 'barrels of oil', 'rail wagons', 'students', 'shells'];

/** Officials with a title they held through 2024–2025, and the words writers put before the name. */
const OFFICIALS_NOW: ReadonlyArray<readonly [string, string]> = [
  ['President', 'Vladimir Putin'],
  ['Russian President', 'Vladimir Putin'],
  ['', 'Kim Jong Un'],
  ['General Secretary', 'Kim Jong Un'],
  ['Foreign Minister', 'Sergei Lavrov'],
  ['Russian Foreign Minister', 'Sergei Lavrov'],
  ['Foreign Minister', 'Choe Son Hui'],
  ['', 'Choe Son Hui'],
  ['Security Council Secretary', 'Sergei Shoigu'],
  ['', 'Sergei Shoigu'],
  ['Defence Minister', 'Andrei Belousov'],
  ['Prosecutor General', 'Igor Krasnov'],
  ['', 'Kim Yo Jong'],
  ['Defence Minister', 'No Kwang Chol'],
  ['Premier', 'Pak Thae Song'],
  ['President', 'Xi Jinping'],
];

/** Titles the person did not hold at the draft's date: title-mismatch should report them. */
const OFFICIALS_WRONG: ReadonlyArray<readonly [string, string]> = [
  ['Prime Minister', 'Vladimir Putin'],
  ['Defence Minister', 'Sergei Shoigu'],
  ['Deputy Minister of Foreign Affairs', 'Sergei Lavrov'],
  ['First Deputy Prime Minister', 'Andrei Belousov'],
  ['First Vice Minister of Foreign Affairs', 'Choe Son Hui'],
];

const HEADINGS = [
  'From summit to alliance',
  'What the treaty text commits the parties to',
  'The sanctions architecture and its erosion',
  'Arms transfers and the embargo',
  'Workers, revenue and the repatriation deadline',
  'Oil, coal and the caps',
  'Shipping routes through the Far East',
  'Cyber operations and information security',
  'Law enforcement and prosecutorial cooperation',
  'State responsibility for aid or assistance',
  'The end of the panel of experts',
  'Monitoring after the veto',
  'Scientific and space cooperation',
  'Finance, banking and cryptocurrency',
  'Reactions in Seoul, Tokyo and Washington',
  'Options for the remaining members of the Council',
  'Evidence and attribution',
  'What to watch next',
];

const TITLES = [
  'Moscow and Pyongyang after the June 2024 summit',
  'A partnership under sanctions',
  'Mutual assistance, shared liability',
  'Cooperation beyond the battlefield',
];

const AUTHORS = ['Policy Research Unit', 'Sanctions Working Group', 'Northeast Asia Programme'];

/** The draft's date (front matter): late enough that Shoigu chairs the Security Council and Pak Thae Song is premier. */
const DOCUMENT_DATES = ['2025-01-20', '2025-03-01', '2025-04-15', '2025-06-10', '2025-07-30'];

type Rng = () => number;

class Writer {
  private footnote = 0;
  /** Footnote definitions still to write, in order. */
  readonly definitions: string[] = [];
  /** Numbers of footnotes already defined, reusable by later sentences. */
  private readonly defined: number[] = [];

  constructor(readonly rng: Rng) {}

  chance(probability: number): boolean {
    return this.rng() < probability;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)] as T;
  }

  // Slots: the pieces sentences are made of.

  resolution(): Resolution {
    return this.pick(RESOLUTIONS);
  }

  /** A correctly written mention of a resolution, in one of the forms writers use. */
  res(r: Resolution = this.resolution()): string {
    switch (this.int(0, 7)) {
      case 0:
        return `Security Council resolution ${r.number} (${r.year})`;
      case 1:
        return `UNSCR ${r.number}`;
      case 2:
        return `S/RES/${r.number} (${r.year})`;
      case 3:
        return `resolution ${r.number}`;
      case 4:
        return `UN Security Council Resolution ${r.number}`;
      case 5:
        return `UNSC Res. ${r.number}`;
      case 6:
        return `resolution ${r.number} (${r.year})`;
      default:
        return `UNSCR ${r.number} (${r.year})`;
    }
  }

  /** A resolution with a year it was not adopted in (year-mismatch). */
  resWrongYear(): string {
    const r = this.resolution();
    const year = r.year + this.pick([-3, -1, 1, 2, 3]);
    return this.chance(0.5) ? `resolution ${r.number} (${year})` : `Security Council resolution ${r.number} (${year})`;
  }

  resParagraph(): string {
    const r = this.resolution();
    const paragraph = this.pick(r.paragraphs);
    return this.chance(0.5) ? `paragraph ${paragraph} of resolution ${r.number}` : `operative paragraph ${paragraph} of ${this.res(r)}`;
  }

  treatyName(): string {
    return this.pick(['the 2024 treaty', 'the Treaty on Comprehensive Strategic Partnership', 'the comprehensive strategic partnership treaty', 'the 2024 Treaty on Comprehensive Strategic Partnership']);
  }

  treatyArticle(): readonly [number, string] {
    return this.pick(TREATY_ARTICLES);
  }

  /** "Article 4 of the 2024 treaty", or once in a while an article the treaty does not have (unknown-provision). */
  treatyArt(): string {
    if (this.chance(0.03)) return `Article ${this.int(24, 40)} of the 2024 treaty`;
    const [number] = this.treatyArticle();
    return `Article ${number} of ${this.treatyName()}`;
  }

  /** A list of articles, the way drafts enumerate them. */
  treatyArticleList(): string {
    const numbers = new Set<number>();
    const count = this.int(2, 4);
    while (numbers.size < count) numbers.add(this.treatyArticle()[0]);
    const list = [...numbers];
    const last = list.pop() as number;
    const head = list.join(', ');
    return list.length === 1 ? `Articles ${head} and ${last}` : `articles ${head}, and ${last}`;
  }

  ilc(): string {
    const [number] = this.pick(ILC_ARTICLES);
    const name = this.pick(['the ILC Articles on State Responsibility', "the International Law Commission's Articles on State Responsibility", 'the ILC Articles', 'ARSIWA']);
    return `Article ${number} of ${name}`;
  }

  budapest(): string {
    if (this.chance(0.4)) return this.pick(['the Budapest Convention', 'the Convention on Cybercrime', 'the Council of Europe Convention on Cybercrime', 'the Budapest Convention on Cybercrime']);
    const [number] = this.pick(BUDAPEST_ARTICLES);
    return `Article ${number} of ${this.pick(['the Budapest Convention', 'the Convention on Cybercrime'])}`;
  }

  official(): string {
    const [title, name] = this.chance(0.06) ? this.pick(OFFICIALS_WRONG) : this.pick(OFFICIALS_NOW);
    return title ? `${title} ${name}` : name;
  }

  russian(): string {
    return this.pick(['President Vladimir Putin', 'Foreign Minister Sergei Lavrov', 'Sergei Shoigu', 'Defence Minister Andrei Belousov', 'Prosecutor General Igor Krasnov', 'Putin', 'Lavrov']);
  }

  korean(): string {
    return this.pick(['Kim Jong Un', 'Choe Son Hui', 'Foreign Minister Choe Son Hui', 'Kim Yo Jong', 'Premier Pak Thae Song', 'Defence Minister No Kwang Chol']);
  }

  date(): string {
    const year = this.int(2022, 2025);
    const month = this.pick(MONTHS);
    return this.chance(0.6) ? `${this.int(1, 28)} ${month} ${year}` : `${month} ${year}`;
  }

  /** "on 19 June 2024" or "in June 2024". */
  onDate(): string {
    const date = this.date();
    return /^\d/.test(date) ? `on ${date}` : `in ${date}`;
  }

  amount(): string {
    switch (this.int(0, 4)) {
      case 0:
        return `about ${this.int(2, 40)},${this.pick(['000', '500', '200'])} ${this.pick(UNITS)}`;
      case 1:
        return `$${this.int(1, 9)}.${this.int(0, 9)} billion`;
      case 2:
        return `some ${this.int(120, 980)} million dollars`;
      case 3:
        return `${this.int(3, 85)} percent`;
      default:
        return `${this.int(2, 19)},${this.int(100, 999)} ${this.pick(UNITS)}`;
    }
  }

  place(): string {
    return this.pick(PLACES);
  }

  goods(): string {
    return this.pick(GOODS);
  }

  agency(): string {
    return this.pick(AGENCIES);
  }

  hedge(): string {
    return this.pick(['reportedly', 'according to officials', 'officials said', 'people familiar with the talks said', 'according to press reports', 'local media reported']);
  }

  vague(): string {
    return this.pick(['Analysts say', 'Some commentators argue', 'Experts believe', 'Observers note', 'It is widely believed', 'Many in Seoul suspect']);
  }

  // Footnotes.

  /** A footnote marker with a new definition, an earlier one reused, or (rarely) none defined. */
  cite(): string {
    if (this.defined.length > 0 && this.chance(0.12)) return `[^${this.pick(this.defined)}]`;
    this.footnote += 1;
    const number = this.footnote;
    if (this.chance(0.01)) return `[^${number}]`; // undefined-footnote
    this.definitions.push(`[^${number}]: ${this.source()}`);
    this.defined.push(number);
    return `[^${number}]`;
  }

  /** A definition no marker uses (unused-footnote). */
  orphanDefinition(): void {
    this.footnote += 1;
    this.definitions.push(`[^${this.footnote}]: ${this.source()}`);
  }

  source(): string {
    const r = this.resolution();
    switch (this.int(0, 9)) {
      case 0:
        return `Security Council resolution ${r.number} (${r.year}), S/RES/${r.number} (${r.year}), para. ${this.pick(r.paragraphs)}.`;
      case 1:
        return `Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Democratic People's Republic of Korea, signed in Pyongyang on 19 June 2024, art. ${this.treatyArticle()[0]}.`;
      case 2:
        return `Final report of the panel of experts, S/${this.int(2019, 2024)}/${this.int(100, 980)}, paras ${this.int(10, 90)}–${this.int(91, 160)}.`;
      case 3:
        return `Interview with a former trade official, ${this.place()}, ${this.date()}.`;
      case 4: {
        const meeting = this.int(5000, 9800);
        return `[Official record of the ${meeting}th meeting](https://undocs.org/S/PV.${meeting}), ${this.date()}.`;
      }
      case 5:
        return `Articles on Responsibility of States for Internationally Wrongful Acts, art. ${this.pick(ILC_ARTICLES)[0]} and commentary, para. ${this.int(1, 12)}.`;
      case 6:
        return `Council of Europe, Convention on Cybercrime, ETS No. 185 (2001), art. ${this.pick(BUDAPEST_ARTICLES)[0]}.`;
      case 7:
        return `Satellite imagery of the ${this.place()} port area, ${this.date()}, reviewed by the author.`;
      case 8:
        return `Customs statistics for ${this.int(2021, 2024)}, table ${this.int(1, 14)}; see <https://example.org/customs/${this.int(100, 999)}>.`;
      default:
        return `Summary of the ${this.agency().replace(/^the /, '')} briefing, ${this.date()}.`;
    }
  }
}

/** One sentence: a template filled from the writer's slots. Most close with a full stop and no citation yet. */
type Sentence = (w: Writer) => string;

const SENTENCES: readonly Sentence[] = [
  // Treaty.
  (w) => `${w.treatyArt()} obliges each side to act if the other is drawn into a war, a promise that goes further than anything in the 2000 treaty.`,
  (w) => `Read closely, ${w.treatyArticleList()} of ${w.treatyName()} sketch a programme rather than a set of obligations.`,
  (w) => `The drafters placed ${w.treatyArticle()[1]} in a separate article, which suggests it was negotiated on its own track.`,
  (w) => `Nothing in ${w.treatyName()} names a third country, yet its language on ${w.treatyArticle()[1]} is plainly aimed at Washington and Seoul.`,
  (w) => {
    const [number, subject] = w.treatyArticle();
    return `The treaty is vague on enforcement; Article ${number}, which deals with ${subject}, offers no timetable at all.`;
  },
  (w) => `Unlike the 1961 treaty, the new text says nothing about a fixed term, and ${w.treatyArt()} leaves room for broad interpretation.`,
  (w) => `Both legislatures ratified the treaty within months, and the instruments of ratification were exchanged ${w.onDate()}.`,
  (w) => `Officials in Moscow describe ${w.treatyName()} as defensive, pointing to ${w.treatyArt()} and its reference to the UN Charter.`,
  (w) => {
    const [number] = w.treatyArticle();
    return `Article ${number} is the clause most often quoted in Pyongyang's own commentary, and it is usually paraphrased rather than cited.`;
  },
  // Resolutions.
  (w) => `${capitalize(w.res())} prohibits the supply of ${w.goods()} to the DPRK, and later texts closed the gaps one by one.`,
  (w) => {
    const r = w.resolution();
    return `The Council adopted ${w.res(r)} in response to ${r.topic}, with Russia and China voting in favour at the time.`;
  },
  (w) => `Under ${w.resParagraph()}, every member state must prevent the transfer of such items by its nationals or from its territory.`,
  (w) => `Any transfer of ${w.goods()} from ${w.place()} would be difficult to square with ${w.res()}.`,
  (w) => `The cap set by ${w.res()} has been exceeded several times over, if the tanker movements recorded by ${w.agency()} are accurate.`,
  (w) => `Moscow now argues that ${w.res()} has outlived its purpose, although it never proposed a resolution to lift it.`,
  (w) => `The relevant obligation sits in ${w.resParagraph()}, which many national implementation reports skip entirely.`,
  (w) => `Compare the asset freeze in ${w.res()} with the broader financial measures of ${w.res()}.`,
  (w) => `Some drafts still cite ${w.resWrongYear()}, an error that survives from an early briefing note.`,
  // ILC and responsibility.
  (w) => `${capitalize(w.ilc())} sets the standard for complicity: the assisting state must know the circumstances of the wrongful act.`,
  (w) => `If the assistance under the treaty feeds an unlawful use of force, ${w.ilc()} becomes the natural starting point.`,
  (w) => `The knowledge requirement in ${w.ilc()} is demanding, but the public record on shipments leaves little doubt here.`,
  (w) => `A claim under ${w.ilc()} would not need to prove that the transfers decided the outcome on the battlefield.`,
  // Budapest.
  (w) => `Russia never joined ${w.budapest()}, and it has promoted a UN cybercrime treaty of its own instead.`,
  (w) => `The offences defined in ${w.budapest()} map closely onto the intrusions attributed to DPRK-linked groups.`,
  (w) => `Requests for data under ${w.budapest()} go unanswered when the servers sit in a non-party state.`,
  // Officials.
  (w) => `${w.official()} met ${w.official()} in ${w.place()} ${w.onDate()}.`,
  (w) => `${w.russian()} told reporters that the partnership threatens no one.`,
  (w) => `${w.korean()} called the visit a turning point in relations between the two countries.`,
  (w) => `${w.official()} has said little in public about the shipments, and the ministry declined to comment.`,
  (w) => `During the talks ${w.russian()} and ${w.korean()} discussed ${w.treatyArticle()[1]}, ${w.hedge()}.`,
  (w) => `${w.official()} praised the treaty as a shield against pressure from the West.`,
  (w) => `Photographs released by state media show ${w.korean()} inspecting a launcher near ${w.place()}.`,
  // Claims without citations.
  (w) => `Trade across the Tumen River bridge grew by ${w.amount()} in ${w.int(2023, 2025)}.`,
  (w) => `By ${w.date()}, ${w.amount()} had crossed the border at ${w.place()}, ${w.hedge()}.`,
  (w) => `The DPRK reportedly shipped ${w.amount()} through ${w.place()} in a single quarter.`,
  (w) => `State media quoted ${w.korean()} as saying the two armies are “comrades in arms” now.`,
  (w) => `Korean-language reports refer to the leader as 김정은 and to the treaty as a “comprehensive strategic partnership” — the same phrase used in ${w.place()}.`,
  (w) => `Revenue from overseas labour reached ${w.amount()} last year.`,
  (w) => `A delegation from ${w.place()} arrived ${w.onDate()} to discuss ${w.goods()}.`,
  (w) => `${w.vague()} that the rail link will carry ${w.goods()} before the end of the year.`,
  (w) => `${w.vague()} that the treaty marks the end of Russia's support for the sanctions regime.`,
  (w) => `Vessels switched off their transponders near ${w.place()} at least ${w.int(12, 90)} times.`,
  (w) => `The consignment was valued at ${w.amount()}, officials said.`,
  (w) => `Satellite images from ${w.date()} show new storage sheds at the ${w.place()} railhead.`,
  (w) => `The ministry announced that ${w.amount()} would be allocated to the new school programme.`,
  (w) => `According to a defector, ${w.amount()} were sent abroad under construction contracts.`,
  // Connective tissue, with no references.
  () => `That reading is contested.`,
  () => `The distinction matters for anyone drafting a national implementation report.`,
  () => `Several questions remain open, and the answers will depend on evidence that is not yet public.`,
  () => `This is a political choice as much as a legal one.`,
  () => `The practical effect is harder to judge than the text.`,
  () => `None of this is new, but the scale is.`,
  () => `It would be a mistake to read too much into a single visit.`,
];

/** A paragraph: 3–7 sentences, some closed by a footnote, occasionally a bare article after "the treaty". */
function paragraph(w: Writer): string {
  const sentences: string[] = [];
  const count = w.int(3, 7);
  for (let index = 0; index < count; index++) {
    let sentence = w.pick(SENTENCES)(w);
    if (w.chance(0.35)) sentence = sentence.replace(/([.!?])$/, `$1${w.cite()}`);
    sentences.push(sentence);
  }
  if (w.chance(0.25)) {
    // An anaphor: "the treaty" resolves the bare articles that follow.
    const [number, subject] = w.treatyArticle();
    sentences.push(`The treaty returns to this theme in Article ${number}, on ${subject}.`);
  }
  if (w.chance(0.05)) {
    // A bare article: it resolves to the last instrument with articles named before it.
    sentences.unshift(`Article ${w.int(6, 30)} is often quoted in this context.`);
  }
  return wrap(sentences.join(' '), w.chance(0.7) ? 92 : 0);
}

function bulletList(w: Writer): string {
  const items: string[] = [];
  const count = w.int(3, 6);
  const ordered = w.chance(0.3);
  for (let index = 0; index < count; index++) {
    const item = w.pick<Sentence>([
      (x) => `${capitalize(x.res())}: ${x.pick(['arms embargo', 'asset freeze', 'luxury goods ban', 'cargo inspection', 'sectoral bans', 'oil cap'])}.`,
      (x) => `${x.treatyArt()}: ${x.treatyArticle()[1]}.`,
      (x) => `${capitalize(x.ilc())}, on state responsibility.`,
      (x) => `${x.official()}, who ${x.pick(['signed the joint statement', 'led the delegation', 'hosted the talks', 'spoke at the banquet'])}.`,
      (x) => `${capitalize(x.goods())} shipped through ${x.place()} (${x.amount()}).`,
      (x) => `${capitalize(x.budapest())}, for the cyber offences.`,
    ])(w);
    const marker = ordered ? `${index + 1}.` : w.pick(['-', '*']);
    items.push(`${marker} ${w.chance(0.3) ? item.replace(/\.$/, `.${w.cite()}`) : item}`);
  }
  return items.join('\n');
}

function blockQuote(w: Writer): string {
  const lines = [
    `The two sides will not take part in any alliance or bloc directed against the other, ${w.russian()} said at the signing.`,
    `We regard every provision of the treaty as binding from the day it enters into force, ${w.korean()} told the assembly.`,
    `Any state that assists another in an unlawful act shares responsibility for it where it knows what it is doing.`,
    `The committee could not verify the reports because access to the port was refused.`,
  ];
  const quote = w.pick(lines);
  return wrap(quote, 80)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function table(w: Writer): string {
  const rows = ['| Instrument | Adopted | Measure |', '| --- | --- | --- |'];
  const count = w.int(3, 6);
  for (let index = 0; index < count; index++) {
    const r = w.resolution();
    rows.push(`| ${w.res(r)} | ${w.chance(0.05) ? r.year + 1 : r.year} | ${capitalize(r.topic)} |`);
  }
  return rows.join('\n');
}

function codeFence(w: Writer): string {
  const r = w.resolution();
  return w.pick([
    '```text\n' + `Inside code, resolution ${r.number} (${r.year + 5}) and Article 99 are not references.\n` + '```',
    '```json\n' + `{ "resolution": ${r.number}, "year": ${r.year}, "shipments": ${w.int(3, 90)} }\n` + '```',
    '```\n' + `grep -c "UNSCR ${r.number}" reports/*.md\n` + '```',
  ]);
}

function linkParagraph(w: Writer): string {
  const r = w.resolution();
  return wrap(
    `The text of ${w.res(r)} is available at [the UN documents site](https://undocs.org/S/RES/${r.number}(${r.year})), and ${w.agency()} keeps a list of designations at <https://example.org/designations/${w.int(10, 99)}>.`,
    92,
  );
}

/** Wraps text at `width` columns (0: one long line, as some writers leave paragraphs). */
function wrap(text: string, width: number): string {
  if (width <= 0) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function block(w: Writer): string {
  const roll = w.rng();
  if (roll < 0.72) return paragraph(w);
  if (roll < 0.82) return bulletList(w);
  if (roll < 0.88) return blockQuote(w);
  if (roll < 0.93) return table(w);
  if (roll < 0.96) return codeFence(w);
  return linkParagraph(w);
}

/**
 * A Markdown draft of at least `targetBytes` UTF-8 bytes (a few hundred more at most, see the
 * file comment), fully determined by `targetBytes` and `seed`.
 */
export function generateDraft(targetBytes: number, seed = 1): string {
  const w = new Writer(createRng(seed));
  const date = w.pick(DOCUMENT_DATES);
  const title = w.pick(TITLES);
  // Before any instrument is named, a bare article is ambiguous (later ones resolve from context).
  const opening = `Article ${w.pick([4, 16, 41])} is where the argument of this paper begins, and the reader will see why.`;
  const head = [`---\ntitle: ${title}\ndate: ${date}\nauthor: ${w.pick(AUTHORS)}\n---`, `# ${title}`, `${opening}\n${paragraph(w)}`];
  const body: string[] = [];
  let bodyBytes = head.reduce((sum, part) => sum + utf8Length(part) + 2, 0);
  let definitionBytes = 0;
  let countedDefinitions = 0;
  let section = 0;
  // No block repeats (a cache must not be able to share work between copies): a block already
  // written is drawn again, and dropped after a few tries.
  const seen = new Set<string>();
  const size = (): number => bodyBytes + definitionBytes;
  while (size() < targetBytes) {
    section += 1;
    const heading = `## ${section}. ${w.pick(HEADINGS)}`;
    body.push(heading);
    bodyBytes += utf8Length(heading) + 2;
    const blocks = w.int(3, 8);
    for (let index = 0; index < blocks && size() < targetBytes; index++) {
      if (w.chance(0.15)) {
        const sub = `### ${section}.${index + 1} ${w.pick(['Background', 'The legal question', 'Evidence', 'Assessment', 'Implications'])}`;
        body.push(sub);
        bodyBytes += utf8Length(sub) + 2;
      }
      let part = block(w);
      for (let attempt = 0; seen.has(part) && attempt < 8; attempt++) part = block(w);
      if (seen.has(part)) continue;
      seen.add(part);
      body.push(part);
      bodyBytes += utf8Length(part) + 2;
      if (w.chance(0.01)) w.orphanDefinition();
      for (; countedDefinitions < w.definitions.length; countedDefinitions++) definitionBytes += utf8Length(w.definitions[countedDefinitions] as string) + 1;
    }
  }
  const notes = w.definitions.length > 0 ? `\n${w.definitions.join('\n')}\n` : '';
  return `${[...head, ...body].join('\n\n')}\n${notes}`;
}
