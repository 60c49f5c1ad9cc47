/**
 * Signals that make a sentence worth checking, detected with general rules and word lists for English
 * and French (nothing here comes from a particular article). Detection works on one sentence or clause.
 */

export const REASONS = [
  "percentage",
  "amount",
  "number",
  "date",
  "duration",
  "frequency",
  "named_entity_with_verb",
  "named_entity",
  "attributed_quote",
  "comparison",
  "superlative",
  "causal",
  "quantity",
  "action_verb",
] as const;

export type Reason = (typeof REASONS)[number];

export interface TextTraits {
  reasons: Set<Reason>;
  /** Addresses the reader ("you", "please", "vous", "n'hésitez pas"): calls to action, not claims. */
  addressesReader: boolean;
  /** Ends with a question mark. */
  isQuestion: boolean;
  /** Prescription or stated opinion ("should", "must", "I think", "il faut", "à mon avis"). */
  isOpinion: boolean;
}

export type LexiconLanguage = "en" | "fr";

const LETTER = "\\p{L}\\p{M}\\p{N}";

/** A case-insensitive pattern matching whole words only (JavaScript's \b ignores accented letters). */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![${LETTER}])(?:${alternatives.join("|")})(?![${LETTER}])`, "giu");
}

interface Lexicon {
  numberWords: string;
  percent: string;
  currencies: string;
  /** Month names, matched case-insensitively: use `monthsCaseSensitive` where the case tells a month apart. */
  months: string;
  monthsCaseSensitive: boolean;
  weekdays: string;
  timeUnits: string;
  /** "since 2012", "depuis mars": a duration running from a year or month. */
  since: string;
  vagueCount: string;
  frequency: string;
  quantity: string;
  comparison: string;
  superlative: string;
  causal: string;
  actionVerbs: string;
  reportingVerbs: string;
  /** Role nouns, matched in any case. */
  titles: string;
  /** Abbreviated forms of address, matched case-sensitively ("Me" is a title, "me" a pronoun). */
  honorifics: string;
  readerAddress: string;
  opinion: string;
}

const ENGLISH: Lexicon = {
  numberWords:
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half",
  percent: "per ?cent|percentage points?",
  currencies:
    "dollars?|euros?|(?:CFA )?francs?(?: CFA)?|FCFA|pounds?(?: sterling)?|USD|EUR|XOF|GBP|naira|cedis?|dirhams?|yuan|yen|rupees?|roubles?|rubles?",
  months: "January|February|March|April|June|July|August|September|October|November|December",
  monthsCaseSensitive: true,
  weekdays: "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
  timeUnits: "years?|months?|weeks?|days?|hours?|decades?|centuries|century",
  since: "since",
  vagueCount: "a few|several|many",
  frequency: "(?:every|each|per) (?:day|week|month|year|hour)|(?:once|twice) a (?:day|week|month|year)",
  quantity: "several|numerous|majority|minority|most of|(?:the|a) number of|dozens of|scores of",
  comparison:
    "more than|less than|fewer than|at least|at most|as many as|as much as|compared (?:with|to)|(?!rather|other)\\p{L}+er than|twice|doubled|tripled|increased|decreased|rose|risen|fell|fallen|dropped|grew",
  superlative:
    "the (?:most|least|largest|biggest|highest|lowest|smallest|greatest|oldest|youngest|longest|shortest|deadliest|richest|poorest|strongest|weakest|worst|best|fastest|first)|record|unprecedented|for the first time",
  causal:
    "because|due to(?! (?:be|take|begin|start|end|hold|meet|open|close|expire|arrive|return|come|finish|last|resume|sign|vote|visit|leave|launch)(?![\\p{L}]))|owing to|as a result|results? of|resulted in|led to|leads? to|leading to|caused|causes|causing|cause of|explained by|thanks to|triggered|sparked|consequently|therefore|attributed to|blamed on",
  actionVerbs:
    "ban|bans|banned|banning|sentenced?|sentences|estimates?|estimated|said|says|announced?|announces|promoted?|promotes|dissolved?|dissolves|suspend|suspends|suspended|arrest|arrests|arrested|killed|kills|signed|signs|withdrew|withdrawn|withdraws|accused?|accuses|declared?|declares|reported|stated|claimed|told|confirmed|denied|denies|warned|noted|spoke|spoken|indicated|condemned|launched|elected|appointed|resigned|die|died|dies|refused|rejected|approved|adopted|voted|seized|attacked|detained|released|expelled|convicted|fined|imprisoned|jailed|exiled|invaded|captured|ordered|won|lost",
  reportingVerbs:
    "said|says|say|told|tells|stated|spoke|speaking|noted|added|explained|declared|announced|wrote|writes|warned|insisted|claimed|claims|according to|asked|replied|described|called|estimated|indicated|reported|confirmed|denied|acknowledged|admitted|argued|stressed|affirmed",
  titles:
    "president|prime minister|minister|colonel|general|lieutenant|captain|commander|chief|king|queen|prince|senator|governor|mayor|ambassador|spokes(?:man|woman|person)|secretary[- ]general|secretary|director|chairman|chairwoman|judge|prosecutor|imam|bishop|pope|professor|sir",
  honorifics: "Dr|Mr|Mrs|Ms|Prof",
  readerAddress: "you|your|yours|please",
  opinion:
    "I think|I believe|we believe|in my (?:view|opinion)|should|must|ought to|it is time|of course|obviously|unfortunately|hopefully",
};

const FRENCH: Lexicon = {
  numberWords:
    "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|millions?|milliards?|centaines?|milliers?|dizaines?|moitié",
  percent: "pour ?cent|points? de pourcentage",
  currencies:
    "dollars?|euros?|francs?(?: CFA)?|FCFA|livres? sterling|USD|EUR|XOF|nairas?|cedis?|dirhams?|yuans?|yens?|roupies?|roubles?",
  months: "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
  monthsCaseSensitive: false,
  weekdays: "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
  timeUnits: "ans?|années?|mois|semaines?|jours?|heures?|décennies?|siècles?",
  since: "depuis",
  vagueCount: "quelques|plusieurs|de nombreux|de nombreuses",
  frequency:
    "(?:chaque|par) (?:jour|semaine|mois|an|année|heure)|(?:tous les|toutes les) (?:jours|semaines|mois|ans|heures)",
  quantity: "plusieurs|nombreux|nombreuses|majorité|minorité|la plupart|(?:le|un) nombre de|des dizaines de",
  comparison:
    "plus de|moins de|plus que|moins que|au moins|au plus|par rapport à|comparé à|contre \\d|deux fois plus|deux fois moins|doublé|triplé|hausse|baisse|augmenté|diminué|progressé|reculé|chuté",
  superlative:
    "(?:le|la|les|des) (?:plus|moins) \\p{L}+|(?:le|la) (?:premier|première)(?! ministre)|(?:le|la) seule?|record|sans précédent|pour la première fois|(?:le|la) (?:pire|meilleure?)",
  causal:
    "parce que|parce qu['’]|à cause d[eu']|en raison d[eu']|du fait d[eu']|grâce à|a entraîné|entraîne|provoqué|provoque|a causé|causé|dû à|due à|dus à|dues à|suite à|à la suite d[eu']|par conséquent|s['’]explique par|conduit à|a conduit|imputable à|en conséquence",
  actionVerbs:
    "interdit|interdite|interdits|interdites|interdire|condamnée?s?|condamne|condamnent|estimée?|estime|estiment|estimait|déclarée?|déclare|déclarent|annoncée?|annonce|annoncent|promue?s?|dissous|dissoute?s?|dissoudre|suspendue?s?|suspendre|suspend|arrêtée?s?|tuée?s?|signée?s?|accusée?s?|accuse|accusent|dit|disent|affirmée?|affirme|affirment|indiqué|indique|rapporté|confirmé|confirme|démenti|dément|averti|lancée?|élue?s?|nommée?s?|démissionné|morte?s?|meurent|décédée?s?|refusée?|refuse|rejetée?|rejette|adoptée?|votée?|saisie?s?|attaquée?s?|détenue?s?|libérée?s?|expulsée?s?|emprisonnée?s?|exilée?s?|retirée?s?|capturée?s?|ordonné|fermée?s?",
  reportingVerbs:
    "dit|déclaré|déclare|affirmé|affirme|estimé|estime|indiqué|indique|expliqué|explique|souligné|souligne|ajouté|ajoute|annoncé|annonce|écrit|averti|rapporté|confirmé|démenti|précisé|précise|selon|d['’]après|lancé|martelé|assuré|assure|dénoncé|parlent|parle",
  titles:
    "président|présidente|premier ministre|ministre|colonel|général|capitaine|commandant|chef|roi|reine|sénateur|gouverneur|maire|ambassadeur|ambassadrice|porte-parole|secrétaire général|directeur|directrice|juge|procureur|imam|évêque|professeur",
  honorifics: "M|MM|Mme|Mmes|Mlle|Me|Dr|Pr",
  readerAddress: "vous|votre|vos|veuillez|n['’]hésitez",
  opinion:
    "je pense|je crois|nous pensons|à mon avis|selon moi|il faut|il faudrait|devrait|devraient|doit|doivent|il est temps|bien sûr|évidemment|hélas|malheureusement",
};

/** Joins the lists of several lexicons into one alternation per field. */
function mergeLexicons(lexicons: Lexicon[]): Lexicon {
  const field = (key: keyof Lexicon) => lexicons.map((lexicon) => lexicon[key]).join("|");
  return {
    numberWords: field("numberWords"),
    percent: field("percent"),
    currencies: field("currencies"),
    months: field("months"),
    monthsCaseSensitive: false,
    weekdays: field("weekdays"),
    timeUnits: field("timeUnits"),
    since: field("since"),
    vagueCount: field("vagueCount"),
    frequency: field("frequency"),
    quantity: field("quantity"),
    comparison: field("comparison"),
    superlative: field("superlative"),
    causal: field("causal"),
    actionVerbs: field("actionVerbs"),
    reportingVerbs: field("reportingVerbs"),
    titles: field("titles"),
    honorifics: field("honorifics"),
    readerAddress: field("readerAddress"),
    opinion: field("opinion"),
  };
}

interface Patterns {
  percentage: RegExp[];
  amount: RegExp[];
  date: RegExp[];
  duration: RegExp[];
  number: RegExp[];
  frequency: RegExp;
  quantity: RegExp;
  comparison: RegExp;
  superlative: RegExp;
  causal: RegExp;
  actionVerb: RegExp;
  reportingVerb: RegExp;
  title: RegExp;
  honorific: RegExp;
  /** A title or honorific right before the end of the text (with an optional full stop): "President ", "M. ". */
  titleBefore: RegExp[];
  readerAddress: RegExp;
  opinion: RegExp;
  monthOrWeekday: RegExp;
  currencyCode: RegExp;
}

/**
 * A figure: 12, 1,200, 12 500, 7.1, 9,1. It never starts inside another: not right after a digit, nor at a group of
 * exactly three digits after a separator that follows a figure (the "200" of "1,200"), where the match tried from
 * that figure's first digit already went. Without that rule every group of a long run ("1111,111,111,…",
 * "1 111 111 …") starts a new attempt that runs to the run's end: time growing with the square of the run (120 s for
 * 200,000 characters). A group after digits glued to a word ("Q3 100") is still tried, as are starts that cannot be
 * such a group ("In 2023 50%" finds "50%").
 */
const NUMBER = `(?<!\\d)(?!(?<=(?<![${LETTER}])\\d+[.,\\s])\\d{3}(?!\\d))\\d+(?:[.,\\s]\\d{3})*(?:[.,]\\d+)?`;

function compilePatterns(lexicon: Lexicon): Patterns {
  const numeric = `(?:${NUMBER}|${lexicon.numberWords})`;
  const months = `(?:${lexicon.months}|May(?= \\d))`;
  const monthFlags = lexicon.monthsCaseSensitive ? "gu" : "giu";
  const wordsWithFlags = (source: string, flags: string) =>
    new RegExp(`(?<![${LETTER}])(?:${source})(?![${LETTER}])`, flags);
  const year = "(?:19|20)\\d{2}";
  return {
    percentage: [new RegExp(`${NUMBER}\\s?%`, "gu"), words(`${numeric}\\s(?:${lexicon.percent})`, "%")],
    amount: [
      new RegExp(`[$€£¥₦]\\s?${NUMBER}(?:\\s?(?:bn|m|k|millions?|billions?|milliards?))?`, "gu"),
      words(`${numeric}(?:\\s(?:${lexicon.numberWords}))?\\s(?:d['’]|de\\s)?(?:${lexicon.currencies})`),
    ],
    date: [
      wordsWithFlags(
        `(?:\\d{1,2}(?:st|nd|rd|th|er)?\\s)?${months}(?:\\s\\d{1,2}(?:st|nd|rd|th)?,?)?(?:\\s${year})?`,
        monthFlags,
      ),
      wordsWithFlags(`${lexicon.weekdays}`, monthFlags),
      words(`${year}s?`, "\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}", `${year}-\\d{2}-\\d{2}`),
    ],
    duration: [
      words(`(?:${numeric}|${lexicon.vagueCount})[- ](?:${lexicon.timeUnits})['’]?`),
      wordsWithFlags(`(?:${lexicon.since})\\s(?:${year}|${months})`, "giu"),
    ],
    number: [new RegExp(`(?<!\\p{L})${NUMBER}`, "gu"), words(lexicon.numberWords)],
    frequency: words(lexicon.frequency),
    quantity: words(lexicon.quantity),
    comparison: words(lexicon.comparison),
    superlative: words(lexicon.superlative),
    causal: words(lexicon.causal),
    actionVerb: words(lexicon.actionVerbs),
    reportingVerb: words(lexicon.reportingVerbs),
    title: words(lexicon.titles),
    honorific: wordsWithFlags(lexicon.honorifics, "gu"),
    titleBefore: [
      new RegExp(`(?<![${LETTER}])(?:${lexicon.titles})\\s+$`, "iu"),
      new RegExp(`(?<![${LETTER}])(?:${lexicon.honorifics})\\.?\\s+$`, "u"),
    ],
    readerAddress: words(lexicon.readerAddress),
    opinion: words(lexicon.opinion),
    monthOrWeekday: new RegExp(`^(?:${lexicon.months}|May|${lexicon.weekdays})$`, "iu"),
    currencyCode: new RegExp(`^(?:${lexicon.currencies})$`, "iu"),
  };
}

const PATTERNS: Record<LexiconLanguage | "any", Patterns> = {
  en: compilePatterns(ENGLISH),
  fr: compilePatterns(FRENCH),
  any: compilePatterns(mergeLexicons([ENGLISH, FRENCH])),
};

/** The lexicon for a language tag ("en", "fr-FR"); other languages get English and French together. */
export function lexiconFor(language: string): LexiconLanguage | "any" {
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  return primary === "en" || primary === "fr" ? primary : "any";
}

/** Every signal of one sentence or clause. */
export function detectTraits(text: string, language: LexiconLanguage | "any"): TextTraits {
  const patterns = PATTERNS[language];
  const reasons = new Set<Reason>();
  const quoted = quotedRanges(text);
  const outsideQuotes = maskRanges(text, quoted);

  // Each layer blanks what it matched, so "26 March 2024" is a date and not also a number, and
  // "since 2012" a duration and not also a date.
  let remaining = text;
  const layers: [Reason, RegExp[]][] = [
    ["percentage", patterns.percentage],
    ["amount", patterns.amount],
    ["duration", patterns.duration],
    ["date", patterns.date],
    ["number", patterns.number],
  ];
  for (const [reason, layer] of layers) {
    for (const pattern of layer) {
      const matches = allMatches(pattern, remaining);
      if (matches.length === 0) continue;
      reasons.add(reason);
      remaining = maskRanges(
        remaining,
        matches.map((match) => ({ start: match.index, end: match.index + match[0].length })),
      );
    }
  }

  if (contains(patterns.frequency, text)) reasons.add("frequency");
  if (contains(patterns.quantity, text)) reasons.add("quantity");
  if (contains(patterns.comparison, text)) reasons.add("comparison");
  if (contains(patterns.superlative, text)) reasons.add("superlative");
  if (contains(patterns.causal, text)) reasons.add("causal");

  const names = namedEntities(text, patterns);
  const hasVerb = contains(patterns.actionVerb, outsideQuotes);
  const hasTitle = contains(patterns.title, outsideQuotes) || contains(patterns.honorific, outsideQuotes);
  if (hasVerb && (names.strong || names.weak || hasTitle)) {
    reasons.add("named_entity_with_verb");
  } else {
    if (names.strong) reasons.add("named_entity");
    if (hasVerb) reasons.add("action_verb");
  }

  const hasQuotation = quoted.some((range) => wordsIn(text.slice(range.start, range.end)) >= 2);
  if (hasQuotation && contains(patterns.reportingVerb, outsideQuotes)) reasons.add("attributed_quote");

  return {
    reasons,
    addressesReader: contains(patterns.readerAddress, text),
    isQuestion: /\?[\s»”"'’)]*$/u.test(text),
    isOpinion: contains(patterns.opinion, outsideQuotes),
  };
}

/**
 * Every match of a global pattern. Not String.prototype.matchAll: it copies the pattern on each call, which costs more
 * than the search itself on a short sentence, and a body can hold tens of thousands of short sentences.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === "") pattern.lastIndex++;
  }
  return matches;
}

function contains(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** Blanks sorted, non-overlapping ranges, keeping every other character where it was. */
function maskRanges(text: string, ranges: { start: number; end: number }[]): string {
  const parts: string[] = [];
  let position = 0;
  for (const { start, end } of ranges) {
    parts.push(text.slice(position, start), " ".repeat(end - start));
    position = end;
  }
  parts.push(text.slice(position));
  return parts.join("");
}

function wordsIn(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]/u;
const ACRONYM = /^\p{Lu}{2,}(?:-\p{Lu}+)*s?$/u;
const ROMAN_NUMERAL = /^[IVXLCDM]+$/;
const NAME_CONNECTORS = new Set([
  "of",
  "for",
  "de",
  "des",
  "du",
  "d",
  "la",
  "le",
  "les",
  "l",
  "al",
  "el",
  "bin",
  "ben",
  "van",
  "von",
  "der",
  "da",
  "dos",
]);
/** Capitalised only because they open a sentence: never the first word of a name. */
const SENTENCE_OPENERS = new Set([
  "the",
  "a",
  "an",
  "in",
  "on",
  "at",
  "by",
  "but",
  "and",
  "or",
  "so",
  "yet",
  "this",
  "these",
  "that",
  "those",
  "it",
  "its",
  "he",
  "she",
  "they",
  "we",
  "our",
  "their",
  "his",
  "her",
  "when",
  "after",
  "before",
  "since",
  "for",
  "if",
  "as",
  "while",
  "then",
  "today",
  "there",
  "here",
  "some",
  "every",
  "each",
  "all",
  "according",
  "le",
  "la",
  "les",
  "l",
  "un",
  "une",
  "des",
  "du",
  "de",
  "d",
  "ce",
  "cet",
  "cette",
  "ces",
  "en",
  "au",
  "aux",
  "dans",
  "mais",
  "et",
  "ou",
  "il",
  "elle",
  "ils",
  "elles",
  "nous",
  "on",
  "quand",
  "après",
  "avant",
  "depuis",
  "pour",
  "si",
  "comme",
  "alors",
  "puis",
  "aujourd",
  "selon",
  "chaque",
  "tous",
  "toutes",
  "sur",
  "par",
]);
const OPENING_MARKS = /(?:[«“"‘(\[:—–.!?]|(?:^|\s)['-])\s*$/u;
/** Enough text before a word to see the mark or title that precedes it. */
const LOOK_BEHIND = 40;

/**
 * Proper names by capitalisation. Strong: an acronym (UN, ECOWAS, CEDEAO), two or more capitalised words in
 * a row (optionally joined by "of", "de", "al"...), or a capitalised word after a title ("president Goïta").
 * Weak: a single capitalised word inside the sentence ("France", "Kidal"), which only counts next to an
 * action verb. The first word of a sentence, or after an opening quotation mark or a colon, is capitalised
 * anyway, so alone it is no name.
 */
function namedEntities(text: string, patterns: Patterns): { strong: boolean; weak: boolean } {
  const tokens = allMatches(TOKEN, text).map((match, position) => ({
    word: match[0],
    start: match.index,
    initial: position === 0 || OPENING_MARKS.test(text.slice(Math.max(0, match.index - LOOK_BEHIND), match.index)),
  }));
  const uppercaseShare = tokens.filter((token) => ACRONYM.test(token.word)).length / Math.max(tokens.length, 1);
  let strong = false;
  let weak = false;
  let run: typeof tokens = [];
  const closeRun = () => {
    let names = run;
    if (names[0]?.initial && SENTENCE_OPENERS.has(names[0].word.toLowerCase())) names = names.slice(1);
    const capitalised = names.filter((token) => CAPITALISED.test(token.word) || ACRONYM.test(token.word));
    if (capitalised.length >= 2) strong = true;
    else if (capitalised.length === 1 && !capitalised[0]!.initial) {
      const start = capitalised[0]!.start;
      const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
      if (patterns.titleBefore.some((pattern) => pattern.test(before))) strong = true;
      else weak = true;
    }
    run = [];
  };
  for (const token of tokens) {
    if (
      ACRONYM.test(token.word) &&
      !ROMAN_NUMERAL.test(token.word) &&
      !patterns.currencyCode.test(token.word) &&
      uppercaseShare < 0.5
    ) {
      strong = true;
    }
    const isName =
      (CAPITALISED.test(token.word) || ACRONYM.test(token.word)) &&
      token.word !== "I" &&
      !contains(patterns.monthOrWeekday, token.word);
    if (isName) run.push(token);
    else if (run.length > 0 && NAME_CONNECTORS.has(token.word.toLowerCase())) run.push(token);
    else closeRun();
  }
  closeRun();
  return { strong, weak };
}

/**
 * Spans inside quotation marks. A straight or curly single quote opens only after a space and before a
 * letter, and closes only when no letter follows, so apostrophes ("people's", "l’Imam") are not quotes.
 */
export function quotedRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  // Once a closing mark is missing after some point it is missing after every later one: remember it,
  // so a text full of unclosed quotes stays linear.
  const exhausted = new Set<string>();
  const findClosing = (closing: string, pattern: RegExp, from: number): number => {
    if (exhausted.has(closing)) return -1;
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) exhausted.add(closing);
    return match ? match.index : -1;
  };
  let index = 0;
  while (index < text.length) {
    const character = text[index]!;
    let end = -1;
    if (character === "‘") {
      end = findClosing("’", CLOSING_CURLY_SINGLE, index + 1);
    } else if (
      character === "'" &&
      /[\s(\[—–-]/u.test(text[index - 1] ?? " ") &&
      /[\p{L}\p{N}]/u.test(text[index + 1] ?? "")
    ) {
      end = findClosing("'", CLOSING_STRAIGHT_SINGLE, index + 1);
    } else if (character in DOUBLE_QUOTES) {
      const closing = DOUBLE_QUOTES[character]!;
      end = findClosing(closing, new RegExp(closing, "g"), index + 1);
    }
    if (end > index) {
      ranges.push({ start: index + 1, end });
      index = end + 1;
    } else {
      index++;
    }
  }
  return ranges;
}

const DOUBLE_QUOTES: Record<string, string> = { "«": "»", "“": "”", "„": "“", "‹": "›", '"': '"' };
const CLOSING_CURLY_SINGLE = /’(?![\p{L}\p{N}])/gu;
const CLOSING_STRAIGHT_SINGLE = /'(?![\p{L}\p{N}])/gu;
