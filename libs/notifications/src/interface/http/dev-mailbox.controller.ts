import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { DevMailbox } from '../../application/ports/dev-mailbox';

class DevMailboxMessage {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'john.doe@example.com' }) to: string;
  @ApiProperty({ example: 'Welcome to FluentPro' }) subject: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ nullable: true, type: String }) html: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Request id that caused the email' })
  correlation_id: string | null;
  @ApiProperty({ example: '2026-01-01T12:00:00.000Z' }) created_at: string;
}

class DevMailboxResponse {
  @ApiProperty({ type: [DevMailboxMessage] }) messages: DevMailboxMessage[];
}

/** The emails the dev mailbox kept, newest first. Registered only when NODE_ENV=development. */
@ApiTags('Development')
@Controller({ path: 'dev/mailbox', version: '1' })
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailbox) {}

  @Get()
  @ApiOperation({ summary: 'Emails stored by the dev mailbox (development only)' })
  @ApiQuery({ name: 'to', required: false, description: 'Only messages to this address' })
  @ApiOkResponse({ type: DevMailboxResponse })
  async list(@Query('to') to?: string): Promise<DevMailboxResponse> {
    const messages = await this.mailbox.list({
      to: typeof to === 'string' && to ? to : undefined,
      limit: 100,
    });
    return {
      messages: messages.map((message) => ({
        id: message.id,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        correlation_id: message.correlationId,
        created_at: message.createdAt.toISOString(),
      })),
    };
  }
}
