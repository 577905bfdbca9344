import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'onboarding_languages' })
export class LanguageRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'native_name', type: 'varchar', length: 100 }) nativeName: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity({ name: 'onboarding_industries' })
export class IndustryRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity({ name: 'onboarding_communication_partners' })
export class CommunicationPartnerRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity({ name: 'onboarding_situations' })
export class SituationRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity({ name: 'onboarding_hierarchy_levels' })
export class HierarchyLevelRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity({ name: 'onboarding_proficiency_levels' })
export class ProficiencyLevelRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'integer' }) position: number;
}

@Entity({ name: 'onboarding_roles' })
export class RoleRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ name: 'industry_id', type: 'varchar', length: 64 }) industryId: string;
  @Column({ name: 'hierarchy_level_id', type: 'varchar', length: 64 }) hierarchyLevelId: string;
  @Column({ type: 'varchar', length: 200 }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'simple-json' }) keywords: string[];
  @Column({ type: 'integer' }) position: number;
}
