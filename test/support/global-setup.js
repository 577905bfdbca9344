// The process-level suites run the built API, so make sure dist/ is current (a no-op when it is).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [join(__dirname, '../../scripts/build.mjs'), '--if-needed'], {
    stdio: 'inherit',
  });
};
