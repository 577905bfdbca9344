// The floor of the stack: the smallest NestJS 11 + FastifyAdapter application, one controller answering
// GET /health/live with {"status":"ok"}, no plugins, no global pipes, no versioning, no hooks. The
// benchmark loads it beside the bare-Fastify baseline so the report shows how much of the API's gap
// the framework alone accounts for (what no change in the project's code can remove).
//
// GET /api/v1/auth/profile/ does the baseline's work (bench/lib/profile-store.mjs: the same key, token
// checks, queries and body) the way a Nest application with the chosen libraries does it, and the API
// does: a guard running a passport-jwt strategy (jsonwebtoken inside, RS256 pinned, issuer, audience,
// kid), the session checked in the strategy's validate(), the user read in the controller.
// No domain layer, ORM, request context, headers, metrics or logging: what is left of the API's gap to
// the baseline when this row is subtracted is the project's own.
//
// V adds, one at a time or comma-separated, what the API has on top, to measure each one's cost
// (bench/experiments/cpu-per-request.sh; `npm run build` first for `headers` and `pipe`):
//   headers  the API's security headers + x-request-id, in one onRequest hook
//   reqid    a randomUUID request id          cors     @fastify/cors with origin: false
//   version  URI versioning + global prefix   als      an AsyncLocalStorage that has run once
//   pipe     the API's global validation pipe
// and replaces the guard with
//   authguard  @nestjs/passport's AuthGuard (passport's authenticate middleware around the strategy)
//   direct     jsonwebtoken in a plain guard, without passport-jwt
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  Req,
  UnauthorizedException,
  UseGuards,
  VersioningType,
  VERSION_NEUTRAL,
} = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { AuthGuard, PassportModule, PassportStrategy } = require('@nestjs/passport');
const { ExtractJwt, Strategy } = require('passport-jwt');
const jwt = require('jsonwebtoken');
const store = await import('./lib/profile-store.mjs');

const variant = new Set((process.env.V ?? '').split(',').filter(Boolean));

class HealthController {
  live() {
    return { status: 'ok' };
  }
}
Get('live')(
  HealthController.prototype,
  'live',
  Object.getOwnPropertyDescriptor(HealthController.prototype, 'live'),
);
Controller(variant.has('version') ? { path: 'health', version: VERSION_NEUTRAL } : 'health')(
  HealthController,
);

const key = store.loadKey();
const db = key ? await store.openDatabase() : null;
const DB = 'db';
const kidOf = (token) => {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;
  } catch {
    return undefined;
  }
};

class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(database) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_request, token, done) =>
        kidOf(token) === key.kid ? done(null, key.publicKey) : done(new Error('Unknown signing key')),
      algorithms: ['RS256'],
      issuer: store.issuer,
      audience: store.audience,
      jsonWebTokenOptions: { clockTolerance: store.clockTolerance, algorithms: ['RS256'] },
    });
    this.database = database;
  }

  async validate(claims) {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
    return store.sessionIsActive(await this.database.session(claims.sid)) ? { userId: claims.sub } : false;
  }
}
Injectable()(JwtStrategy);
Inject(DB)(JwtStrategy, undefined, 0);

class ProfileController {
  constructor(database) {
    this.database = database;
  }

  async profile(request) {
    const user = await this.database.user(request.user.userId);
    if (!user) throw new UnauthorizedException();
    return store.profileBody(user);
  }
}
const profileMethod = Object.getOwnPropertyDescriptor(ProfileController.prototype, 'profile');
Get('profile')(ProfileController.prototype, 'profile', profileMethod);
// The guard, as the API's AccessTokenGuard: the strategy run for the request the way passport runs a
// strategy (a per-request object with success, fail and error), without @nestjs/passport's AuthGuard.
class StrategyGuard {
  constructor(strategy) {
    this.strategy = strategy;
  }

  canActivate(context) {
    const request = context.switchToHttp().getRequest();
    return new Promise((resolve, reject) => {
      const attempt = Object.create(this.strategy);
      attempt.success = (user) => {
        request.user = user;
        resolve(true);
      };
      attempt.fail = () => reject(new UnauthorizedException());
      attempt.error = reject;
      attempt.authenticate(request, {});
    });
  }
}
Injectable()(StrategyGuard);
Inject(JwtStrategy)(StrategyGuard, undefined, 0);

// V=direct: the same checks with jsonwebtoken in a plain guard, no passport-jwt.
class DirectGuard {
  constructor(database) {
    this.database = database;
  }

  async canActivate(context) {
    const request = context.switchToHttp().getRequest();
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new UnauthorizedException();
    let claims;
    try {
      const decoded = jwt.verify(header.slice(7), key.publicKey, {
        algorithms: ['RS256'],
        issuer: store.issuer,
        audience: store.audience,
        clockTolerance: store.clockTolerance,
        complete: true,
      });
      if (decoded.header.kid !== key.kid) throw new Error('Unknown signing key');
      claims = decoded.payload;
    } catch {
      throw new UnauthorizedException();
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new UnauthorizedException();
    if (!store.sessionIsActive(await this.database.session(claims.sid))) throw new UnauthorizedException();
    request.user = { userId: claims.sub };
    return true;
  }
}
Injectable()(DirectGuard);
Inject(DB)(DirectGuard, undefined, 0);

const guard = variant.has('authguard')
  ? AuthGuard('jwt')
  : variant.has('direct')
    ? DirectGuard
    : StrategyGuard;
UseGuards(guard)(ProfileController.prototype, 'profile', profileMethod);
Req()(ProfileController.prototype, 'profile', 0);
Controller('api/v1/auth')(ProfileController);
Inject(DB)(ProfileController, undefined, 0);

class AppModule {}
Module(
  key
    ? {
        imports: [PassportModule],
        controllers: [HealthController, ProfileController],
        providers: [{ provide: DB, useValue: db }, JwtStrategy, StrategyGuard, DirectGuard],
      }
    : { controllers: [HealthController] },
)(AppModule);

const adapter = new FastifyAdapter({
  logger: false,
  routerOptions: { ignoreTrailingSlash: true }, // as the API: /profile/ and /profile
  ...(variant.has('reqid') ? { requestIdHeader: false, genReqId: () => randomUUID() } : {}),
});
const app = await NestFactory.create(AppModule, adapter, { logger: false });
if (variant.has('headers')) {
  const { API_SECURITY_HEADERS } = require('../dist/apps/api/src/security-headers.js');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(API_SECURITY_HEADERS).header('x-request-id', request.id);
      done();
    });
}
if (variant.has('cors')) app.enableCors({ origin: false, credentials: true });
if (variant.has('version')) {
  app.setGlobalPrefix('api', { exclude: ['health/live'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
if (variant.has('pipe')) {
  const { createValidationPipe } = require('../dist/libs/shared/src/index.js');
  app.useGlobalPipes(createValidationPipe());
}
if (variant.has('als')) new AsyncLocalStorage().run(1, () => undefined);
app.enableShutdownHooks();
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
