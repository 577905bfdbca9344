import { REFERENCE_DATA_V1 } from '../../persistence/migrations/reference-data.v1';
import { evaluateRoleMatcher } from '../testing/evaluate-role-matcher';
import { JOB_DESCRIPTION_EVALUATION_SET } from '../testing/job-descriptions.evaluation-set';
import { LexicalRoleMatcher } from './lexical-role-matcher';

describe('LexicalRoleMatcher on the evaluation set of learners’ job descriptions', () => {
  it('puts the expected role in the top 3 for at least 90% of them (top-1 and top-3 printed)', async () => {
    const report = await evaluateRoleMatcher(
      new LexicalRoleMatcher(),
      REFERENCE_DATA_V1,
      JOB_DESCRIPTION_EVALUATION_SET,
    );
    console.log(`Role matching evaluation (lexical BM25F):\n${report.table}`);
    expect(JOB_DESCRIPTION_EVALUATION_SET.length).toBeGreaterThanOrEqual(30);
    for (const industry of REFERENCE_DATA_V1.industries) {
      expect(
        JOB_DESCRIPTION_EVALUATION_SET.filter((c) => c.industryId === industry.id).length,
      ).toBeGreaterThanOrEqual(5);
    }
    expect(report.top3).toBeGreaterThanOrEqual(0.9);
  });
});
