import { DynamicModule, Module } from '@nestjs/common';
import { AuthenticationModule } from '@fluentpro/authentication';
import type { AppConfig } from '@fluentpro/shared';
import { RealtimeGateway } from './realtime.gateway';

/** The WebSocket gateway at /ws (the adapter is set in bootstrap.ts). */
@Module({})
export class RealtimeGatewayModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: RealtimeGatewayModule,
      imports: [AuthenticationModule.forRoot(config)],
      providers: [RealtimeGateway],
    };
  }
}
