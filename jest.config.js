/** Unit specs sit beside the code; integration and e2e suites live in test/. */
const moduleNameMapper = {
  '^@fluentpro/(shared|authentication|onboarding|administration|notifications)$': '<rootDir>/libs/$1/src',
  '^@fluentpro/(shared|authentication|onboarding|administration|notifications)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
};
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  // jose 6 (used by jwks-rsa 4) ships only ES modules, which Node loads with require(esm) but Jest's
  // CommonJS runtime cannot: compile that one package to CommonJS for the tests.
  '/node_modules/jwks-rsa/node_modules/jose/.+\\.js$': [
    'ts-jest',
    { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022' } },
  ],
};
const transformIgnorePatterns = ['^(?!.*/node_modules/jwks-rsa/node_modules/jose/).*/node_modules/'];
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns,
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
