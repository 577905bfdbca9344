/** Unit specs sit beside the code; integration and e2e suites live in test/. */
const moduleNameMapper = {
  '^@fluentpro/(shared|authentication|onboarding|notifications)$': '<rootDir>/libs/$1/src',
  '^@fluentpro/(shared|authentication|onboarding|notifications)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
/** ESM-only dependencies (loaded by @fastify/static) compiled to CommonJS for Jest. */
const ESM_ONLY = ['content-disposition'];
const transform = {
  '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: 'tsconfig.json' }],
  [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: '<rootDir>/test/support/esm-to-cjs.transformer.js',
};
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
      ],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'], testTimeout: 30000 },
  ],
};
