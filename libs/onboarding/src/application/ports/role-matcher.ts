/** A role a learner may hold: a catalog role or one of the learner's own custom roles. */
export interface RoleCandidate {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  industryId: string;
  hierarchyLevelId: string | null;
  isCustom: boolean;
}

export interface RoleMatchQuery {
  jobTitle: string;
  jobDescription: string;
  /** Only candidates of this industry are ranked. */
  industryId: string;
  /** The catalog roles plus the asking learner's own custom roles (never anyone else's). */
  candidates: RoleCandidate[];
  limit: number;
}

export interface RoleMatch {
  role: RoleCandidate;
  /** Relevance in [0, 1]; higher is better. */
  score: number;
}

/**
 * Ranks candidate roles against a learner's own description of their job, best first, at most
 * `limit`, leaving out roles with no evidence at all (score 0).
 */
export abstract class RoleMatcher {
  abstract match(query: RoleMatchQuery): Promise<RoleMatch[]>;
}

/** The industry filter every matcher applies. */
export function candidatesInIndustry(query: RoleMatchQuery): RoleCandidate[] {
  return query.candidates.filter((candidate) => candidate.industryId === query.industryId);
}

/** Best first, ties broken by catalog order, scores clamped to [0, 1], zero scores dropped. */
export function topMatches(scored: RoleMatch[], limit: number): RoleMatch[] {
  return scored
    .map((match, order) => ({ ...match, score: Math.min(1, Math.max(0, match.score)), order }))
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ role, score }) => ({ role, score }));
}
