import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import type { ProfileView } from '../account.view';
import { AccountViews } from '../ports/account-views';
import { GetProfileHandler } from './get-profile.handler';

class StoredViews extends AccountViews {
  constructor(private readonly profiles: Map<string, ProfileView>) {
    super();
  }

  profile(userId: string): Promise<ProfileView | null> {
    return Promise.resolve(this.profiles.get(userId) ?? null);
  }
}

describe('GetProfileHandler', () => {
  const ann: ProfileView = {
    id: 'u-1',
    full_name: 'Ann Lee',
    email: 'ann@example.com',
    date_of_birth: '1990-01-15',
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-02T00:00:00.000Z',
  };
  const handler = new GetProfileHandler(new StoredViews(new Map([[ann.id, ann]])));

  it('answers the stored profile view', async () => {
    await expect(handler.execute('u-1')).resolves.toEqual(ann);
  });

  it('refuses the token of an account that no longer exists (a 401, not a 404 or 500)', async () => {
    await expect(handler.execute('u-gone')).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});
