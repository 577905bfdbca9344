// Jest cannot load ESM-only packages from CommonJS (Node 20 can, with require(esm)); this transformer
// compiles the few listed in jest.config.js (transformIgnorePatterns) to CommonJS for the tests.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest loads transformers as CommonJS
const ts = require('typescript');

module.exports = {
  process(source, filename) {
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true },
    });
    return { code: outputText };
  },
};
