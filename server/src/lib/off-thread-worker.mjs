/*
 * The entry of the off-thread pool's workers (off-thread.ts). A worker thread does not inherit the
 * main thread's module hooks, so it registers tsx itself before it loads the TypeScript tasks.
 */
import { on } from 'node:events';
import { register } from 'tsx/esm/api';

register();
const { offThreadTasks } = await import('./off-thread-tasks.ts');

/** The batches of rows sent through the port, as they arrive, until the null that ends them. */
async function* batchesFrom(port) {
  try {
    for await (const [batch] of on(port, 'message')) {
      if (batch === null) return;
      yield batch;
    }
  } finally {
    port.close();
  }
}

/** Runs the task named in the message with its arguments (the first one's rows from the port). */
export default async function run({ task, args, rowsPort }) {
  if (rowsPort) {
    const [head, ...rest] = args;
    return offThreadTasks[task]({ ...head, rows: batchesFrom(rowsPort) }, ...rest);
  }
  return offThreadTasks[task](...args);
}
