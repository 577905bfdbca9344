import { RequestContext } from '../application/request-context';
import { createIntegrationEvent } from './integration-event';

describe('createIntegrationEvent', () => {
  it('takes the correlation id of the request context, unless one is given', () => {
    const inside = RequestContext.run('req-43', () => createIntegrationEvent('x.y.v1', {}));
    expect(inside.correlationId).toBe('req-43');
    expect(createIntegrationEvent('x.y.v1', {}).correlationId).toBeNull();
    expect(createIntegrationEvent('x.y.v1', {}, { correlationId: 'given' }).correlationId).toBe('given');
  });
});
