import { ValidationFailedError } from '@fluentpro/shared';

export interface Language {
  id: string;
  name: string;
  nativeName: string;
}

/** Industries, communication partners, situations and proficiency levels: an id, a name, a description. */
export interface DescribedItem {
  id: string;
  name: string;
  description: string;
}

export interface HierarchyLevel {
  id: string;
  name: string;
}

export interface CatalogRole {
  id: string;
  title: string;
  industryId: string;
  hierarchyLevelId: string;
  description: string;
  keywords: string[];
}

export interface ReferenceData {
  languages: Language[];
  industries: DescribedItem[];
  partners: DescribedItem[];
  situations: DescribedItem[];
  hierarchyLevels: HierarchyLevel[];
  proficiencyLevels: DescribedItem[];
  roles: CatalogRole[];
}

/** The message every "unknown id" failure carries: what was sent and every value that would be accepted. */
export function unknownChoiceMessage(label: string, value: string, valid: readonly string[]): string {
  const choices = valid.length > 0 ? valid.join(', ') : '(none)';
  return `"${value}" is not a valid ${label}. Valid values: ${choices}.`;
}

function indexById<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/**
 * The reference data every learner chooses from (seeded by migration, never changed at run time):
 * lookups by id that answer a ValidationFailedError naming the field and the valid values.
 */
export class ReferenceCatalog {
  private readonly languagesById: Map<string, Language>;
  private readonly industriesById: Map<string, DescribedItem>;
  private readonly partnersById: Map<string, DescribedItem>;
  private readonly situationsById: Map<string, DescribedItem>;
  private readonly hierarchyLevelsById: Map<string, HierarchyLevel>;
  private readonly proficiencyLevelsById: Map<string, DescribedItem>;
  private readonly rolesById: Map<string, CatalogRole>;

  constructor(readonly data: Readonly<ReferenceData>) {
    this.languagesById = indexById(data.languages);
    this.industriesById = indexById(data.industries);
    this.partnersById = indexById(data.partners);
    this.situationsById = indexById(data.situations);
    this.hierarchyLevelsById = indexById(data.hierarchyLevels);
    this.proficiencyLevelsById = indexById(data.proficiencyLevels);
    this.rolesById = indexById(data.roles);
  }

  language(id: string): Language | undefined {
    return this.languagesById.get(id);
  }
  industry(id: string): DescribedItem | undefined {
    return this.industriesById.get(id);
  }
  partner(id: string): DescribedItem | undefined {
    return this.partnersById.get(id);
  }
  situation(id: string): DescribedItem | undefined {
    return this.situationsById.get(id);
  }
  hierarchyLevel(id: string): HierarchyLevel | undefined {
    return this.hierarchyLevelsById.get(id);
  }
  proficiencyLevel(id: string): DescribedItem | undefined {
    return this.proficiencyLevelsById.get(id);
  }
  role(id: string): CatalogRole | undefined {
    return this.rolesById.get(id);
  }

  rolesIn(industryId: string): CatalogRole[] {
    return this.data.roles.filter((role) => role.industryId === industryId);
  }

  requireLanguage(id: string, field = 'native_language'): Language {
    return this.require(this.languagesById, id, field, 'native language');
  }
  requireIndustry(id: string, field = 'industry'): DescribedItem {
    return this.require(this.industriesById, id, field, 'industry');
  }
  requirePartner(id: string, field = 'partner_ids'): DescribedItem {
    return this.require(this.partnersById, id, field, 'communication partner');
  }
  requireSituation(id: string, field = 'situation_ids'): DescribedItem {
    return this.require(this.situationsById, id, field, 'situation');
  }
  requireHierarchyLevel(id: string, field = 'hierarchy_level'): HierarchyLevel {
    return this.require(this.hierarchyLevelsById, id, field, 'hierarchy level');
  }
  requireProficiencyLevel(id: string, field = 'proficiency_level'): DescribedItem {
    return this.require(this.proficiencyLevelsById, id, field, 'proficiency level');
  }

  private require<T>(items: Map<string, T>, id: string, field: string, label: string): T {
    const item = items.get(id);
    if (item === undefined) {
      throw new ValidationFailedError({ [field]: [unknownChoiceMessage(label, id, [...items.keys()])] });
    }
    return item;
  }
}
