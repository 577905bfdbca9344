// The targets of issue 8 / docs/performance.md, evaluated as same-run ratios (median over rounds).
import { median } from './load.mjs';

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const failures = (result) => (result ? result.non2xx + result.errors : 0);
/** Whether the rounds measured that side of a scenario (not with --only, nor in results from before it). */
const measuredIn = (rounds, part, side) => rounds[0]?.[part]?.[side] !== undefined;

function target(id, label, value, op, limit, detail, extraPass = true) {
  const measured = Number.isFinite(value);
  const pass = measured ? (op === '>=' ? value >= limit : value <= limit) && extraPass : null;
  return { id, label, value, op, limit, pass, detail };
}

export function evaluateTargets(results) {
  const rounds = results.rounds ?? [];
  const mixed = results.mixed ?? [];
  const safe = (fn) => (row) => {
    try {
      return fn(row);
    } catch {
      return NaN; // that part did not run (--only)
    }
  };
  const perRound = (fn) => median(rounds.map(safe(fn)));
  const perMixed = (fn) => median(mixed.map(safe(fn)));
  const med = (list, fn) => median(list.map(safe(fn)));
  /** A floor's req/s (or p99) as a fraction of the baseline's, for the detail of a target. */
  const ofBaseline = (part, side, field = 'rps') =>
    fmt(perRound((r) => r[part][side][field] / r[part].baseline[field]));
  const measured = (part, side) => measuredIn(rounds, part, side);
  const targets = [];

  targets.push(
    target(
      'health-rps',
      '/health/live req/s ÷ bare Fastify',
      perRound((r) => r.health.api.rps / r.health.baseline.rps),
      '>=',
      0.75,
      `api ${fmt(
        med(rounds, (r) => r.health.api.rps),
        0,
      )} vs ${fmt(
        med(rounds, (r) => r.health.baseline.rps),
        0,
      )} req/s; bare Nest ${ofBaseline('health', 'nestFloor')}${measured('health', 'nestFeatures') ? `, bare Nest + required features ${ofBaseline('health', 'nestFeatures')}` : ''}, bare Fastify + API headers ${ofBaseline('health', 'baselineHeaders')} of it`,
    ),
    target(
      'profile-rps',
      '/profile req/s ÷ baseline',
      perRound((r) => r.profile.api.rps / r.profile.baseline.rps),
      '>=',
      0.75,
      `api ${fmt(
        med(rounds, (r) => r.profile.api.rps),
        0,
      )} vs ${fmt(
        med(rounds, (r) => r.profile.baseline.rps),
        0,
      )} req/s${measured('profile', 'nestFloor') ? `; bare Nest + passport-jwt doing the baseline's work ${ofBaseline('profile', 'nestFloor')}${measured('profile', 'nestFeatures') ? `, with the required features ${ofBaseline('profile', 'nestFeatures')}` : ''} of it` : ''}`,
    ),
    target(
      'profile-p99',
      '/profile p99 ÷ baseline p99',
      perRound((r) => r.profile.api.p99 / r.profile.baseline.p99),
      '<=',
      1.5,
      `api ${fmt(med(rounds, (r) => r.profile.api.p99))} vs ${fmt(med(rounds, (r) => r.profile.baseline.p99))} ms${measured('profile', 'nestFloor') ? `; bare Nest + passport-jwt ${ofBaseline('profile', 'nestFloor', 'p99')}${measured('profile', 'nestFeatures') ? `, with the required features ${ofBaseline('profile', 'nestFeatures', 'p99')}` : ''}` : ''}`,
    ),
    target(
      'login-ceiling',
      'logins/s at saturation ÷ argon2id ceiling',
      perRound((r) => r.login.login.rps / r.login.ceiling.hashesPerSecond),
      '>=',
      0.85,
      `${fmt(
        med(rounds, (r) => r.login.login.rps),
        1,
      )} logins/s vs ${fmt(
        med(rounds, (r) => r.login.ceiling.hashesPerSecond),
        1,
      )} hashes/s (concurrency ${results.settings?.hashConcurrency})${rounds[0]?.login?.baselineLogin ? `; bare Fastify doing a login's own work ${fmt(perRound((r) => r.login.baselineLogin.rps / r.login.ceiling.hashesPerSecond))} of it` : ''}`,
    ),
    target(
      'signup-login',
      'sign-ups/s ÷ logins/s',
      perRound((r) => r.signup.signup.rps / r.signup.login.rps),
      '>=',
      0.85,
      `${fmt(
        med(rounds, (r) => r.signup.signup.rps),
        1,
      )} vs ${fmt(
        med(rounds, (r) => r.signup.login.rps),
        1,
      )} /s`,
    ),
    target(
      'refresh-login',
      'refreshes/s ÷ logins/s',
      perRound((r) => r.refresh.refresh.rps / r.refresh.login.rps),
      '>=',
      8,
      `${fmt(
        med(rounds, (r) => r.refresh.refresh.rps),
        0,
      )} vs ${fmt(
        med(rounds, (r) => r.refresh.login.rps),
        1,
      )} /s`,
    ),
  );

  const healthFailures = mixed.reduce((sum, m) => sum + failures(m.over?.health), 0);
  targets.push(
    target(
      'health-under-login',
      '/health/live p99, logins at 1.2x ÷ idle p99 (1 ms floor), no errors',
      perMixed((m) => m.over.health.p99 / Math.max(1, m.idle.health.p99)),
      '<=',
      5,
      `${fmt(med(mixed, (m) => m.over.health.p99))} vs ${fmt(med(mixed, (m) => m.idle.health.p99))} ms idle; ${healthFailures} failed`,
      healthFailures === 0,
    ),
    target(
      'profile-under-login',
      '/profile p99, logins saturated ÷ without login load',
      perMixed((m) => m.over.profile.p99 / m.idle.profile.p99),
      '<=',
      5,
      `${fmt(med(mixed, (m) => m.over.profile.p99))} vs ${fmt(med(mixed, (m) => m.idle.profile.p99))} ms; ${mixed.reduce((s, m) => s + failures(m.over?.profile), 0)} failed`,
    ),
    target(
      'login-latency',
      'login p99 at 1.2x ÷ login p50 at 0.5x (excess shed)',
      perMixed((m) => m.over.logins.p99 / m.half.logins.p50),
      '<=',
      10,
      `${fmt(
        med(mixed, (m) => m.over.logins.p99),
        1,
      )} vs ${fmt(
        med(mixed, (m) => m.half.logins.p50),
        1,
      )} ms; at 1.2x ${mixed
        .map(
          (m) =>
            `${m.over.logins.ok} ok / ${m.over.logins.non2xx} shed ${JSON.stringify(m.over.logins.statusCodes)} / ${m.over.logins.errors} err`,
        )
        .join(', ')}`,
    ),
  );

  const memory = results.memory;
  targets.push(
    target(
      'rss-login',
      'peak RSS under login saturation ÷ idle RSS (fresh process)',
      memory ? memory.peakMiB / memory.idleMiB : NaN,
      '<=',
      1.5,
      memory ? `${fmt(memory.peakMiB, 1)} vs ${fmt(memory.idleMiB, 1)} MiB` : 'not run',
    ),
  );
  const soak = results.soak;
  targets.push(
    target(
      'rss-soak',
      `RSS after ${soak ? soak.minutes : 10}-min soak ÷ after first minute`,
      soak ? soak.rss.endMiB / soak.rss.afterFirstMinuteMiB : NaN,
      '<=',
      1.15,
      soak
        ? `${fmt(soak.rss.endMiB, 1)} vs ${fmt(soak.rss.afterFirstMinuteMiB, 1)} MiB (peak ${fmt(soak.rss.peakMiB, 1)})`
        : 'not run (--soak)',
    ),
  );
  const startup = results.startup;
  const dbName = results.kind === 'postgres' ? 'pg' : 'better-sqlite3';
  targets.push(
    target(
      'startup',
      `time to first 200: API ÷ bare Fastify + ${dbName}`,
      startup?.startupRatio,
      '<=',
      3,
      startup
        ? `${fmt(median(startup.rounds.map((r) => r.api.startupMs)), 0)} vs ${fmt(median(startup.rounds.map((r) => r.baseline.startupMs)), 0)} ms`
        : '',
    ),
    target(
      'idle-rss',
      `idle RSS: API ÷ bare Fastify + ${dbName}`,
      startup?.idleRssRatio,
      '<=',
      2,
      startup
        ? `${fmt(median(startup.rounds.map((r) => r.api.idleRssMiB)), 1)} vs ${fmt(median(startup.rounds.map((r) => r.baseline.idleRssMiB)), 1)} MiB`
        : '',
    ),
  );
  return targets;
}

function pad(text, width) {
  const value = String(text);
  return value.length >= width ? value : value + ' '.repeat(width - value.length);
}

export function printTable(results) {
  const rows = results.rounds ?? [];
  const line = (cells, widths) => console.log(cells.map((c, i) => pad(c, widths[i])).join('  '));
  console.log(`\n=== ${results.kind}: scenarios (median of ${rows.length} interleaved rounds) ===`);
  const widths = [24, 8, 8, 8, 7, 8, 8, 8, 6, 8, 8, 9, 9];
  line(
    [
      'scenario',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'base r/s',
      'base p50',
      'base p99',
      'ratio',
      'CPU µs',
      'base µs',
      'CPU ratio',
      'peak RSS',
    ],
    widths,
  );
  const m = (fn) => median(rows.map(fn));
  const errs = (fn) => rows.reduce((sum, r) => sum + failures(fn(r)), 0);
  const scenario = (name, pick, base, ratio) => {
    const peaks = rows.map((r) => pick(r).rss?.peakMiB).filter(Number.isFinite);
    line(
      [
        name,
        fmt(
          m((r) => pick(r).rps),
          0,
        ),
        fmt(m((r) => pick(r).p50)),
        fmt(m((r) => pick(r).p99)),
        errs(pick),
        fmt(
          m((r) => base(r).rps ?? base(r).hashesPerSecond),
          0,
        ),
        base(rows[0]).p50 !== undefined ? fmt(m((r) => base(r).p50)) : '',
        base(rows[0]).p99 !== undefined ? fmt(m((r) => base(r).p99)) : '',
        fmt(m(ratio)),
        fmt(
          m((r) => pick(r).cpuMsPerRequest * 1000),
          0,
        ),
        fmt(
          m((r) => base(r).cpuMsPerRequest * 1000),
          0,
        ),
        fmt(m((r) => base(r).cpuMsPerRequest / pick(r).cpuMsPerRequest)),
        peaks.length ? `${fmt(Math.max(...peaks), 0)} MiB` : '',
      ],
      widths,
    );
  };
  // Each row: its label, the scenario, the side measured and the side it is compared with. A side the
  // run did not measure (--only, or results written before it was added) leaves its row out.
  const table = [
    ['GET /health/live', 'health', 'api', 'baseline'],
    ['  bare Nest (floor)', 'health', 'nestFloor', 'baseline'],
    ['    + required features', 'health', 'nestFeatures', 'baseline'],
    ['  bare Fastify + headers', 'health', 'baselineHeaders', 'baseline'],
    ['GET /profile', 'profile', 'api', 'baseline'],
    ['  bare Nest + passport-jwt', 'profile', 'nestFloor', 'baseline'],
    ['    + required features', 'profile', 'nestFeatures', 'baseline'],
    ['POST /login (vs argon2)', 'login', 'login', 'ceiling'],
    ['  bare Fastify login', 'login', 'baselineLogin', 'ceiling'],
    ['POST /signup (vs login)', 'signup', 'signup', 'login'],
    ['POST /refresh (vs login)', 'refresh', 'refresh', 'login'],
  ];
  for (const [name, part, side, against] of table) {
    if (!measuredIn(rows, part, side)) continue;
    const pick = (r) => r[part][side];
    const base = (r) => r[part][against];
    scenario(name, pick, base, (r) => pick(r).rps / (base(r).rps ?? base(r).hashesPerSecond));
  }
  for (const mixed of results.mixed ?? []) {
    const cell = (x) =>
      x ? `p50 ${fmt(x.p50)} p99 ${fmt(x.p99)} (${x.ok} ok, ${x.non2xx} non-2xx, ${x.errors} err)` : '-';
    for (const label of ['idle', 'half', 'over']) {
      const run = mixed[label];
      console.log(
        `mixed ${pad(label, 4)}: health ${cell(run.health)}; profile ${cell(run.profile)}; logins ${cell(run.logins)}; peak RSS ${fmt(run.rss.peakMiB, 0)} MiB`,
      );
    }
  }
  console.log(`\n=== ${results.kind}: targets (same-run ratios) ===`);
  const tw = [64, 7, 8, 6, 60];
  line(['target', 'value', 'limit', 'result', 'detail'], tw);
  for (const t of results.targets) {
    line(
      [
        t.label,
        fmt(t.value),
        `${t.op} ${t.limit}`,
        t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL',
        t.detail,
      ],
      tw,
    );
  }
}
