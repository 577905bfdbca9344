// Load generators: autocannon for closed-loop saturation, a paced open-loop client for offered rates.
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

/** Percentile of a numeric array (nearest rank); NaN when empty. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summarise({ latencies, statusCodes, errors, seconds, offered }) {
  const ok = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  const total = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    rps: ok / seconds,
    requests: total,
    ok,
    non2xx: total - ok,
    errors,
    statusCodes,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? latencies.reduce((a, b) => (b > a ? b : a)) : NaN,
    seconds,
    ...(offered === undefined ? {} : { offered }),
  };
}

/**
 * Closed loop: `connections` clients each send the next request as soon as the previous answers.
 * Latencies (ms, sub-millisecond precision) are those of 2xx answers; `rps` counts 2xx only.
 */
export function closedLoop({
  url,
  connections,
  seconds,
  method = 'GET',
  path,
  headers = {},
  body,
  setupRequest,
  onResponse,
}) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statusCodes = {};
    const request = { method, path, headers: { ...headers }, body };
    if (setupRequest) request.setupRequest = setupRequest;
    if (onResponse) request.onResponse = onResponse;
    const instance = autocannon(
      { url, connections, duration: seconds, requests: [request], timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
        resolve(
          summarise({
            latencies,
            statusCodes,
            errors: result.errors + result.timeouts,
            seconds: result.duration || seconds,
          }),
        );
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

/**
 * Open loop: requests are offered at `rate` per second, evenly spaced, whatever the server's speed
 * (no coordinated omission: a slow answer never delays the next request). Latency runs from the moment
 * the request is written. More than `maxInFlight` outstanding requests are counted as errors, not sent.
 */
export function paced({
  url,
  rate,
  seconds,
  method = 'GET',
  path,
  headers = {},
  body,
  onResponse,
  maxInFlight = 512,
}) {
  const target = new URL(path, url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
  const latencies = [];
  const statusCodes = {};
  let errors = 0;
  let inFlight = 0;
  let sent = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (sent < total || inFlight > 0) return;
      agent.destroy();
      resolve(summarise({ latencies, statusCodes, errors, seconds, offered: rate }));
    };
    const send = () => {
      const next = typeof body === 'function' ? body() : body;
      const payload = next === undefined ? undefined : JSON.stringify(next);
      const requestHeaders = { ...(typeof headers === 'function' ? headers() : headers) };
      if (payload !== undefined) {
        requestHeaders['content-type'] = 'application/json';
        requestHeaders['content-length'] = Buffer.byteLength(payload);
      }
      inFlight += 1;
      const sentAt = performance.now();
      const request = http.request(
        target,
        { method, agent, headers: requestHeaders, timeout: 30_000 },
        (response) => {
          let text = '';
          if (onResponse) response.on('data', (chunk) => (text += chunk));
          else response.resume();
          response.on('end', () => {
            const code = response.statusCode;
            if (onResponse) onResponse(code, text);
            statusCodes[code] = (statusCodes[code] ?? 0) + 1;
            if (code >= 200 && code < 300) latencies.push(performance.now() - sentAt);
            inFlight -= 1;
            finishIfDone();
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors += 1;
        inFlight -= 1;
        finishIfDone();
      });
      request.end(payload);
    };
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - started) / 1000) * rate) + 1);
      while (sent < due) {
        sent += 1;
        if (inFlight >= maxInFlight) errors += 1;
        else send();
      }
      // Sleep until the next request is due.
      if (sent < total) setTimeout(tick, Math.max(0, started + (sent / rate) * 1000 - performance.now()));
      else finishIfDone();
    };
    tick();
  });
}

/**
 * `count` GET requests of `path`, `concurrency` at a time, each with the next of `tokens` as its bearer
 * token (the experiments' fixed amounts of work); throws on an answer other than 200.
 */
export function getEach(url, { path, tokens, count, concurrency = 1 }) {
  return sendEach(url, {
    count,
    concurrency,
    request: (index) => ({ path, token: tokens[index % tokens.length] }),
  });
}

/**
 * `count` requests, `concurrency` at a time: `request(index)` gives each one's requestJson options,
 * `answered(body)` sees each answer's body; throws on an answer other than 200.
 */
export async function sendEach(url, { count, concurrency = 1, request, answered = () => {} }) {
  let sent = 0;
  const client = async () => {
    while (sent < count) {
      const options = request(sent++);
      const { status, body } = await requestJson(url, options);
      if (status !== 200)
        throw new Error(
          `${options.method ?? 'GET'} ${url}${options.path} answered ${status} ${JSON.stringify(body)}`,
        );
      answered(body);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
}

/** One JSON request (seeding, checks). */
export function requestJson(url, { method = 'GET', path, body, token }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    const request = http.request(new URL(path, url), { method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let parsed = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: response.statusCode, body: parsed });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Signs up `count` users through the API (`concurrency` at a time, within what its hash queue admits)
 * with `password`, and returns their emails and the tokens the sign-ups answered with.
 */
export async function seedUsers(api, { count, runId, password, concurrency = 4 }) {
  const users = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const email = `seed-${runId}-${index}@bench.example.com`;
      const response = await requestJson(api.url, {
        method: 'POST',
        path: '/api/v1/auth/signup/',
        body: { full_name: 'Bench User', email, password, date_of_birth: '1990-01-15' },
      });
      if (response.status !== 201)
        throw new Error(`seeding: sign-up answered ${response.status} ${JSON.stringify(response.body)}`);
      users.push({
        email,
        accessToken: response.body.access_token,
        refreshToken: response.body.refresh_token,
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return users;
}
