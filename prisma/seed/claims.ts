/**
 * Seed claims for "The imperative of peace in Mali" (International Viewpoint,
 * IV592, 31 May 2024, translated from l'Anticapitaliste).
 *
 * Every `quote` is copied verbatim from ./article.txt; offsets are derived by
 * locating the `occurrence`-th (default: first) match of `quote` in that file
 * read as UTF-8 (JavaScript string indices). No verdicts or sources here: the
 * seed only lists what has to be checked. See docs/SEED-CLAIMS.md for the
 * selection rules, the excluded sentences and reviewer hints.
 */

export const TOPICS = [
  "Political transition",
  "Inter-Malian dialogue",
  "Repression and civil liberties",
  "Security and armed conflict",
  "Peace talks",
  "Humanitarian situation",
  "History",
] as const;

export type SeedTopic = (typeof TOPICS)[number];

export interface SeedClaim {
  /** Exact words of the article, verbatim (same characters, same apostrophes/quotes as the file). */
  quote: string;
  /** 1-based: which occurrence of `quote` in the article body, when it appears more than once. */
  occurrence?: number;
  /** The claim restated as ONE self-contained, checkable, neutral sentence. */
  statement: string;
  topic: SeedTopic;
  /** Who the article attributes the claim to, only when it does. Omit when the article asserts it itself. */
  attributedTo?: string;
}

export const seedClaims: SeedClaim[] = [
  // ── Paragraph 2: the end of the transition and the dialogue ──────────────
  {
    quote: "A few days after the end of the official transition",
    statement:
      "Mali's junta organised the inter-Malian dialogue a few days after the official end of the political transition on 26 March 2024.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "which was due to take place on 26 March 2024",
    statement:
      "The official end of Mali's political transition under the military junta was scheduled for 26 March 2024.",
    topic: "Political transition",
  },
  {
    quote: "the colonels who took power",
    statement: "The leaders of Mali's ruling junta were army colonels when they took power in a military coup.",
    topic: "Political transition",
  },
  {
    quote: "organised an inter-Malian dialogue",
    statement: "Mali's ruling military junta organised an inter-Malian dialogue in 2024.",
    topic: "Inter-Malian dialogue",
  },

  // ── Paragraph 3: repression ──────────────────────────────────────────────
  {
    quote: "which has just delivered its 300 proposals",
    statement: "The 2024 inter-Malian dialogue delivered 300 proposals shortly before the end of May 2024.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "Several civil society organisations have been banned",
    statement:
      "Several civil society organisations in Mali had been banned by the transitional authorities by May 2024.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "including the Association des élèves et étudiants du Mali",
    statement:
      "The Association des élèves et étudiants du Mali (AEEM), Mali's pupils' and students' association, has been banned by the transitional authorities.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "which played a leading role in bringing down the dictatorship of Moussa Traoré",
    statement:
      "The Association des élèves et étudiants du Mali played a leading role in bringing down the dictatorship of Moussa Traoré.",
    topic: "History",
  },
  {
    quote: "in 1992",
    statement: "The dictatorship of Moussa Traoré in Mali was brought down in 1992.",
    topic: "History",
  },
  {
    quote:
      "The Coordination des mouvements, associations et sympathisants de l'Imam Mahmoud Dicko has also been banned",
    statement:
      "The Coordination des mouvements, associations et sympathisants de l'Imam Mahmoud Dicko (CMAS) has been banned by Mali's transitional authorities.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "as has the Observatoire pour les élections et la bonne gouvernance, a civil society organisation",
    statement:
      "The Observatoire pour les élections et la bonne gouvernance, a Malian civil society organisation, has been banned by Mali's transitional authorities.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "The activities of political parties have been suspended",
    statement:
      "The activities of political parties in Mali had been suspended by the transitional authorities and were still suspended at the end of May 2024.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "some, such as Kaoural Renouveau, have been banned",
    statement:
      "Some Malian political parties, including Kaoural Renouveau, have been banned by the transitional authorities.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "Opponents are either in exile, like Oumar Mariko",
    statement: "Malian opposition politician Oumar Mariko was living in exile as of May 2024.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "or in prison, the latest being the economist Étienne Fakaba Sissoko",
    statement:
      "Étienne Fakaba Sissoko, an economist and opponent of Mali's junta, was in prison in May 2024 and was the most recent Malian opponent to be jailed.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "For writing a critical book",
    statement: "Étienne Fakaba Sissoko was convicted for writing a book critical of Mali's transitional authorities.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "he was sentenced to two years' imprisonment",
    statement: "A Malian court sentenced Étienne Fakaba Sissoko to two years' imprisonment in 2024.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "one of which was suspended",
    statement: "One of the two years of Étienne Fakaba Sissoko's prison sentence was suspended.",
    topic: "Repression and civil liberties",
  },

  // ── Paragraph 4: media and the SADI party ────────────────────────────────
  {
    quote: "The media are under pressure",
    statement: "The media in Mali were under pressure from the authorities as of May 2024.",
    topic: "Repression and civil liberties",
  },
  {
    quote: "an Amnesty International leader who spoke of a 'culture of self-censorship that is taking hold'",
    statement:
      "An Amnesty International official spoke of a 'culture of self-censorship that is taking hold' in the Malian media.",
    topic: "Repression and civil liberties",
    attributedTo: "An Amnesty International official",
  },
  {
    quote:
      "The transitional authorities were unsuccessful in their attempt to dissolve the radical left-wing SADI party",
    statement:
      "Mali's transitional authorities tried and failed to dissolve SADI, a radical left-wing political party.",
    topic: "Repression and civil liberties",
  },

  // ── Paragraph 5: the war ─────────────────────────────────────────────────
  {
    quote: "the junta's setbacks on the security front",
    statement: "Mali's junta had suffered setbacks on the security front as of May 2024.",
    topic: "Security and armed conflict",
  },
  {
    quote: "By denouncing the Algiers peace accords",
    statement: "Mali's junta denounced the Algiers peace accord with the armed groups of northern Mali.",
    topic: "Security and armed conflict",
  },
  {
    quote: "(2015)",
    statement:
      "The Algiers peace accord between the Malian state and armed groups of northern Mali was concluded in 2015.",
    topic: "History",
  },
  {
    quote: "had the merit of pacifying relations between Tuareg armed groups and the Malian armed forces",
    statement:
      "The 2015 Algiers peace accord pacified relations between Tuareg armed groups and the Malian armed forces.",
    topic: "Security and armed conflict",
  },
  {
    quote: "retaking by force the town of Kidal",
    statement: "Mali's junta retook the northern town of Kidal by military force.",
    topic: "Security and armed conflict",
  },
  {
    quote: "controlled by Tuareg rebels",
    statement: "Before Mali's armed forces retook it, the town of Kidal was controlled by Tuareg rebels.",
    topic: "Security and armed conflict",
  },
  {
    quote: "sealed a non-aggression alliance with jihadist groups linked to Al-Qaeda",
    statement:
      "Tuareg armed groups in northern Mali had sealed a non-aggression alliance with Al-Qaeda-linked jihadist groups by May 2024.",
    topic: "Security and armed conflict",
  },

  // ── Paragraph 6: the UN expert ───────────────────────────────────────────
  {
    quote:
      "the situation is worsening, as noted by a UN expert, with a 'rapid and continuing deterioration in security in almost all the regions of Mali'",
    statement:
      "A UN expert described a 'rapid and continuing deterioration in security in almost all the regions of Mali'.",
    topic: "Security and armed conflict",
    attributedTo: "A UN expert",
  },
  {
    quote: "which 'appear to be beyond the control of the Malian authorities'",
    statement:
      "A UN expert said that almost all the regions of Mali 'appear to be beyond the control of the Malian authorities'.",
    topic: "Security and armed conflict",
    attributedTo: "A UN expert",
  },

  // ── Paragraph 7: the dialogue's proposals ────────────────────────────────
  {
    quote: "the hand-picked participants in the dialogue",
    statement: "The participants in the 2024 inter-Malian dialogue were selected by Mali's ruling authorities.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "Extend the transition period from two to five years",
    statement:
      "The inter-Malian dialogue proposed extending Mali's political transition period from two to five years.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "Authorise transitional president Assimi Goïta to stand in the presidential elections",
    statement:
      "The inter-Malian dialogue proposed authorising Mali's transitional president, Assimi Goïta, to stand as a candidate in the presidential election.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "although no date has been set for this",
    statement: "As of May 2024, no date had been set for Mali's presidential election.",
    topic: "Political transition",
  },
  {
    quote: "To severely restrict the number of political parties",
    statement: "The inter-Malian dialogue proposed severely restricting the number of political parties in Mali.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "the promotion of the five coup colonels to the rank of general",
    statement:
      "The inter-Malian dialogue proposed promoting the five colonels who led the coup to the rank of general.",
    topic: "Inter-Malian dialogue",
  },

  // ── Paragraph 8: peace talks, humanitarian situation ─────────────────────
  {
    quote: "dissonant proposals have emerged, notably around the demand for the opening of peace talks",
    statement:
      "Proposals calling for the opening of peace talks with armed groups emerged within the 2024 inter-Malian dialogue.",
    topic: "Inter-Malian dialogue",
  },
  {
    quote: "These demands had already emerged in 2017 during the Conference of National Accord",
    statement:
      "Demands for the opening of peace talks with armed groups were made at Mali's Conference of National Accord in 2017.",
    topic: "Peace talks",
  },
  {
    quote: "At the time, France, with Barkhane, refused",
    statement:
      "In 2017, France, then conducting its military Operation Barkhane in the Sahel, refused the opening of peace talks with armed groups in Mali.",
    topic: "Peace talks",
  },
  {
    quote: "Today it is the junta that is opposed",
    statement: "As of May 2024, Mali's junta was opposed to opening peace talks with armed groups.",
    topic: "Peace talks",
  },
  {
    quote: "UNICEF estimates that 7.1 million people",
    statement: "UNICEF estimates that 7.1 million people in Mali need humanitarian assistance.",
    topic: "Humanitarian situation",
    attributedTo: "UNICEF",
  },
  {
    quote: "more than half of them children",
    statement:
      "According to UNICEF, more than half of the 7.1 million people in Mali who need humanitarian assistance are children.",
    topic: "Humanitarian situation",
    attributedTo: "UNICEF",
  },
  {
    quote: "Every week, civilians die caught between armed groups and Malian forces",
    statement: "Civilians in Mali are killed every week, caught between armed groups and the Malian armed forces.",
    topic: "Security and armed conflict",
  },
  {
    quote: "their Wagner auxiliaries",
    statement: "Fighters of the Russian Wagner group operate in Mali as auxiliaries of the Malian armed forces.",
    topic: "Security and armed conflict",
  },
];
