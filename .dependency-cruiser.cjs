/**
 * The dependency rules of docs/architecture (ARCHITECTURE.md), enforced in CI. Each rule has a test
 * (test/architecture/dependency-rules.e2e-spec.ts) that plants a violating import and expects failure.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain imports nothing but the shared kernel: no Nest, TypeORM, class-validator or Swagger',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        pathNot: ['^libs/[^/]+/src/domain/', '^libs/shared/src/index\\.ts$', '^libs/shared/src/domain/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'application-knows-no-adapters',
      comment: 'application imports domain and ports; never infrastructure or interface',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/application/' },
      to: { path: '^libs/[^/]+/src/(infrastructure|interface)/' },
    },
    {
      name: 'application-knows-no-orm',
      comment: 'application code does not touch TypeORM, BullMQ or HTTP frameworks directly',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/application/' },
      to: {
        path: 'node_modules/(typeorm|bullmq|ioredis|fastify|@nestjs/(typeorm|swagger|platform-fastify|bullmq))/',
      },
    },
    {
      name: 'contexts-use-each-others-door',
      comment: 'a context reaches another only through its index.ts',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/' },
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$1/src/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-use-the-door',
      comment: 'apps import libraries only through their index.ts',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'shared-depends-on-no-context',
      comment: 'the shared kernel never imports a bounded context',
      severity: 'error',
      from: { path: '^libs/shared/' },
      to: { path: '^libs/(?!shared/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
