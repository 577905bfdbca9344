import { ApiProperty } from '@nestjs/swagger';
import { StringField } from '@fluentpro/shared';
import { Password } from '../../domain/password.value-object';

export class SessionResponse {
  @ApiProperty({ example: '6f1c0f0e-2a4b-4c55-9d43-1f9f0c3c2b1a' }) id: string;
  @ApiProperty({ example: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', nullable: true })
  user_agent: string | null;
  @ApiProperty({ example: '203.0.113.7', nullable: true }) ip_address: string | null;
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-01-02T08:30:00.000Z', description: 'Sign-in or last token refresh' })
  last_used_at: string;
  @ApiProperty({ example: '2026-01-31T10:00:00.000Z' }) expires_at: string;
  @ApiProperty({ example: true, description: 'The session of the access token that asked' })
  current: boolean;
}

export class SessionListResponse {
  @ApiProperty({ type: [SessionResponse] }) sessions: SessionResponse[];
}

export class SessionsRevokedResponse {
  @ApiProperty({ example: 'Logged out of every session' }) message: string;
  @ApiProperty({ example: 3 }) sessions_revoked: number;
}

export class ChangePasswordRequest {
  @ApiProperty({ example: 'Str0ng!Passw0rd' })
  @StringField()
  current_password: string;

  @ApiProperty({
    example: 'N3w!Passw0rd',
    description: 'Same policy as sign-up; must differ from the current password',
  })
  @StringField({ satisfies: (value) => Password.create(value) })
  new_password: string;
}
