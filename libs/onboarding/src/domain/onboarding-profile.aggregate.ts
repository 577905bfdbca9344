import { randomUUID } from 'node:crypto';
import { ValidationCollector, ValidationFailedError } from '@fluentpro/shared';
import {
  IndustryRequiredError,
  OnboardingIncompleteError,
  PartnerNotSelectedError,
} from './onboarding.errors';
import { OnboardingStep, Progress, progressOf, REQUIRED_STEPS } from './onboarding-steps';
import { ReferenceCatalog, unknownChoiceMessage } from './reference-catalog';
import {
  checkLength,
  findDuplicate,
  lengthMessage,
  normaliseText as normalise,
  sameText,
} from './text-rules';

/** Sizes the contract allows; the HTTP layer reports them too, the aggregate enforces them. */
export const ONBOARDING_LIMITS = {
  jobTitle: { min: 2, max: 200 },
  jobDescription: { min: 10, max: 1000 },
  customRoleTitle: { min: 2, max: 200 },
  customRoleDescription: { min: 10, max: 1000 },
  partners: { min: 1, max: 7 },
  situationIds: { max: 15 },
  customSituations: { max: 10 },
  customSituationName: { min: 2, max: 100 },
  goals: { max: 10 },
  goal: { min: 2, max: 200 },
  dailyMinutes: { min: 5, max: 240 },
} as const;

/** A role the learner described themselves; it belongs to them and is offered to nobody else. */
export interface CustomRole {
  id: string;
  industryId: string;
  title: string;
  description: string;
  hierarchyLevelId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type RoleSelection = { kind: 'catalog'; roleId: string } | { kind: 'custom'; customRoleId: string };

export type SituationSelection =
  { kind: 'catalog'; situationId: string } | { kind: 'custom'; id: string; name: string };

/** A communication partner the learner speaks English with; order in the list is priority. */
export interface PartnerSelection {
  partnerId: string;
  situations: SituationSelection[];
}

export interface LearningPreferences {
  proficiencyLevelId: string;
  goals: string[];
  dailyMinutes: number;
}

export interface OnboardingProfileState {
  userId: string;
  nativeLanguageId: string | null;
  industryId: string | null;
  role: RoleSelection | null;
  customRoles: CustomRole[];
  partners: PartnerSelection[];
  preferences: LearningPreferences | null;
  isComplete: boolean;
  /** When onboarding was last completed; kept after a later change so the history is visible. */
  completedAt: Date | null;
  /** Optimistic concurrency: the version this state was loaded at. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface CustomRoleInput {
  title: string;
  description: string;
  hierarchyLevelId?: string | null;
}

export interface LearningPreferencesInput {
  proficiencyLevelId: string;
  goals: string[];
  dailyMinutes: number;
}

/** A deep copy (Dates are never mutated, so they are shared). */
function copyState(state: OnboardingProfileState): OnboardingProfileState {
  return {
    ...state,
    role: state.role && { ...state.role },
    customRoles: state.customRoles.map((role) => ({ ...role })),
    partners: state.partners.map((partner) => ({
      partnerId: partner.partnerId,
      situations: partner.situations.map((situation) => ({ ...situation })),
    })),
    preferences: state.preferences && { ...state.preferences, goals: [...state.preferences.goals] },
  };
}

/**
 * One learner's onboarding: their answers, the clean-ups that keep them consistent, completion and
 * progress. Changing any answer after completion reopens it, so completing again rebuilds the plan.
 */
export class OnboardingProfile {
  private changed = false;

  private constructor(private state: OnboardingProfileState) {}

  static start(userId: string, now: Date): OnboardingProfile {
    return new OnboardingProfile({
      userId,
      nativeLanguageId: null,
      industryId: null,
      role: null,
      customRoles: [],
      partners: [],
      preferences: null,
      isComplete: false,
      completedAt: null,
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
  }

  static restore(state: OnboardingProfileState): OnboardingProfile {
    return new OnboardingProfile(copyState(state));
  }

  chooseNativeLanguage(languageId: string, catalog: ReferenceCatalog, now: Date): void {
    catalog.requireLanguage(languageId);
    if (this.state.nativeLanguageId === languageId) return;
    this.state.nativeLanguageId = languageId;
    this.touch(now);
  }

  /** A new industry clears a chosen role that belongs to another industry. */
  chooseIndustry(industryId: string, catalog: ReferenceCatalog, now: Date): void {
    catalog.requireIndustry(industryId);
    if (this.state.industryId === industryId) return;
    this.state.industryId = industryId;
    if (this.state.role && this.roleIndustry(this.state.role, catalog) !== industryId) this.state.role = null;
    this.touch(now);
  }

  /** A catalog role of the learner's industry, or one of the learner's own custom roles there. */
  chooseRole(roleId: string, catalog: ReferenceCatalog, now: Date): void {
    const industryId = this.requireIndustry();
    const custom = this.customRolesIn(industryId).find((role) => role.id === roleId);
    const catalogRole = catalog.role(roleId);
    let selection: RoleSelection;
    if (custom) selection = { kind: 'custom', customRoleId: custom.id };
    else if (catalogRole?.industryId === industryId) selection = { kind: 'catalog', roleId };
    else {
      const valid = [...catalog.rolesIn(industryId), ...this.customRolesIn(industryId)].map((r) => r.id);
      throw new ValidationFailedError({
        role_id: [unknownChoiceMessage(`role for industry "${industryId}"`, roleId, valid)],
      });
    }
    if (this.sameRole(this.state.role, selection)) return;
    this.state.role = selection;
    this.touch(now);
  }

  /**
   * Describes the learner's own role in their industry and selects it. A custom role with the same
   * title in the same industry is updated rather than duplicated.
   */
  defineCustomRole(input: CustomRoleInput, catalog: ReferenceCatalog, now: Date): CustomRole {
    const industryId = this.requireIndustry();
    const title = normalise(input.title);
    const description = normalise(input.description);
    const hierarchyLevelId = input.hierarchyLevelId ?? null;
    const errors = new ValidationCollector();
    checkLength(errors, 'custom_title', 'Custom title', title, ONBOARDING_LIMITS.customRoleTitle);
    checkLength(
      errors,
      'custom_description',
      'Custom description',
      description,
      ONBOARDING_LIMITS.customRoleDescription,
    );
    if (hierarchyLevelId !== null)
      errors.attempt('hierarchy_level', () => catalog.requireHierarchyLevel(hierarchyLevelId));
    errors.throwIfAny();

    let role = this.customRolesIn(industryId).find((existing) => sameText(existing.title, title));
    let roleChanged = true;
    if (!role) {
      role = {
        id: randomUUID(),
        industryId,
        title,
        description,
        hierarchyLevelId,
        createdAt: now,
        updatedAt: now,
      };
      this.state.customRoles.push(role);
    } else if (
      role.title !== title ||
      role.description !== description ||
      role.hierarchyLevelId !== hierarchyLevelId
    ) {
      Object.assign(role, { title, description, hierarchyLevelId, updatedAt: now });
    } else {
      roleChanged = false;
    }
    const selection: RoleSelection = { kind: 'custom', customRoleId: role.id };
    if (roleChanged || !this.sameRole(this.state.role, selection)) {
      this.state.role = selection;
      this.touch(now);
    }
    return { ...role };
  }

  /** Order is priority. Partners kept keep their situations; a removed partner's situations go. */
  choosePartners(partnerIds: string[], catalog: ReferenceCatalog, now: Date): void {
    const errors = new ValidationCollector();
    const { min, max } = ONBOARDING_LIMITS.partners;
    if (partnerIds.length < min || partnerIds.length > max)
      errors.add('partner_ids', `Choose between ${min} and ${max} communication partners.`);
    const duplicate = findDuplicate(partnerIds, (a, b) => a === b);
    if (duplicate !== undefined) errors.add('partner_ids', `"${duplicate}" is listed more than once.`);
    for (const id of new Set(partnerIds)) errors.attempt('partner_ids', () => catalog.requirePartner(id));
    errors.throwIfAny();

    const previous = new Map(this.state.partners.map((partner) => [partner.partnerId, partner]));
    const next = partnerIds.map((partnerId) => previous.get(partnerId) ?? { partnerId, situations: [] });
    const unchanged =
      next.length === this.state.partners.length &&
      next.every((partner, index) => partner.partnerId === this.state.partners[index].partnerId);
    if (unchanged) return;
    this.state.partners = next;
    this.touch(now);
  }

  /**
   * The situations in which the learner speaks with one selected partner: catalog situations first,
   * then the learner's own, in priority order. Custom situations keep their id when re-sent.
   */
  chooseSituations(
    partnerId: string,
    situationIds: string[],
    customSituations: string[],
    catalog: ReferenceCatalog,
    now: Date,
  ): void {
    const partner = this.state.partners.find((candidate) => candidate.partnerId === partnerId);
    if (!partner) throw new PartnerNotSelectedError(partnerId);
    const names = customSituations.map(normalise);
    const errors = new ValidationCollector();
    if (situationIds.length + names.length === 0)
      errors.add('situation_ids', 'Choose at least one situation or describe one of your own.');
    if (situationIds.length > ONBOARDING_LIMITS.situationIds.max)
      errors.add('situation_ids', `Choose at most ${ONBOARDING_LIMITS.situationIds.max} situations.`);
    if (names.length > ONBOARDING_LIMITS.customSituations.max)
      errors.add(
        'custom_situations',
        `Describe at most ${ONBOARDING_LIMITS.customSituations.max} situations of your own.`,
      );
    const duplicateId = findDuplicate(situationIds, (a, b) => a === b);
    if (duplicateId !== undefined) errors.add('situation_ids', `"${duplicateId}" is listed more than once.`);
    for (const id of new Set(situationIds))
      errors.attempt('situation_ids', () => catalog.requireSituation(id));
    for (const name of names) {
      const { min, max } = ONBOARDING_LIMITS.customSituationName;
      if ([...name].length < min || [...name].length > max)
        errors.add('custom_situations', lengthMessage('Each custom situation', { min, max }));
    }
    const duplicateName = findDuplicate(names, sameText);
    if (duplicateName !== undefined)
      errors.add('custom_situations', `"${duplicateName}" is listed more than once.`);
    errors.throwIfAny();

    const previousCustom = partner.situations.filter(
      (s): s is Extract<SituationSelection, { kind: 'custom' }> => s.kind === 'custom',
    );
    const next: SituationSelection[] = [
      ...situationIds.map((situationId) => ({ kind: 'catalog' as const, situationId })),
      ...names.map((name) => ({
        kind: 'custom' as const,
        id: previousCustom.find((s) => sameText(s.name, name))?.id ?? randomUUID(),
        name,
      })),
    ];
    if (JSON.stringify(next) === JSON.stringify(partner.situations)) return;
    partner.situations = next;
    this.touch(now);
  }

  setLearningPreferences(input: LearningPreferencesInput, catalog: ReferenceCatalog, now: Date): void {
    const goals = input.goals.map(normalise);
    const errors = new ValidationCollector();
    errors.attempt('proficiency_level', () => catalog.requireProficiencyLevel(input.proficiencyLevelId));
    if (goals.length > ONBOARDING_LIMITS.goals.max)
      errors.add('goals', `List at most ${ONBOARDING_LIMITS.goals.max} goals.`);
    for (const goal of goals) {
      const { min, max } = ONBOARDING_LIMITS.goal;
      if ([...goal].length < min || [...goal].length > max)
        errors.add('goals', lengthMessage('Each goal', { min, max }));
    }
    const duplicate = findDuplicate(goals, sameText);
    if (duplicate !== undefined) errors.add('goals', `"${duplicate}" is listed more than once.`);
    const { min, max } = ONBOARDING_LIMITS.dailyMinutes;
    if (!Number.isInteger(input.dailyMinutes) || input.dailyMinutes < min || input.dailyMinutes > max)
      errors.add('daily_minutes', `Daily minutes must be a whole number between ${min} and ${max}.`);
    errors.throwIfAny();

    const next: LearningPreferences = {
      proficiencyLevelId: input.proficiencyLevelId,
      goals,
      dailyMinutes: input.dailyMinutes,
    };
    if (JSON.stringify(next) === JSON.stringify(this.state.preferences)) return;
    this.state.preferences = next;
    this.touch(now);
  }

  /** The required steps not answered yet, in step order. */
  missingSteps(): OnboardingStep[] {
    const done = this.stepsDone();
    return REQUIRED_STEPS.filter((step) => !done.has(step));
  }

  /**
   * Completes onboarding. Returns true when this call completed it (a learning plan is due), false
   * when it was already complete with these answers.
   */
  complete(catalog: ReferenceCatalog, now: Date): boolean {
    const missing = this.missingSteps();
    if (missing.length > 0)
      throw new OnboardingIncompleteError(missing, this.incompleteMessage(missing, catalog));
    if (this.state.isComplete) return false;
    this.state.isComplete = true;
    this.state.completedAt = now;
    this.state.updatedAt = now;
    this.changed = true;
    return true;
  }

  /** Back to the first step: every answer cleared; the learner's custom roles stay theirs. */
  reset(now: Date): void {
    Object.assign(this.state, {
      nativeLanguageId: null,
      industryId: null,
      role: null,
      partners: [],
      preferences: null,
      isComplete: false,
      completedAt: null,
    });
    this.state.updatedAt = now;
    this.changed = true;
  }

  progress(): Progress {
    return progressOf(this.stepsDone());
  }

  customRolesIn(industryId: string): CustomRole[] {
    return this.state.customRoles.filter((role) => role.industryId === industryId);
  }

  customRole(id: string): CustomRole | undefined {
    return this.state.customRoles.find((role) => role.id === id);
  }

  get userId(): string {
    return this.state.userId;
  }
  get industryId(): string | null {
    return this.state.industryId;
  }
  get isComplete(): boolean {
    return this.state.isComplete;
  }
  get completedAt(): Date | null {
    return this.state.completedAt;
  }
  get version(): number {
    return this.state.version;
  }
  /** True once a command has changed something that must be saved. */
  get hasChanges(): boolean {
    return this.changed;
  }

  snapshot(): Readonly<OnboardingProfileState> {
    return copyState(this.state);
  }

  private stepsDone(): Set<OnboardingStep> {
    const { nativeLanguageId, industryId, role, partners, preferences, isComplete } = this.state;
    const done = new Set<OnboardingStep>();
    if (nativeLanguageId) done.add('native_language');
    if (industryId) done.add('industry');
    if (role) done.add('role');
    if (partners.length > 0) done.add('communication_partners');
    if (partners.length > 0 && partners.every((partner) => partner.situations.length > 0))
      done.add('situations');
    if (preferences) done.add('learning_preferences');
    if (isComplete) done.add('completed');
    return done;
  }

  private incompleteMessage(missing: OnboardingStep[], catalog: ReferenceCatalog): string {
    const parts = missing.map((step) => {
      if (step !== 'situations' || this.state.partners.length === 0) return step;
      const without = this.state.partners
        .filter((partner) => partner.situations.length === 0)
        .map((partner) => catalog.partner(partner.partnerId)?.name ?? partner.partnerId);
      return `situations (for ${without.join(', ')})`;
    });
    return `Answer these steps before completing: ${parts.join(', ')}`;
  }

  private requireIndustry(): string {
    if (!this.state.industryId) throw new IndustryRequiredError();
    return this.state.industryId;
  }

  private roleIndustry(role: RoleSelection, catalog: ReferenceCatalog): string | undefined {
    return role.kind === 'catalog'
      ? catalog.role(role.roleId)?.industryId
      : this.customRole(role.customRoleId)?.industryId;
  }

  private sameRole(a: RoleSelection | null, b: RoleSelection): boolean {
    if (!a || a.kind !== b.kind) return false;
    return a.kind === 'catalog'
      ? a.roleId === (b as { roleId: string }).roleId
      : a.customRoleId === (b as { customRoleId: string }).customRoleId;
  }

  /** Any changed answer reopens a completed onboarding. */
  private touch(now: Date): void {
    this.state.updatedAt = now;
    this.state.isComplete = false;
    this.changed = true;
  }
}
