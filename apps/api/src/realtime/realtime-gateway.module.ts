import { Module } from '@nestjs/common';
import { AuthenticationModule } from '@fluentpro/authentication';
import { RealtimeGateway } from './realtime.gateway';

/** The WebSocket gateway at /ws (the adapter is set in bootstrap.ts). */
@Module({
  imports: [AuthenticationModule],
  providers: [RealtimeGateway],
})
export class RealtimeGatewayModule {}
