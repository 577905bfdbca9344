import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ACCOUNT_ROLES, type AccountRole, SessionResponse } from '@fluentpro/authentication';
import { ValidationFailedError, StringField } from '@fluentpro/shared';
import { ADMIN_ACTIONS, type AdminAction } from '../../domain/audit-entry';

export const MAX_PAGE_SIZE = 100;

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Must be a whole number.' })
  @Min(1, { message: 'Must be at least 1.' })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Must be a whole number.' })
  @Min(1, { message: 'Must be at least 1.' })
  @Max(MAX_PAGE_SIZE, { message: `Must be at most ${MAX_PAGE_SIZE}.` })
  page_size: number = 20;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of an email or full name, any letter case', example: 'doe' })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(254, { message: 'Must be at most 254 characters.' })
  search?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_ROLES })
  @IsOptional()
  @IsIn(ACCOUNT_ROLES, { message: `Must be one of: ${ACCOUNT_ROLES.join(', ')}.` })
  role?: AccountRole;

  @ApiPropertyOptional({ enum: ['active', 'deactivated'] })
  @IsOptional()
  @IsIn(['active', 'deactivated'], { message: 'Must be one of: active, deactivated.' })
  status?: 'active' | 'deactivated';
}

export class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this admin did' })
  @IsOptional()
  @IsUUID(undefined, { message: 'Must be a UUID.' })
  actor_id?: string;

  @ApiPropertyOptional({ enum: ADMIN_ACTIONS })
  @IsOptional()
  @IsIn(ADMIN_ACTIONS, { message: `Must be one of: ${ADMIN_ACTIONS.join(', ')}.` })
  action?: AdminAction;

  @ApiPropertyOptional({ description: 'Only entries about this user, session or job id' })
  @IsOptional()
  @IsString({ message: 'Not a valid string.' })
  @MaxLength(128, { message: 'Must be at most 128 characters.' })
  target_id?: string;
}

export const MAX_REASON_LENGTH = 500;

export class ReasonRequest {
  @ApiPropertyOptional({ example: 'Requested by the learner by email', maxLength: MAX_REASON_LENGTH })
  @StringField({
    optional: true,
    satisfies: (value) => {
      if (value.length > MAX_REASON_LENGTH)
        throw new ValidationFailedError({ reason: [`Must be at most ${MAX_REASON_LENGTH} characters.`] });
    },
  })
  reason?: string;
}

export class AdminUserResponse {
  @ApiProperty({ example: '0b6f9a3e-8a53-4b1e-9f59-7d2d0e6c1f10' }) id: string;
  @ApiProperty({ example: 'John Doe' }) full_name: string;
  @ApiProperty({ example: 'john.doe@example.com' }) email: string;
  @ApiProperty({ example: '1990-01-15' }) date_of_birth: string;
  @ApiProperty({ enum: ACCOUNT_ROLES }) role: AccountRole;
  @ApiProperty({ example: true }) is_active: boolean;
  @ApiProperty({ example: null, nullable: true, type: String }) deactivated_at: string | null;
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) updated_at: string;
}

/** Paging fields of every list answer; `items` is declared by each list. */
class PageResponse {
  @ApiProperty({ example: 1 }) page: number;
  @ApiProperty({ example: 20 }) page_size: number;
  @ApiProperty({ example: 42, description: 'Matching items on all pages' }) total: number;
}

export class AdminUserListResponse extends PageResponse {
  @ApiProperty({ type: [AdminUserResponse] }) items: AdminUserResponse[];
}

export class OnboardingStateResponse {
  @ApiProperty({ example: 'communication_partners' }) current_step: string;
  @ApiProperty({ example: ['native_language', 'industry', 'role'] }) completed_steps: string[];
  @ApiProperty({ example: 50 }) progress_percentage: number;
  @ApiProperty({ example: false }) is_complete: boolean;
  @ApiProperty({ nullable: true, type: String }) updated_at: string | null;
  @ApiProperty({ nullable: true, enum: ['none', 'pending', 'ready'] }) learning_plan_status: string | null;
}

export class AdminUserDetailResponse {
  @ApiProperty({ type: AdminUserResponse }) user: AdminUserResponse;
  @ApiProperty({ type: [SessionResponse], description: 'Active sessions (`current` is always false here)' })
  sessions: SessionResponse[];
  @ApiProperty({
    type: OnboardingStateResponse,
    nullable: true,
    description: 'null while the learner has not started, or when onboarding is not part of this build',
  })
  onboarding: OnboardingStateResponse | null;
}

export class DeactivateUserResponse {
  @ApiProperty({ type: AdminUserResponse }) user: AdminUserResponse;
  @ApiProperty({ example: 2 }) sessions_revoked: number;
}

export class AdminSessionsRevokedResponse {
  @ApiProperty({ example: 'Sessions revoked' }) message: string;
  @ApiProperty({ example: 2 }) sessions_revoked: number;
}

export class FunnelStepResponse {
  @ApiProperty({ example: 'industry' }) step: string;
  @ApiProperty({ example: 31 }) users: number;
  @ApiProperty({ example: 73.8, description: 'Of total_users, one decimal' }) percentage: number;
}

export class OnboardingFunnelResponse {
  @ApiProperty({ example: 42 }) total_users: number;
  @ApiProperty({
    type: [FunnelStepResponse],
    nullable: true,
    description: 'In flow order; null when onboarding is not part of this build',
  })
  steps: FunnelStepResponse[] | null;
}

export class DeadLetteredJobResponse {
  @ApiProperty({ example: '5d0b2c9e-0c1a-4f7e-8f0e-2b6c1d7e9a10' }) id: string;
  @ApiProperty({ example: 'onboarding' }) queue: string;
  @ApiProperty({ example: 'onboarding.completed.v1' }) event_type: string;
  @ApiProperty({ example: 5 }) attempts: number;
  @ApiProperty({ example: 'connect ECONNREFUSED 127.0.0.1:5432' }) last_error: string;
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) failed_at: string;
}

export class DeadLetteredJobListResponse extends PageResponse {
  @ApiProperty({ type: [DeadLetteredJobResponse] }) items: DeadLetteredJobResponse[];
}

export class AuditLogEntryResponse {
  @ApiProperty({ example: 17 }) id: number;
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) occurred_at: string;
  @ApiProperty({ enum: ['admin', 'cli'] }) actor_type: 'admin' | 'cli';
  @ApiProperty({ nullable: true, type: String, description: 'The admin; null for the CLI' })
  actor_id: string | null;
  @ApiProperty({ enum: ADMIN_ACTIONS }) action: AdminAction;
  @ApiProperty({ nullable: true, enum: ['user', 'session', 'job'] }) target_type: string | null;
  @ApiProperty({ nullable: true, type: String }) target_id: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'x-request-id of the request' })
  request_id: string | null;
  @ApiProperty({ example: { reason: 'Spam', sessions_revoked: 2 } }) details: Record<string, unknown>;
}

export class AuditLogResponse extends PageResponse {
  @ApiProperty({ type: [AuditLogEntryResponse] }) items: AuditLogEntryResponse[];
}
