import { Injectable } from '@nestjs/common';
import { TypeOrmUnitOfWork } from '@fluentpro/shared';
import { OnboardingProfileRepository } from '../../application/ports/onboarding-profile.repository';
import { StaleOnboardingProfileError } from '../../domain/onboarding.errors';
import type { OnboardingProfile } from '../../domain/onboarding-profile.aggregate';
import { OnboardingProfileMapper } from './onboarding-profile.mapper';
import {
  CustomRoleRecord,
  OnboardingProfileRecord,
  ProfilePartnerRecord,
  ProfileSituationRecord,
} from './onboarding-profile.orm-entities';

/**
 * The profile row carries a version; saving first moves it on from the version the aggregate was
 * loaded at (which also locks the row on PostgreSQL until commit), then rewrites the answers.
 */
@Injectable()
export class TypeOrmOnboardingProfileRepository extends OnboardingProfileRepository {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  private get manager() {
    return this.unitOfWork.manager;
  }

  async findByUserId(userId: string): Promise<OnboardingProfile | null> {
    const profile = await this.manager.findOneBy(OnboardingProfileRecord, { userId });
    if (!profile) return null;
    // One after the other: inside a transaction they share one connection.
    const customRoles = await this.manager.find(CustomRoleRecord, {
      where: { userId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const partners = await this.manager.findBy(ProfilePartnerRecord, { userId });
    const situations = await this.manager.findBy(ProfileSituationRecord, { userId });
    return OnboardingProfileMapper.toDomain({ profile, customRoles, partners, situations });
  }

  async insertIfAbsent(aggregate: OnboardingProfile): Promise<boolean> {
    const { profile } = OnboardingProfileMapper.toRows(aggregate);
    const result = await this.manager
      .createQueryBuilder()
      .insert()
      .into(OnboardingProfileRecord)
      .values(profile)
      .orIgnore()
      .execute();
    return this.insertedRows(result.raw) > 0;
  }

  async save(aggregate: OnboardingProfile): Promise<void> {
    const rows = OnboardingProfileMapper.toRows(aggregate);
    const { userId, version } = rows.profile;
    const claimed = await this.manager.update(
      OnboardingProfileRecord,
      { userId, version },
      { version: version + 1 },
    );
    if ((claimed.affected ?? 0) !== 1) throw new StaleOnboardingProfileError();

    if (rows.customRoles.length > 0)
      await this.manager.upsert(CustomRoleRecord, rows.customRoles, { conflictPaths: ['id'] });
    const { userId: _id, version: _version, ...answers } = rows.profile;
    await this.manager.update(OnboardingProfileRecord, { userId }, answers);
    await this.manager.delete(ProfilePartnerRecord, { userId });
    if (rows.partners.length > 0) await this.manager.insert(ProfilePartnerRecord, rows.partners);
    if (rows.situations.length > 0) await this.manager.insert(ProfileSituationRecord, rows.situations);
  }

  /** PostgreSQL answers the inserted rows, better-sqlite3 a change count. */
  private insertedRows(raw: unknown): number {
    if (Array.isArray(raw)) return raw.length;
    const changes = (raw as { changes?: unknown } | undefined)?.changes;
    return typeof changes === 'number' ? changes : 0;
  }
}
