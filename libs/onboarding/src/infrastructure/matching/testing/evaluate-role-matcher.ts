import type { RoleCandidate, RoleMatcher } from '../../../application/ports/role-matcher';
import type { ReferenceData } from '../../../domain/reference-catalog';
import type { EvaluationCase } from './job-descriptions.evaluation-set';

export interface EvaluationOutcome {
  case: EvaluationCase;
  ranked: string[];
  rank: number | null;
}

export interface EvaluationReport {
  outcomes: EvaluationOutcome[];
  top1: number;
  top3: number;
  /** A table for the test output: one line per case, then the totals. */
  table: string;
}

/** Runs every case through a matcher over the catalog and measures top-1 and top-3 accuracy. */
export async function evaluateRoleMatcher(
  matcher: RoleMatcher,
  data: ReferenceData,
  cases: EvaluationCase[],
): Promise<EvaluationReport> {
  const candidates: RoleCandidate[] = data.roles.map((role) => ({ ...role, isCustom: false }));
  const outcomes: EvaluationOutcome[] = [];
  for (const evaluationCase of cases) {
    const matches = await matcher.match({
      jobTitle: evaluationCase.jobTitle,
      jobDescription: evaluationCase.jobDescription,
      industryId: evaluationCase.industryId,
      candidates,
      limit: 5,
    });
    const ranked = matches.map((match) => match.role.id);
    const index = ranked.indexOf(evaluationCase.expectedRoleId);
    outcomes.push({ case: evaluationCase, ranked, rank: index === -1 ? null : index + 1 });
  }
  const share = (k: number) =>
    outcomes.filter((o) => o.rank !== null && o.rank <= k).length / outcomes.length;
  const top1 = share(1);
  const top3 = share(3);
  const lines = outcomes.map(
    (o) =>
      `${o.rank === 1 ? 'top-1' : o.rank !== null && o.rank <= 3 ? 'top-3' : 'MISS '}  ` +
      `${o.case.jobTitle.padEnd(36)} expected ${o.case.expectedRoleId.padEnd(31)} got ${o.ranked.slice(0, 3).join(', ')}`,
  );
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  lines.push(
    `${outcomes.length} job descriptions: top-1 ${percent(top1)} ` +
      `(${Math.round(top1 * outcomes.length)}), top-3 ${percent(top3)} (${Math.round(top3 * outcomes.length)})`,
  );
  return { outcomes, top1, top3, table: lines.join('\n') };
}
