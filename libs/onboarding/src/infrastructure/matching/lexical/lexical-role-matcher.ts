import { Injectable } from '@nestjs/common';
import {
  candidatesInIndustry,
  RoleCandidate,
  RoleMatch,
  RoleMatcher,
  RoleMatchQuery,
  topMatches,
} from '../../../application/ports/role-matcher';
import { TextAnalyzer } from './text-analyzer';

/** BM25 saturation and length normalisation (the usual defaults). */
const K1 = 1.2;
const B = 0.75;

/** How much a term found in each field of a role counts (BM25F). */
const FIELD_WEIGHTS = { title: 3, keywords: 2, description: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
const FIELDS = Object.keys(FIELD_WEIGHTS) as Field[];

/** The learner's job title says more per word than their description. */
const QUERY_TITLE_WEIGHT = 2;
const QUERY_DESCRIPTION_CAP = 2;

type FieldTerms = Record<Field, Map<string, number>>;
interface AnalyzedRole {
  role: RoleCandidate;
  fields: FieldTerms;
  lengths: Record<Field, number>;
}

function counts(terms: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of terms) map.set(term, (map.get(term) ?? 0) + 1);
  return map;
}

/**
 * The default role matcher, with no network: ranked lexical retrieval (BM25F over title, keywords
 * and description) of the candidate roles of the learner's industry, with stemming and synonyms.
 *
 * A role's score is the sum over query terms of weight × idf × saturated field-weighted term
 * frequency; it is divided by the sum of weight × idf over the query terms that occur in any
 * candidate (the score of a role that had all of them abundantly), which puts it in [0, 1).
 */
@Injectable()
export class LexicalRoleMatcher extends RoleMatcher {
  private readonly analyzers = new Map<string, TextAnalyzer>();

  match(query: RoleMatchQuery): Promise<RoleMatch[]> {
    return Promise.resolve(this.rank(query));
  }

  rank(query: RoleMatchQuery): RoleMatch[] {
    const analyzer = this.analyzer(query.industryId);
    const roles = candidatesInIndustry(query).map((role) => this.analyzeRole(role, analyzer));
    if (roles.length === 0) return [];

    const averageLength = {} as Record<Field, number>;
    for (const field of FIELDS)
      averageLength[field] = Math.max(
        1,
        roles.reduce((sum, role) => sum + role.lengths[field], 0) / roles.length,
      );

    const queryWeights = new Map<string, number>();
    for (const term of new Set(analyzer.analyze(query.jobTitle))) queryWeights.set(term, QUERY_TITLE_WEIGHT);
    for (const [term, count] of counts(analyzer.analyze(query.jobDescription)))
      queryWeights.set(term, (queryWeights.get(term) ?? 0) + Math.min(count, QUERY_DESCRIPTION_CAP));

    let ideal = 0;
    const scores = roles.map(() => 0);
    for (const [term, weight] of queryWeights) {
      const frequencies = roles.map((role) => this.weightedFrequency(role, term, averageLength));
      const documentFrequency = frequencies.filter((frequency) => frequency > 0).length;
      if (documentFrequency === 0) continue;
      const idf = Math.log(1 + (roles.length - documentFrequency + 0.5) / (documentFrequency + 0.5));
      ideal += weight * idf;
      frequencies.forEach((frequency, index) => {
        scores[index] += (weight * idf * frequency) / (K1 + frequency);
      });
    }
    if (ideal === 0) return [];
    return topMatches(
      roles.map((analyzed, index) => ({ role: analyzed.role, score: scores[index] / ideal })),
      query.limit,
    );
  }

  private weightedFrequency(role: AnalyzedRole, term: string, averageLength: Record<Field, number>): number {
    let frequency = 0;
    for (const field of FIELDS) {
      const count = role.fields[field].get(term);
      if (!count) continue;
      const norm = 1 - B + (B * role.lengths[field]) / averageLength[field];
      frequency += (FIELD_WEIGHTS[field] * count) / norm;
    }
    return frequency;
  }

  private analyzeRole(role: RoleCandidate, analyzer: TextAnalyzer): AnalyzedRole {
    const fields: FieldTerms = {
      title: counts(analyzer.analyze(role.title)),
      keywords: counts(role.keywords.flatMap((keyword) => analyzer.analyze(keyword))),
      description: counts(analyzer.analyze(role.description)),
    };
    const lengths = {} as Record<Field, number>;
    for (const field of FIELDS) lengths[field] = [...fields[field].values()].reduce((sum, n) => sum + n, 0);
    return { role, fields, lengths };
  }

  private analyzer(industryId: string): TextAnalyzer {
    let analyzer = this.analyzers.get(industryId);
    if (!analyzer) {
      analyzer = new TextAnalyzer(industryId);
      this.analyzers.set(industryId, analyzer);
    }
    return analyzer;
  }
}
