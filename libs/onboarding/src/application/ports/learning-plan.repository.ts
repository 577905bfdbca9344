import type { LearningPlan } from '../../domain/learning-plan.aggregate';

export abstract class LearningPlanRepository {
  abstract findByUserId(userId: string): Promise<LearningPlan | null>;
  /** Replaces the learner's plan with a pending one (a new completion supersedes the old plan). */
  abstract savePending(plan: LearningPlan): Promise<void>;
  /**
   * Stores a built plan if the stored request is still the one it was built for (a later completion
   * or a reset wins); true when stored. Call inside UnitOfWork.run.
   */
  abstract saveBuilt(plan: LearningPlan): Promise<boolean>;
  abstract deleteByUserId(userId: string): Promise<void>;
}
