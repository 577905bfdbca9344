import { Injectable, Logger } from '@nestjs/common';
import {
  Clock,
  IntegrationEventHandler,
  ONBOARDING_EVENTS,
  OnboardingCompletedV1,
  RealtimePublisher,
  UnitOfWork,
} from '@fluentpro/shared';
import { OnboardingRealtimeEvents } from '../onboarding-realtime-events';
import { LearningPlanRepository } from '../ports/learning-plan.repository';
import { ReferenceDataRepository } from '../ports/reference-data.repository';

/**
 * Builds the learning plan requested by a completion (run by the worker). Idempotent: a plan already
 * built, superseded by a later completion or removed by a reset is left alone. Once a plan is stored,
 * the learner's open sockets hear `onboarding.learning-plan-ready` (through Redis from the worker).
 */
@Injectable()
export class BuildLearningPlanHandler extends IntegrationEventHandler<OnboardingCompletedV1> {
  readonly name = 'onboarding.build-learning-plan';
  readonly eventType = ONBOARDING_EVENTS.completed;
  private readonly logger = new Logger(BuildLearningPlanHandler.name);

  constructor(
    private readonly plans: LearningPlanRepository,
    private readonly referenceData: ReferenceDataRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly realtime: RealtimePublisher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async handle(event: OnboardingCompletedV1): Promise<void> {
    const catalog = await this.referenceData.catalog();
    const completedAt = new Date(event.payload.completedAt);
    const outcome = await this.unitOfWork.run(async () => {
      const plan = await this.plans.findByUserId(event.payload.userId);
      if (!plan || !plan.answers(completedAt)) return 'superseded';
      if (plan.status === 'ready') return 'already built';
      plan.build(catalog, this.clock.now());
      if (!(await this.plans.saveBuilt(plan))) return 'superseded';
      const ready = OnboardingRealtimeEvents.learningPlanReady(plan);
      this.unitOfWork.afterCommit(() => this.realtime.publish(event.payload.userId, ready));
      return 'built';
    });
    this.logger.log({ event_id: event.id, user_id: event.payload.userId, outcome }, 'Learning plan build');
  }
}
