import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StringField } from '@fluentpro/shared';
import { JobDescription } from '../../domain/job-description.value-object';
import { ONBOARDING_LIMITS } from '../../domain/onboarding-profile.aggregate';
import { ONBOARDING_STEPS } from '../../domain/onboarding-steps';
import { IntegerField, StringListField } from './list-fields.decorator';

// Requests

export class NativeLanguageRequest {
  @ApiProperty({ example: 'chinese_traditional', description: 'An id from GET languages/' })
  @StringField()
  native_language: string;
}

export class IndustryRequest {
  @ApiProperty({ example: 'banking_finance', description: 'An id from GET industries/' })
  @StringField()
  industry: string;
}

export class RoleMatchRequest {
  @ApiProperty({ example: 'Credit Officer', description: '2–200 characters' })
  @StringField({ satisfies: JobDescription.checkTitle })
  job_title: string;

  @ApiProperty({
    example: 'I review companies who ask our bank for loans, read their accounts and write the credit paper.',
    description: '10–1000 characters, in your own words',
  })
  @StringField({ satisfies: JobDescription.checkDescription })
  job_description: string;
}

export class RoleRequest {
  @ApiPropertyOptional({
    example: 'credit_analyst',
    description: 'A role of your industry from role-matches/ (catalog or your own custom role)',
  })
  @StringField({ optional: true })
  role_id?: string;

  @ApiPropertyOptional({
    example: 'Trade Finance Specialist',
    description: 'Your own role: 2–200 characters',
  })
  @StringField({ optional: true })
  custom_title?: string;

  @ApiPropertyOptional({
    example: 'I check letters of credit and documents for our import and export clients.',
    description: 'Your own role: 10–1000 characters',
  })
  @StringField({ optional: true })
  custom_description?: string;

  @ApiPropertyOptional({ example: 'associate', description: 'An id from GET hierarchy-levels/' })
  @StringField({ optional: true })
  hierarchy_level?: string;
}

export class PartnersRequest {
  @ApiProperty({
    example: ['clients', 'senior_management'],
    description: `1–${ONBOARDING_LIMITS.partners.max} unique ids from GET communication-partners/, most important first`,
  })
  @StringListField({ min: ONBOARDING_LIMITS.partners.min, max: ONBOARDING_LIMITS.partners.max, unique: true })
  partner_ids: string[];
}

export class SituationsRequest {
  @ApiPropertyOptional({
    example: ['negotiations', 'phone_calls'],
    description: 'Unique ids from GET situations/, most important first',
  })
  @StringListField({ optional: true, max: ONBOARDING_LIMITS.situationIds.max, unique: true })
  situation_ids?: string[];

  @ApiPropertyOptional({
    example: ['Explaining loan covenants'],
    description: `Situations of your own (2–100 characters each), after the listed ones; at least one situation in all`,
  })
  @StringListField({ optional: true, max: ONBOARDING_LIMITS.customSituations.max, unique: true })
  custom_situations?: string[];
}

export class LearningPreferencesRequest {
  @ApiProperty({ example: 'intermediate', description: 'An id from GET proficiency-levels/' })
  @StringField()
  proficiency_level: string;

  @ApiPropertyOptional({
    example: ['Lead meetings with confidence'],
    description: 'Up to 10, 2–200 characters each',
  })
  @StringListField({ optional: true, max: ONBOARDING_LIMITS.goals.max, unique: true })
  goals?: string[];

  @ApiProperty({ example: 20, description: 'Minutes a day, 5–240' })
  @IntegerField(ONBOARDING_LIMITS.dailyMinutes.min, ONBOARDING_LIMITS.dailyMinutes.max)
  daily_minutes: number;
}

// Responses (for the OpenAPI document)

export class SituationResponse {
  @ApiProperty({ example: 'negotiations' }) id: string;
  @ApiProperty({ example: 'Negotiations' }) name: string;
  @ApiProperty({ example: 1 }) priority: number;
  @ApiProperty({ example: false }) is_custom: boolean;
}

export class PartnerResponse {
  @ApiProperty({ example: 'clients' }) id: string;
  @ApiProperty({ example: 'Clients' }) name: string;
  @ApiProperty({ example: 1 }) priority: number;
  @ApiProperty({ type: [SituationResponse] }) situations: SituationResponse[];
}

export class ProgressRoleResponse {
  @ApiProperty({ example: 'credit_analyst' }) id: string;
  @ApiProperty({ example: 'Credit Analyst' }) title: string;
  @ApiProperty({ example: false }) is_custom: boolean;
  @ApiProperty({ example: 'associate', nullable: true, type: String }) hierarchy_level: string | null;
}

export class LearningPreferencesResponse {
  @ApiProperty({ example: 'intermediate' }) proficiency_level: string;
  @ApiProperty({ example: ['Lead meetings with confidence'] }) goals: string[];
  @ApiProperty({ example: 20 }) daily_minutes: number;
}

export class ProgressResponse {
  @ApiProperty({ enum: ONBOARDING_STEPS, example: 'communication_partners' }) current_step: string;
  @ApiProperty({ enum: ONBOARDING_STEPS, nullable: true, example: 'situations' }) next_step: string | null;
  @ApiProperty({ enum: ONBOARDING_STEPS, isArray: true, example: ['native_language', 'industry', 'role'] })
  completed_steps: string[];
  @ApiProperty({ example: 50, description: 'Required steps and completion, 0–100' })
  progress_percentage: number;
  @ApiProperty({ example: false }) is_complete: boolean;
  @ApiProperty({ example: 'chinese_traditional', nullable: true, type: String }) native_language:
    string | null;
  @ApiProperty({ example: 'banking_finance', nullable: true, type: String }) industry: string | null;
  @ApiProperty({ type: ProgressRoleResponse, nullable: true }) role: ProgressRoleResponse | null;
  @ApiProperty({ type: [PartnerResponse] }) communication_partners: PartnerResponse[];
  @ApiProperty({ type: LearningPreferencesResponse, nullable: true })
  learning_preferences: LearningPreferencesResponse | null;
}

export class RoleMatchResponse {
  @ApiProperty({ example: 'credit_analyst' }) id: string;
  @ApiProperty({ example: 'Credit Analyst' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'banking_finance' }) industry: string;
  @ApiProperty({ example: 'associate', nullable: true, type: String }) hierarchy_level: string | null;
  @ApiProperty({ example: 0.42, minimum: 0, maximum: 1 }) relevance_score: number;
  @ApiProperty({ example: false, description: 'One of your own custom roles' }) is_custom: boolean;
}

export class RoleMatchesResponse {
  @ApiProperty({ type: [RoleMatchResponse], description: 'Best first, at most 5' })
  matches: RoleMatchResponse[];
}

export class SummaryResponse {
  @ApiProperty({
    example: { id: 'chinese_traditional', name: 'Traditional Chinese', native_name: '繁體中文' },
  })
  native_language: object | null;
  @ApiProperty({ example: { id: 'banking_finance', name: 'Banking & Finance', description: '…' } })
  industry: object | null;
  @ApiProperty({
    example: {
      id: 'credit_analyst',
      title: 'Credit Analyst',
      description: '…',
      industry: 'banking_finance',
      hierarchy_level: { id: 'associate', name: 'Associate' },
      is_custom: false,
    },
  })
  role: object | null;
  @ApiProperty({
    example: [
      {
        id: 'clients',
        name: 'Clients',
        description: '…',
        priority: 1,
        situations: [
          { id: 'negotiations', name: 'Negotiations', description: '…', priority: 1, is_custom: false },
        ],
      },
    ],
  })
  communication_partners: object[];
  @ApiProperty({
    example: {
      proficiency_level: { id: 'intermediate', name: 'Intermediate', description: '…' },
      goals: [],
      daily_minutes: 20,
    },
  })
  learning_preferences: object | null;
  @ApiProperty({ example: null, nullable: true, type: String }) completed_at: string | null;
  @ApiProperty({ type: ProgressResponse }) progress: ProgressResponse;
}

export class LearningPlanResponse {
  @ApiProperty({ enum: ['pending', 'ready'] }) status: string;
  @ApiPropertyOptional({ example: '2026-11-25T10:00:00.000Z' }) generated_at?: string;
  @ApiPropertyOptional({
    example: [
      {
        position: 1,
        partner: { id: 'clients', name: 'Clients', priority: 1 },
        situation: { id: 'negotiations', name: 'Negotiations', priority: 1, is_custom: false },
        skills: ['making and countering offers', 'conditional language for trade-offs'],
        rationale:
          'As a Credit Analyst in Banking & Finance, you speak English with clients in negotiations: …',
      },
    ],
  })
  items?: object[];
}

export class IncompleteResponse {
  @ApiProperty({ example: 'Onboarding incomplete' }) error: string;
  @ApiProperty({ example: 'Answer these steps before completing: role, situations (for Clients)' })
  message: string;
  @ApiProperty({ example: { missing: ['role', 'situations'] } }) details: { missing: string[] };
}
