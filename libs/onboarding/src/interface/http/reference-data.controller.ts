import { applyDecorators, Controller, Get, Req, Res, Type } from '@nestjs/common';
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

/** A public, cacheable GET of one reference list, documented with its conditional-request headers. */
function ReferenceList(path: string, summary: string, type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    Get(path),
    ApiOperation({ summary }),
    ApiOkResponse({ type, headers: { ETag: {}, 'Cache-Control': {} } }),
    ApiHeader({ name: 'If-None-Match', required: false, description: 'An ETag received before' }),
    ApiNotModifiedResponse({ description: 'The copy with that ETag is current' }),
    ApiErrors(500),
  );
}

/** Public reference data, cacheable (Cache-Control + ETag, 304 on If-None-Match). */
@ApiTags('Onboarding reference data')
@Controller({ path: 'onboarding', version: '1' })
export class ReferenceDataController {
  constructor(private readonly lists: ListReferenceDataHandler) {}

  @ReferenceList('languages', 'Native languages a learner can choose', LanguagesResponse)
  async languages(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.lists.languages());
  }

  @ReferenceList('industries', 'Industries, with the number of catalog roles in each', IndustriesResponse)
  async industries(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.lists.industries());
  }

  @ReferenceList('communication-partners', 'The people learners speak English with', PartnersListResponse)
  async partners(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.lists.partners());
  }

  @ReferenceList('situations', 'Situations in which learners speak English', SituationsListResponse)
  async situations(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.lists.situations());
  }

  @ReferenceList('hierarchy-levels', 'Hierarchy levels (for custom roles)', HierarchyLevelsResponse)
  async hierarchyLevels(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.lists.hierarchyLevels());
  }

  @ReferenceList(
    'proficiency-levels',
    'English proficiency levels (learning preferences)',
    ProficiencyLevelsResponse,
  )
  async proficiencyLevels(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    replyCacheable(request, reply, await this.lists.proficiencyLevels());
  }
}
