import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StringField } from '@fluentpro/shared';
import { DateOfBirth } from '../../domain/date-of-birth.value-object';
import { Email } from '../../domain/email.value-object';
import { FullName } from '../../domain/full-name.value-object';
import { Password } from '../../domain/password.value-object';

export class SignUpRequest {
  @ApiProperty({ example: 'John Doe', description: '2–50 characters, letters (any alphabet) and spaces' })
  @StringField({ satisfies: FullName.create })
  full_name: string;

  @ApiProperty({ example: 'john.doe@example.com', description: 'Stored and compared case-insensitively' })
  @StringField({ satisfies: Email.create })
  email: string;

  @ApiProperty({
    example: 'Str0ng!Passw0rd',
    description: '8–128 characters with an uppercase and a lowercase letter, a digit and a special character',
  })
  @StringField({ satisfies: Password.create })
  password: string;

  @ApiProperty({ example: '1990-01-15', description: 'YYYY-MM-DD; at least 13 years old today' })
  @StringField({ satisfies: (value) => DateOfBirth.create(value, new Date()) })
  date_of_birth: string;
}

export class LogInRequest {
  @ApiProperty({ example: 'john.doe@example.com' })
  @StringField({ satisfies: Email.create })
  email: string;

  @ApiProperty({ example: 'Str0ng!Passw0rd' })
  @StringField()
  password: string;
}

export class RefreshTokenRequest {
  @ApiProperty({ example: '6f1c0f0e-2a4b-4c55-9d43-1f9f0c3c2b1a.yJ6g...' })
  @StringField()
  refresh_token: string;
}

export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'Jane Doe' })
  @StringField({ optional: true, satisfies: FullName.create })
  full_name?: string;

  @ApiPropertyOptional({ example: '1991-02-20' })
  @StringField({ optional: true, satisfies: (value) => DateOfBirth.create(value, new Date()) })
  date_of_birth?: string;
}

export class UserResponse {
  @ApiProperty({ example: '0b6f9a3e-8a53-4b1e-9f59-7d2d0e6c1f10' }) id: string;
  @ApiProperty({ example: 'John Doe' }) full_name: string;
  @ApiProperty({ example: 'john.doe@example.com' }) email: string;
  @ApiProperty({ example: '1990-01-15' }) date_of_birth: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'RS256 JWT' }) access_token: string;
  @ApiProperty({ description: 'Opaque; rotated on every use' }) refresh_token: string;
  @ApiProperty({ example: 'Bearer' }) token_type: 'Bearer';
  @ApiProperty({ example: 3600 }) expires_in: number;
}

export class AuthResponse extends TokenPairResponse {
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export class ProfileResponse extends UserResponse {
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) created_at: string;
  @ApiProperty({ example: '2026-01-01T10:00:00.000Z' }) updated_at: string;
}

export class MessageResponse {
  @ApiProperty({ example: 'Successfully logged out' }) message: string;
}

export class AuthHealthResponse {
  @ApiProperty({ example: 'healthy' }) status: string;
  @ApiProperty({ example: 'fluentpro-backend' }) service: string;
  @ApiProperty({ example: '1.0.0' }) version: string;
  @ApiProperty({ example: 'development' }) environment: string;
  @ApiProperty({ example: false }) auth0_configured: boolean;
  @ApiProperty({ example: false, description: 'Whether a PostgreSQL user store is configured' })
  supabase_configured: boolean;
  @ApiProperty({ example: 'self-hosted' }) identity_provider: string;
}
