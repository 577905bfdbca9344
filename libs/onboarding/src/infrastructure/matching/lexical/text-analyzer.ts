import stem from 'wink-porter2-stemmer';
import { INDUSTRY_SYNONYMS, PHRASES, STOPWORDS, SYNONYMS, WORD_FORMS } from './lexicon';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

function baseTerm(word: string): string {
  return WORD_FORMS[word] ?? stem(word);
}

function synonymMap(groups: ReadonlyArray<readonly string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const canonical = baseTerm(group[0]);
    for (const word of group) map.set(baseTerm(word), canonical);
  }
  return map;
}

/**
 * Turns free text into index terms: lower case without accents, phrases folded, tokens without
 * stopwords and numbers, stems (Porter2), synonyms read as one term, plus the bigrams of adjacent
 * terms (so "general manager" counts more than "general" and "manager" apart).
 */
export class TextAnalyzer {
  private readonly synonyms: Map<string, string>;

  constructor(industryId?: string) {
    this.synonyms = synonymMap([...SYNONYMS, ...(industryId ? (INDUSTRY_SYNONYMS[industryId] ?? []) : [])]);
  }

  /** Unigram terms in text order. */
  terms(text: string): string[] {
    let normalised = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
    for (const [pattern, replacement] of PHRASES) normalised = normalised.replace(pattern, replacement);
    const terms: string[] = [];
    for (const token of normalised.split(/[^a-z0-9]+/)) {
      if (token.length < 2 || STOPWORDS.has(token) || /^\d+[a-z]{0,2}$/.test(token)) continue;
      const base = baseTerm(token);
      terms.push(this.synonyms.get(base) ?? base);
    }
    return terms;
  }

  /** Unigrams followed by bigrams (`a b` as `a_b`). */
  analyze(text: string): string[] {
    const unigrams = this.terms(text);
    const bigrams = unigrams.slice(1).map((term, index) => `${unigrams[index]}_${term}`);
    return [...unigrams, ...bigrams];
  }
}
