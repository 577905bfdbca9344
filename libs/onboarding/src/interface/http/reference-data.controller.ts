import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '@fluentpro/shared';
import { ListReferenceDataHandler } from '../../application/reference-data/list-reference-data.handler';
import { replyCacheable } from './cacheable-response';
import {
  HierarchyLevelsResponse,
  IndustriesResponse,
  LanguagesResponse,
  PartnersListResponse,
  ProficiencyLevelsResponse,
  SituationsListResponse,
} from './reference-data.dto';

const IF_NONE_MATCH = ApiHeader({
  name: 'If-None-Match',
  required: false,
  description: 'An ETag from before',
});
const NOT_MODIFIED = ApiNotModifiedResponse({ description: 'The copy of that ETag is current' });

/** Public reference data, cacheable (Cache-Control + ETag, 304 on If-None-Match). */
@ApiTags('Onboarding reference data')
@Controller({ path: 'onboarding', version: '1' })
export class ReferenceDataController {
  constructor(private readonly referenceData: ListReferenceDataHandler) {}

  @Get('languages')
  @ApiOperation({ summary: 'Native languages a learner can choose' })
  @ApiOkResponse({ type: LanguagesResponse })
  @IF_NONE_MATCH
  @NOT_MODIFIED
  @ApiErrors(500)
  async languages(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.referenceData.languages());
  }

  @Get('industries')
  @ApiOperation({ summary: 'Industries, with the number of catalog roles in each' })
  @ApiOkResponse({ type: IndustriesResponse })
  @IF_NONE_MATCH
  @NOT_MODIFIED
  @ApiErrors(500)
  async industries(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.referenceData.industries());
  }

  @Get('communication-partners')
  @ApiOperation({ summary: 'The people learners speak English with' })
  @ApiOkResponse({ type: PartnersListResponse })
  @IF_NONE_MATCH
  @NOT_MODIFIED
  @ApiErrors(500)
  async partners(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.referenceData.partners());
  }

  @Get('situations')
  @ApiOperation({ summary: 'Situations in which learners speak English' })
  @ApiOkResponse({ type: SituationsListResponse })
  @IF_NONE_MATCH
  @NOT_MODIFIED
  @ApiErrors(500)
  async situations(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.referenceData.situations());
  }

  @Get('hierarchy-levels')
  @ApiOperation({ summary: 'Hierarchy levels (for custom roles)' })
  @ApiOkResponse({ type: HierarchyLevelsResponse })
  @IF_NONE_MATCH
  @NOT_MODIFIED
  @ApiErrors(500)
  async hierarchyLevels(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.referenceData.hierarchyLevels());
  }

  @Get('proficiency-levels')
  @ApiOperation({ summary: 'English proficiency levels (for learning preferences)' })
  @ApiOkResponse({ type: ProficiencyLevelsResponse })
  @IF_NONE_MATCH
  @NOT_MODIFIED
  @ApiErrors(500)
  async proficiencyLevels(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.referenceData.proficiencyLevels());
  }
}
