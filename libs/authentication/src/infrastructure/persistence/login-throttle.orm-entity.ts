import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Consecutive failed logins per email, whether or not an account has that email. */
@Entity({ name: 'login_throttles' })
export class LoginThrottleRecord {
  @PrimaryColumn({ name: 'email_key', type: 'varchar', length: 254 })
  emailKey: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'locked_until', nullable: true, type: Date })
  lockedUntil: Date | null;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
