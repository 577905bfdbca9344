import { LearningPlan } from '../../domain/learning-plan.aggregate';
import { LearningPlanRecord } from './learning-plan.orm-entity';

export const LearningPlanMapper = {
  toDomain(record: LearningPlanRecord): LearningPlan {
    return LearningPlan.restore({
      userId: record.userId,
      status: record.status,
      requestedAt: record.requestedAt,
      basis: record.basis,
      items: record.items,
      generatedAt: record.generatedAt,
    });
  },

  toRecord(plan: LearningPlan, now: Date): LearningPlanRecord {
    const state = plan.snapshot();
    return Object.assign(new LearningPlanRecord(), { ...state, updatedAt: now });
  },
};
