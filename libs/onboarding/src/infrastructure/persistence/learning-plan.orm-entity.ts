import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LearningPlanBasis, LearningPlanItem } from '../../domain/learning-plan.aggregate';

@Entity({ name: 'onboarding_learning_plans' })
export class LearningPlanRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 }) userId: string;
  @Column({ type: 'varchar', length: 16 }) status: 'pending' | 'ready';
  @Column({ name: 'requested_at' }) requestedAt: Date;
  @Column({ type: 'simple-json' }) basis: LearningPlanBasis;
  @Column({ type: 'simple-json', nullable: true }) items: LearningPlanItem[] | null;
  @Column({ name: 'generated_at', nullable: true, type: Date }) generatedAt: Date | null;
  @Column({ name: 'updated_at' }) updatedAt: Date;
}
