/** Unit specs sit beside the code; integration and e2e suites live in test/. */
const moduleNameMapper = {
  '^@fluentpro/(shared|authentication|onboarding)$': '<rootDir>/libs/$1/src',
  '^@fluentpro/(shared|authentication|onboarding)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  moduleNameMapper,
};

module.exports = {
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/global-setup.js',
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
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
