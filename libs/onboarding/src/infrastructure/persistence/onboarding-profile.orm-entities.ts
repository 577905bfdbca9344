import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'onboarding_profiles' })
export class OnboardingProfileRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 }) userId: string;
  @Column({ name: 'native_language_id', type: 'varchar', length: 64, nullable: true })
  nativeLanguageId: string | null;
  @Column({ name: 'industry_id', type: 'varchar', length: 64, nullable: true }) industryId: string | null;
  @Column({ name: 'role_id', type: 'varchar', length: 64, nullable: true }) roleId: string | null;
  @Column({ name: 'custom_role_id', type: 'varchar', length: 36, nullable: true }) customRoleId:
    string | null;
  @Column({ name: 'proficiency_level_id', type: 'varchar', length: 64, nullable: true })
  proficiencyLevelId: string | null;
  @Column({ name: 'learning_goals', type: 'simple-json', nullable: true }) learningGoals: string[] | null;
  @Column({ name: 'daily_minutes', type: 'integer', nullable: true }) dailyMinutes: number | null;
  @Column({ name: 'is_complete', type: 'boolean' }) isComplete: boolean;
  @Column({ name: 'completed_at', nullable: true, type: Date }) completedAt: Date | null;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'created_at' }) createdAt: Date;
  @Column({ name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'onboarding_custom_roles' })
export class CustomRoleRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Column({ name: 'user_id', type: 'varchar', length: 64 }) userId: string;
  @Column({ name: 'industry_id', type: 'varchar', length: 64 }) industryId: string;
  @Column({ name: 'hierarchy_level_id', type: 'varchar', length: 64, nullable: true })
  hierarchyLevelId: string | null;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'created_at' }) createdAt: Date;
  @Column({ name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'onboarding_profile_partners' })
export class ProfilePartnerRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 }) userId: string;
  @PrimaryColumn({ name: 'partner_id', type: 'varchar', length: 64 }) partnerId: string;
  @Column({ type: 'integer' }) priority: number;
}

@Entity({ name: 'onboarding_profile_situations' })
export class ProfileSituationRecord {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 64 }) userId: string;
  @PrimaryColumn({ name: 'partner_id', type: 'varchar', length: 64 }) partnerId: string;
  @PrimaryColumn({ type: 'integer' }) priority: number;
  @Column({ name: 'situation_id', type: 'varchar', length: 64, nullable: true }) situationId: string | null;
  @Column({ name: 'custom_situation_id', type: 'varchar', length: 36, nullable: true })
  customSituationId: string | null;
  @Column({ name: 'custom_name', type: 'varchar', length: 100, nullable: true }) customName: string | null;
}
