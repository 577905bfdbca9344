import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RealtimePublisher } from '../../realtime/realtime-publisher';
import { InProcessRealtimeBus } from './in-process-realtime-bus';
import { RealtimeBus } from './realtime-bus';

/** Redis pub/sub, required only when REDIS_URL is set: ioredis is not loaded otherwise (docs/performance.md). */
function redisRealtimeBus(config: AppConfig, url: string): RealtimeBus {
  type Redis = typeof import('./redis-realtime-bus');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  const { RedisRealtimeBus } = require('./redis-realtime-bus') as Redis;
  return new RedisRealtimeBus(
    url,
    config.env.REALTIME_REDIS_CHANNEL_PREFIX,
    config.env.REALTIME_MAX_MESSAGE_BYTES,
  );
}

/**
 * Provides RealtimePublisher to every module (and RealtimeBus to the WebSocket gateway): Redis
 * pub/sub when REDIS_URL is set, in-process otherwise. Imported by every process that publishes
 * (API, worker, CLI).
 */
@Global()
@Module({
  providers: [
    {
      provide: RealtimeBus,
      inject: [AppConfig],
      useFactory: (config: AppConfig): RealtimeBus =>
        config.env.REDIS_URL
          ? redisRealtimeBus(config, config.env.REDIS_URL)
          : new InProcessRealtimeBus(config.env.REALTIME_MAX_MESSAGE_BYTES),
    },
    { provide: RealtimePublisher, useExisting: RealtimeBus },
  ],
  exports: [RealtimeBus, RealtimePublisher],
})
export class RealtimeModule {}
