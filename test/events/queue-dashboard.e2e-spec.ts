import { deleteQueueKeys, describeWithRedis, uniqueQueuePrefix } from '../support/events-context';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(30_000);

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Operator surfaces that are off unless configured', () => {
  const prefix = uniqueQueuePrefix();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ QUEUE_PREFIX: prefix, NODE_ENV: 'test' });
  });
  afterAll(async () => {
    await t.close();
    await deleteQueueKeys(prefix);
  });

  it('serves no queue dashboard without admin credentials', async () => {
    expect((await t.request({ method: 'GET', url: '/admin/queues' })).status).toBe(404);
  });

  it('serves no dev mailbox outside NODE_ENV=development', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/dev/mailbox' })).status).toBe(404);
  });
});

describeWithRedis('Queue dashboard (Bull Board) at /admin/queues', () => {
  const prefix = uniqueQueuePrefix();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      QUEUE_PREFIX: prefix,
      ADMIN_USERNAME: 'ops',
      ADMIN_PASSWORD: 'correct horse battery staple',
    });
  });
  afterAll(async () => {
    await t.close();
    await deleteQueueKeys(prefix);
  });

  it('asks for credentials, and refuses wrong ones', async () => {
    const anonymous = await t.request({ method: 'GET', url: '/admin/queues' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic realm=/);
    expect(anonymous.body).toEqual({
      error: 'Authentication required',
      message: 'Admin credentials are required',
    });
    const wrong = await t.request({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization: basic('ops', 'wrong password here') },
    });
    expect(wrong.status).toBe(401);
  });

  it('shows the board and the queues to the admin', async () => {
    const authorization = basic('ops', 'correct horse battery staple');
    const page = await t.request({ method: 'GET', url: '/admin/queues', headers: { authorization } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('FluentPro queues');

    const api = await t.request({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization },
    });
    expect(api.status).toBe(200);
    expect(api.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      'integration-events',
      'maintenance',
    ]);
  });
});
