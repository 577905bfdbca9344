import { Injectable } from '@nestjs/common';
import { TypeOrmUnitOfWork } from '@fluentpro/shared';
import { ReferenceDataRepository } from '../../application/ports/reference-data.repository';
import { ReferenceCatalog } from '../../domain/reference-catalog';
import {
  CommunicationPartnerRecord,
  HierarchyLevelRecord,
  IndustryRecord,
  LanguageRecord,
  ProficiencyLevelRecord,
  RoleRecord,
  SituationRecord,
} from './reference-data.orm-entities';

/** Reads the seeded reference data once per process (it changes only with a migration and a deploy). */
@Injectable()
export class TypeOrmReferenceDataRepository extends ReferenceDataRepository {
  private cached: Promise<ReferenceCatalog> | null = null;

  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  catalog(): Promise<ReferenceCatalog> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  private async load(): Promise<ReferenceCatalog> {
    const manager = this.unitOfWork.manager;
    const order = { order: { position: 'ASC' as const } };
    // One after the other: inside a transaction they would share one connection.
    const languages = await manager.find(LanguageRecord, order);
    const industries = await manager.find(IndustryRecord, order);
    const partners = await manager.find(CommunicationPartnerRecord, order);
    const situations = await manager.find(SituationRecord, order);
    const hierarchyLevels = await manager.find(HierarchyLevelRecord, order);
    const proficiencyLevels = await manager.find(ProficiencyLevelRecord, order);
    const roles = await manager.find(RoleRecord, order);
    const described = ({ id, name, description }: { id: string; name: string; description: string }) => ({
      id,
      name,
      description,
    });
    return new ReferenceCatalog({
      languages: languages.map(({ id, name, nativeName }) => ({ id, name, nativeName })),
      industries: industries.map(described),
      partners: partners.map(described),
      situations: situations.map(described),
      hierarchyLevels: hierarchyLevels.map(({ id, name }) => ({ id, name })),
      proficiencyLevels: proficiencyLevels.map(described),
      roles: roles.map(({ id, title, industryId, hierarchyLevelId, description, keywords }) => ({
        id,
        title,
        industryId,
        hierarchyLevelId,
        description,
        keywords,
      })),
    });
  }
}
