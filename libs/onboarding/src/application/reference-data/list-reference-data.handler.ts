import { Injectable } from '@nestjs/common';
import { ReferenceDataRepository } from '../ports/reference-data.repository';

export interface LanguagesView {
  languages: { id: string; name: string; native_name: string }[];
}
export interface IndustriesView {
  industries: { id: string; name: string; description: string; role_count: number }[];
}
export interface PartnersView {
  communication_partners: { id: string; name: string; description: string }[];
}
export interface SituationsView {
  situations: { id: string; name: string; description: string }[];
}
export interface HierarchyLevelsView {
  hierarchy_levels: { id: string; name: string }[];
}
export interface ProficiencyLevelsView {
  proficiency_levels: { id: string; name: string; description: string }[];
}

const described = ({ id, name, description }: { id: string; name: string; description: string }) => ({
  id,
  name,
  description,
});

/** The public reference lists, in their seeded order. */
@Injectable()
export class ListReferenceDataHandler {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  async languages(): Promise<LanguagesView> {
    const { data } = await this.referenceData.catalog();
    return {
      languages: data.languages.map(({ id, name, nativeName }) => ({ id, name, native_name: nativeName })),
    };
  }

  async industries(): Promise<IndustriesView> {
    const catalog = await this.referenceData.catalog();
    return {
      industries: catalog.data.industries.map((industry) => ({
        ...described(industry),
        role_count: catalog.rolesIn(industry.id).length,
      })),
    };
  }

  async partners(): Promise<PartnersView> {
    const { data } = await this.referenceData.catalog();
    return { communication_partners: data.partners.map(described) };
  }

  async situations(): Promise<SituationsView> {
    const { data } = await this.referenceData.catalog();
    return { situations: data.situations.map(described) };
  }

  async hierarchyLevels(): Promise<HierarchyLevelsView> {
    const { data } = await this.referenceData.catalog();
    return { hierarchy_levels: data.hierarchyLevels.map(({ id, name }) => ({ id, name })) };
  }

  async proficiencyLevels(): Promise<ProficiencyLevelsView> {
    const { data } = await this.referenceData.catalog();
    return { proficiency_levels: data.proficiencyLevels.map(described) };
  }
}
