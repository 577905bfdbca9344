import { Injectable } from '@nestjs/common';
import { Clock, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { LearningPlanRepository } from '../../application/ports/learning-plan.repository';
import type { LearningPlan } from '../../domain/learning-plan.aggregate';
import { LearningPlanMapper } from './learning-plan.mapper';
import { LearningPlanRecord } from './learning-plan.orm-entity';

@Injectable()
export class TypeOrmLearningPlanRepository extends LearningPlanRepository {
  constructor(
    private readonly unitOfWork: TypeOrmUnitOfWork,
    private readonly clock: Clock,
  ) {
    super();
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(LearningPlanRecord);
  }

  async findByUserId(userId: string): Promise<LearningPlan | null> {
    const record = await this.records.findOneBy({ userId });
    return record ? LearningPlanMapper.toDomain(record) : null;
  }

  async savePending(plan: LearningPlan): Promise<void> {
    await this.records.upsert(LearningPlanMapper.toRecord(plan, this.clock.now()), {
      conflictPaths: ['userId'],
    });
  }

  async saveBuilt(plan: LearningPlan): Promise<boolean> {
    // The row is locked (PostgreSQL; SQLite transactions are serialised) while the request is checked.
    const query = this.records
      .createQueryBuilder('plan')
      .where('plan.user_id = :userId', { userId: plan.userId });
    if (this.unitOfWork.dialect === 'postgres') query.setLock('pessimistic_write');
    const current = await query.getOne();
    if (!current || current.requestedAt.getTime() !== plan.requestedAt.getTime()) return false;
    const { status, items, generatedAt } = plan.snapshot();
    await this.records.update(
      { userId: plan.userId },
      { status, items, generatedAt, updatedAt: this.clock.now() },
    );
    return true;
  }

  async deleteByUserId(userId: string): Promise<void> {
    await this.records.delete({ userId });
  }
}
