import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { OffThreadTasks } from './off-thread-tasks.js';

/*
 * CPU-bound work a request asks for — reading an uploaded spreadsheet, writing an export — runs in a
 * pool of worker threads (piscina), so that one large file never stalls the event loop that answers
 * every other request. The workers' heap is capped: a file built to exhaust memory ends its worker,
 * not the server (the task fails and the request is refused).
 */

/** The heap of one worker, in MB: what a 20 MB spreadsheet read as a stream needs, with room. */
const WORKER_HEAP_MB = 256;
/** A worker idle this long ends; the pool starts one again on the next task. */
const IDLE_MS = 30_000;

let pool: Piscina | null = null;

function poolOf(): Piscina {
  pool ??= new Piscina({
    filename: new URL('./off-thread-worker.mjs', import.meta.url).href,
    minThreads: 0,
    // One core stays with the event loop.
    maxThreads: Math.max(1, availableParallelism() - 1),
    idleTimeout: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // A worker that ended (out of its heap) fails its task, which the request answers; the pool repeats
  // the error as an event, which without a listener would end the process.
  pool.on('error', (error: Error) => console.warn(`A worker thread ended: ${error.message}`));
  return pool;
}

type Task = keyof OffThreadTasks;

/** Runs one of the off-thread tasks in a worker thread, with its arguments copied there. */
export async function runOffThread<K extends Task>(
  task: K,
  ...args: Parameters<OffThreadTasks[K]>
): Promise<Awaited<ReturnType<OffThreadTasks[K]>>> {
  return (await poolOf().run({ task, args })) as Awaited<ReturnType<OffThreadTasks[K]>>;
}

/** Rows sent to a worker in one message: a message is copied on the event loop, so it stays short. */
const ROWS_PER_MESSAGE = 2_000;

type RowsTask = {
  [K in Task]: Parameters<OffThreadTasks[K]>[0] extends { rows: unknown[] } ? K : never;
}[Task];

/**
 * runOffThread for a task whose first argument holds many rows (an export's sheet): copying 100,000
 * rows into the worker in one message blocked the event loop for 400 ms, so the rows follow the task
 * through a message port, a few thousand at a time, with the event loop free between two messages.
 */
export async function runOffThreadWithRows<K extends RowsTask>(
  task: K,
  first: Parameters<OffThreadTasks[K]>[0],
  ...rest: Parameters<OffThreadTasks[K]> extends [unknown, ...infer Rest] ? Rest : never
): Promise<Awaited<ReturnType<OffThreadTasks[K]>>> {
  const { port1, port2 } = new MessageChannel();
  const { rows, ...withoutRows } = first as { rows: unknown[] };
  const result = poolOf().run(
    { task, args: [withoutRows, ...rest], rowsPort: port2 },
    { transferList: [port2] },
  );
  try {
    for (let start = 0; start < rows.length; start += ROWS_PER_MESSAGE) {
      port1.postMessage(rows.slice(start, start + ROWS_PER_MESSAGE));
      await new Promise((resolve) => setImmediate(resolve));
    }
    port1.postMessage(null);
    return (await result) as Awaited<ReturnType<OffThreadTasks[K]>>;
  } finally {
    port1.close();
  }
}

/** Ends the workers (the server's shutdown); a later task starts a new pool. */
export async function closeOffThreadPool(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.destroy();
}
