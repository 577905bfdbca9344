import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The columns of every reference list: a stable slug id, a name and the position in the list. */
abstract class ReferenceRecord {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'integer' }) position: number;
}

abstract class DescribedReferenceRecord extends ReferenceRecord {
  @Column({ type: 'text' }) description: string;
}

@Entity({ name: 'onboarding_languages' })
export class LanguageRecord extends ReferenceRecord {
  @Column({ name: 'native_name', type: 'varchar', length: 100 }) nativeName: string;
}

@Entity({ name: 'onboarding_industries' })
export class IndustryRecord extends DescribedReferenceRecord {}

@Entity({ name: 'onboarding_communication_partners' })
export class CommunicationPartnerRecord extends DescribedReferenceRecord {}

@Entity({ name: 'onboarding_situations' })
export class SituationRecord extends DescribedReferenceRecord {}

@Entity({ name: 'onboarding_proficiency_levels' })
export class ProficiencyLevelRecord extends DescribedReferenceRecord {}

@Entity({ name: 'onboarding_hierarchy_levels' })
export class HierarchyLevelRecord extends ReferenceRecord {}

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
