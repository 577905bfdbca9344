import { Controller, Get, Header, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SigningKeys, type PublicJwk } from '../../infrastructure/security/signing-keys';

@ApiTags('Operations')
@Controller({ path: '.well-known', version: VERSION_NEUTRAL })
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'Public keys that verify access tokens (self-hosted identity)' })
  @ApiOkResponse({ description: 'JSON Web Key Set' })
  jwks(): { keys: PublicJwk[] } {
    return this.keys.jwks();
  }
}
