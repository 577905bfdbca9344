#!/usr/bin/env node
// Operator commands for a BullMQ queue (docs/troubleshooting.md, "Drain the queue").
//   REDIS_URL=redis://host:6379/0 node scripts/queue-admin.mjs <command> <queue> [--prefix bull]
//   counts      job counts by state
//   pause       workers stop taking new jobs (running ones finish); producers may still add jobs
//   resume      undo pause
//   wait-empty  wait until nothing is waiting, delayed or active (a drain before maintenance)
//   discard-waiting   remove every waiting and delayed job (they are lost: outbox rows stay sent)
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

const [command, name, ...rest] = process.argv.slice(2);
const prefix = rest[0] === '--prefix' ? rest[1] : 'bull';
const commands = ['counts', 'pause', 'resume', 'wait-empty', 'discard-waiting'];
if (!commands.includes(command) || !name || !process.env.REDIS_URL) {
  console.error(
    `Usage: REDIS_URL=redis://… node scripts/queue-admin.mjs <${commands.join('|')}> <queue> [--prefix bull]`,
  );
  process.exit(2);
}

const connection = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: null });
const queue = new Queue(name, { connection, prefix });
const counts = () =>
  queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed', 'paused', 'prioritized');
try {
  switch (command) {
    case 'pause':
      await queue.pause();
      break;
    case 'resume':
      await queue.resume();
      break;
    case 'discard-waiting':
      await queue.drain(true);
      break;
    case 'wait-empty':
      for (;;) {
        const c = await counts();
        const left = c.waiting + c.delayed + c.active + c.prioritized;
        console.log(JSON.stringify({ queue: name, left, ...c }));
        if (left === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      break;
  }
  console.log(JSON.stringify({ queue: name, ...(await counts()), is_paused: await queue.isPaused() }));
} finally {
  await queue.close();
  connection.disconnect();
}
