import { Session } from '../../domain/session.aggregate';
import { SessionRecord } from './session.orm-entity';

export const SessionMapper = {
  toDomain(record: SessionRecord): Session {
    return Session.restore({ ...record });
  },

  toRecord(session: Session): SessionRecord {
    return Object.assign(new SessionRecord(), session.snapshot());
  },
};
