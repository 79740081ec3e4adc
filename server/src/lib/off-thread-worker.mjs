/*
 * The entry of the off-thread pool's workers (off-thread.ts). A worker thread does not inherit the
 * main thread's module hooks, so it registers tsx itself before it loads the TypeScript tasks.
 */
import { register } from 'tsx/esm/api';

register();
const { offThreadTasks } = await import('./off-thread-tasks.ts');

/** The rows sent through the port, a batch a message, until the null that ends them. */
function receiveRows(port) {
  return new Promise((resolve) => {
    const rows = [];
    port.on('message', (batch) => {
      if (batch === null) {
        port.close();
        resolve(rows);
      } else {
        for (const row of batch) rows.push(row);
      }
    });
  });
}

/** Runs the task named in the message with its arguments (the first one's rows from the port). */
export default async function run({ task, args, rowsPort }) {
  if (rowsPort) {
    const [first, ...rest] = args;
    return offThreadTasks[task]({ ...first, rows: await receiveRows(rowsPort) }, ...rest);
  }
  return offThreadTasks[task](...args);
}
