import { RequestContext } from '../../application/request-context';
import { createIntegrationEvent } from '../../events/integration-event';
import { CorrelatedConsoleLogger } from './correlated-console.logger';

describe('correlation id', () => {
  it('is printed on log lines written inside a request context, and only there', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const logger = new CorrelatedConsoleLogger({ colors: false });
      RequestContext.run('req-42', () => logger.log('inside', 'Events'));
      logger.log('outside', 'Events');
    } finally {
      spy.mockRestore();
    }
    expect(written[0]).toMatch(/\[Events\] \[cid=req-42\] inside/);
    expect(written[1]).not.toContain('cid=');
  });

  it('is copied into new integration events from the request context', () => {
    const inside = RequestContext.run('req-43', () => createIntegrationEvent('x.y.v1', {}));
    expect(inside.correlationId).toBe('req-43');
    expect(createIntegrationEvent('x.y.v1', {}).correlationId).toBeNull();
    expect(createIntegrationEvent('x.y.v1', {}, { correlationId: 'given' }).correlationId).toBe('given');
  });
});
