import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@fluentpro/shared';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen({ port: config.env.PORT, host: config.env.HOST });
  new Logger('Bootstrap').log(
    `FluentPro API listening on http://${config.env.HOST}:${config.env.PORT} (docs at /api/docs)`,
  );
}

main().catch((error: unknown) => {
  console.error('FluentPro API failed to start:', error);
  process.exit(1);
});
