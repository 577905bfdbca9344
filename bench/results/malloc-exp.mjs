import { startServer } from '../lib/processes.mjs';
import { requestJson, closedLoop } from '../lib/load.mjs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const extra = JSON.parse(process.argv[2] ?? '{}');
const dir = mkdtempSync(join(tmpdir(), 'mexp-'));
const api = await startServer({ name: 'api', script: 'dist/apps/api/src/main.js', cwd: process.cwd(), env: { SQLITE_PATH: join(dir, 'db.sqlite'), JWT_KEYS_DIR: join(dir, 'keys'), LOG_LEVEL: 'silent', NODE_ENV: 'production', HOST: '127.0.0.1', AUTH_RATE_LIMIT_PER_MINUTE: '1000000', ...extra } });
for (let i = 0; i < 200; i++) await requestJson(api.url, { path: '/health/live' });
await new Promise((r) => setTimeout(r, 1000));
const idle = api.rss();
const emails = [];
for (let i = 0; i < 20; i++) { const email = `u${i}@x.com`; await requestJson(api.url, { method: 'POST', path: '/api/v1/auth/signup/', body: { full_name: 'Ann Lee', email, password: 'Passw0rd!x', date_of_birth: '1990-01-15' } }); emails.push(email); }
let n = 0;
const r = await closedLoop({ url: api.url, connections: 4, seconds: 8, method: 'POST', path: '/api/v1/auth/login/', setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: emails[n++ % 20], password: 'Passw0rd!x' }) }) });
const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))[1]) / 1024;
console.log(JSON.stringify(extra), 'idle', idle.toFixed(1), 'peak', hwm.toFixed(1), 'after', api.rss().toFixed(1), 'ratio', (hwm / idle).toFixed(2), 'logins/s', r.rps.toFixed(0));
await api.stop();
