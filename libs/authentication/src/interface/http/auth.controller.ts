import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { ApiErrors, AppConfig } from '@fluentpro/shared';
import { ProfileView, toUserView } from '../../application/account.view';
import { GetProfileHandler } from '../../application/get-profile/get-profile.handler';
import { LogInCommand } from '../../application/log-in/log-in.command';
import { LogInHandler } from '../../application/log-in/log-in.handler';
import { LogOutHandler } from '../../application/log-out/log-out.handler';
import type {
  AuthenticatedAccount,
  ClientContext,
  TokenPair,
} from '../../application/ports/identity-provider';
import { IdentityProvider } from '../../application/ports/identity-provider';
import { RefreshSessionHandler } from '../../application/refresh-session/refresh-session.handler';
import { SignUpCommand } from '../../application/sign-up/sign-up.command';
import { SignUpHandler } from '../../application/sign-up/sign-up.handler';
import { UpdateProfileHandler } from '../../application/update-profile/update-profile.handler';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard';
import {
  AuthHealthResponse,
  AuthResponse,
  LogInRequest,
  MessageResponse,
  ProfileResponse,
  RefreshTokenRequest,
  SignUpRequest,
  TokenPairResponse,
  UpdateProfileRequest,
} from './auth.dto';

function clientOf(request: FastifyRequest): ClientContext {
  return { userAgent: request.headers['user-agent'] ?? null, ipAddress: request.ip };
}

function tokenPairBody(tokens: TokenPair): TokenPairResponse {
  return {
    access_token: tokens.accessToken,
    refresh_token: tokens.refreshToken,
    token_type: 'Bearer',
    expires_in: tokens.expiresIn,
  };
}

function authBody(result: AuthenticatedAccount): AuthResponse {
  return { ...tokenPairBody(result.tokens), user: toUserView(result.account) };
}

@ApiTags('Authentication')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly signUpHandler: SignUpHandler,
    private readonly logInHandler: LogInHandler,
    private readonly refreshHandler: RefreshSessionHandler,
    private readonly logOutHandler: LogOutHandler,
    private readonly getProfileHandler: GetProfileHandler,
    private readonly updateProfileHandler: UpdateProfileHandler,
    private readonly identity: IdentityProvider,
    private readonly config: AppConfig,
  ) {}

  @Post('signup')
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Create an account and start a session' })
  @ApiCreatedResponse({ type: AuthResponse })
  @ApiErrors(400, 409, 413, 429, 500, 503)
  async signUp(@Body() body: SignUpRequest, @Req() request: FastifyRequest): Promise<AuthResponse> {
    const command = new SignUpCommand(
      body.full_name,
      body.email,
      body.password,
      body.date_of_birth,
      clientOf(request),
    );
    return authBody(await this.signUpHandler.execute(command));
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Log in with email and password' })
  @ApiOkResponse({ type: AuthResponse })
  @ApiErrors(400, 401, 429, 500, 503)
  async logIn(@Body() body: LogInRequest, @Req() request: FastifyRequest): Promise<AuthResponse> {
    return authBody(
      await this.logInHandler.execute(new LogInCommand(body.email, body.password, clientOf(request))),
    );
  }

  @Post('refresh')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair (the refresh token rotates)' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401, 429, 500, 503)
  async refresh(
    @Body() body: RefreshTokenRequest,
    @Req() request: FastifyRequest,
  ): Promise<TokenPairResponse> {
    return tokenPairBody(await this.refreshHandler.execute(body.refresh_token, clientOf(request)));
  }

  @Post('logout')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard, AccessTokenGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End the session: its refresh token and access tokens stop working at once' })
  @ApiOkResponse({ type: MessageResponse })
  @ApiErrors(400, 401, 429, 500, 503)
  async logOut(
    @Body() body: RefreshTokenRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<MessageResponse> {
    await this.logOutHandler.execute(principal, body.refresh_token);
    return { message: 'Successfully logged out' };
  }

  @Get('profile')
  @UseGuards(AccessTokenGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The profile of the authenticated user' })
  @ApiOkResponse({ type: ProfileResponse })
  @ApiErrors(401, 500, 503)
  profile(@Req() { user: principal }: AuthenticatedRequest): Promise<ProfileView> {
    return this.getProfileHandler.execute(principal.userId);
  }

  @Patch('profile')
  @UseGuards(AccessTokenGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change full_name and/or date_of_birth (same rules as sign-up)' })
  @ApiOkResponse({ type: ProfileResponse })
  @ApiErrors(400, 401, 500, 503)
  updateProfile(
    @Body() body: UpdateProfileRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<ProfileView> {
    return this.updateProfileHandler.execute(principal.userId, {
      fullName: body.full_name,
      dateOfBirth: body.date_of_birth,
    });
  }

  @Get('health')
  @ApiOperation({ summary: 'Service identity and configuration summary' })
  @ApiOkResponse({ type: AuthHealthResponse })
  health(): AuthHealthResponse {
    return {
      status: 'healthy',
      service: 'fluentpro-backend',
      version: '1.0.0',
      environment: this.config.env.NODE_ENV,
      auth0_configured: this.identity.name === 'auth0',
      supabase_configured: this.config.databaseKind === 'postgres',
      identity_provider: this.identity.name,
    };
  }
}
