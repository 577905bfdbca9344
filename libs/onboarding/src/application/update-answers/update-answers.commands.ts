/** PUT role/: a catalog (or own custom) role by id, or a new custom role. */
export interface ChooseRoleCommand {
  roleId?: string;
  customTitle?: string;
  customDescription?: string;
  hierarchyLevel?: string;
}

export interface ChooseSituationsCommand {
  partnerId: string;
  situationIds: string[];
  customSituations: string[];
}

export interface SetLearningPreferencesCommand {
  proficiencyLevel: string;
  goals: string[];
  dailyMinutes: number;
}
