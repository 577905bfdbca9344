import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '@fluentpro/shared';
import { AccessTokenGuard, type AuthenticatedRequest } from '@fluentpro/authentication';
import { CompleteOnboardingHandler } from '../../application/complete-onboarding/complete-onboarding.handler';
import { MatchRolesHandler } from '../../application/match-roles/match-roles.handler';
import type {
  LearningPlanView,
  ProgressView,
  RoleMatchesView,
  SummaryView,
} from '../../application/onboarding.views';
import { ResetOnboardingHandler } from '../../application/reset-onboarding/reset-onboarding.handler';
import { UpdateAnswersHandler } from '../../application/update-answers/update-answers.handler';
import { ViewOnboardingHandler } from '../../application/view-onboarding/view-onboarding.handler';
import {
  IncompleteResponse,
  IndustryRequest,
  LearningPlanResponse,
  LearningPreferencesRequest,
  NativeLanguageRequest,
  PartnersRequest,
  ProgressResponse,
  RoleMatchesResponse,
  RoleMatchRequest,
  RoleRequest,
  SituationsRequest,
  SummaryResponse,
} from './onboarding.dto';

/** The learner's own onboarding: every route needs a Bearer access token. */
@ApiTags('Onboarding')
@ApiBearerAuth()
@UseGuards(AccessTokenGuard)
@Controller({ path: 'onboarding', version: '1' })
export class OnboardingController {
  constructor(
    private readonly view: ViewOnboardingHandler,
    private readonly answers: UpdateAnswersHandler,
    private readonly matchRoles: MatchRolesHandler,
    private readonly completeOnboarding: CompleteOnboardingHandler,
    private readonly resetOnboarding: ResetOnboardingHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Progress and answers so far (the profile is created on first access)' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(401, 500)
  progress(@Req() { user: principal }: AuthenticatedRequest): Promise<ProgressView> {
    return this.view.progress(principal.userId);
  }

  @Put('native-language')
  @ApiOperation({ summary: 'Choose the native language' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(400, 401, 409, 500)
  nativeLanguage(
    @Body() body: NativeLanguageRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<ProgressView> {
    return this.answers.setNativeLanguage(principal.userId, body.native_language);
  }

  @Put('industry')
  @ApiOperation({ summary: 'Choose the industry (a role of another industry is cleared)' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(400, 401, 409, 500)
  industry(
    @Body() body: IndustryRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<ProgressView> {
    return this.answers.setIndustry(principal.userId, body.industry);
  }

  @Post('role-matches')
  @HttpCode(200)
  @ApiOperation({ summary: 'Catalog roles (and your own) of your industry that fit your job description' })
  @ApiOkResponse({ type: RoleMatchesResponse })
  @ApiErrors(400, 401, 409, 500)
  roleMatches(
    @Body() body: RoleMatchRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<RoleMatchesView> {
    return this.matchRoles.execute(principal.userId, body.job_title, body.job_description);
  }

  @Put('role')
  @ApiOperation({ summary: 'Choose a role by id, or describe a custom role of your own' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(400, 401, 409, 500)
  role(@Body() body: RoleRequest, @Req() { user: principal }: AuthenticatedRequest): Promise<ProgressView> {
    return this.answers.chooseRole(principal.userId, {
      roleId: body.role_id,
      customTitle: body.custom_title,
      customDescription: body.custom_description,
      hierarchyLevel: body.hierarchy_level,
    });
  }

  @Put('communication-partners')
  @ApiOperation({
    summary: 'Choose communication partners in priority order (removed ones lose their situations)',
  })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(400, 401, 409, 500)
  partners(
    @Body() body: PartnersRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<ProgressView> {
    return this.answers.setPartners(principal.userId, body.partner_ids);
  }

  @Put('communication-partners/:partnerId/situations')
  @ApiOperation({ summary: 'Choose the situations with one selected partner, in priority order' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(400, 401, 404, 409, 500)
  situations(
    @Param('partnerId') partnerId: string,
    @Body() body: SituationsRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<ProgressView> {
    return this.answers.setSituations(principal.userId, {
      partnerId,
      situationIds: body.situation_ids ?? [],
      customSituations: body.custom_situations ?? [],
    });
  }

  @Put('learning-preferences')
  @ApiOperation({ summary: 'Set learning preferences (optional step)' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(400, 401, 409, 500)
  learningPreferences(
    @Body() body: LearningPreferencesRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<ProgressView> {
    return this.answers.setLearningPreferences(principal.userId, {
      proficiencyLevel: body.proficiency_level,
      goals: body.goals ?? [],
      dailyMinutes: body.daily_minutes,
    });
  }

  @Get('summary')
  @ApiOperation({ summary: 'Every answer with names resolved, partners with their situations, and progress' })
  @ApiOkResponse({ type: SummaryResponse })
  @ApiErrors(401, 500)
  summary(@Req() { user: principal }: AuthenticatedRequest): Promise<SummaryView> {
    return this.view.summary(principal.userId);
  }

  @Post('complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete onboarding; the learning plan is then built by the worker' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiBadRequestResponse({ type: IncompleteResponse, description: 'Required steps are missing' })
  @ApiErrors(401, 409, 500)
  complete(@Req() request: FastifyRequest & AuthenticatedRequest): Promise<ProgressView> {
    return this.completeOnboarding.execute(request.user.userId, String(request.id));
  }

  @Get('learning-plan')
  @ApiOperation({ summary: 'The learning plan: 404 before completion, pending until built, then ready' })
  @ApiOkResponse({ type: LearningPlanResponse })
  @ApiErrors(401, 404, 500)
  learningPlan(@Req() { user: principal }: AuthenticatedRequest): Promise<LearningPlanView> {
    return this.view.learningPlan(principal.userId);
  }

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start over: every answer and the learning plan are cleared' })
  @ApiOkResponse({ type: ProgressResponse })
  @ApiErrors(401, 409, 500)
  reset(@Req() { user: principal }: AuthenticatedRequest): Promise<ProgressView> {
    return this.resetOnboarding.execute(principal.userId);
  }
}
