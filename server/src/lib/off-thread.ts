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

/**
 * The heap of one worker, in MB: a 20 MB spreadsheet read as a stream, or an export written as one,
 * needs far less; a workbook built to take more (hundreds of thousands of shared strings) is refused.
 */
const WORKER_HEAP_MB = 128;
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
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 8 },
  });
  // A worker that ended (out of its heap) fails its task, which the request answers; the pool repeats
  // the error as an event, which without a listener would end the process.
  pool.on('error', (error: Error) => console.warn(`A worker thread ended: ${error.message}`));
  return pool;
}

type Task = keyof OffThreadTasks;

/** A task whose worker reached its heap's limit (WORKER_HEAP_MB) and was ended: the input was too big. */
export class OffThreadOutOfMemory extends Error {
  constructor() {
    super(`the worker thread reached its limit of ${WORKER_HEAP_MB} MB`);
    this.name = 'OffThreadOutOfMemory';
  }
}

/** The task's result, or OffThreadOutOfMemory for a worker ended by its heap's limit. */
async function settled<T>(result: Promise<unknown>): Promise<T> {
  try {
    return (await result) as T;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      throw new OffThreadOutOfMemory();
    throw error;
  }
}

/** Runs one of the off-thread tasks in a worker thread, with its arguments copied there. */
export async function runOffThread<K extends Task>(
  task: K,
  ...args: Parameters<OffThreadTasks[K]>
): Promise<Awaited<ReturnType<OffThreadTasks[K]>>> {
  return settled<Awaited<ReturnType<OffThreadTasks[K]>>>(poolOf().run({ task, args }));
}

/** Rows sent to a worker in one message: a message is copied on the event loop, so it stays short. */
const ROWS_PER_MESSAGE = 2_000;

/** The tasks whose first argument's rows arrive in batches (an AsyncIterable in the worker). */
type RowsTask = {
  [K in Task]: Parameters<OffThreadTasks[K]>[0] extends { rows: AsyncIterable<unknown[]> } ? K : never;
}[Task];

type BatchOf<K extends RowsTask> =
  Parameters<OffThreadTasks[K]>[0]['rows'] extends AsyncIterable<infer Batch> ? Batch : never;

/**
 * runOffThread for a task that takes many rows (an export's sheet): copying 100,000 rows into the worker
 * in one message blocked the event loop for 400 ms, so the rows follow the task through a message port,
 * a few thousand at a time, with the event loop free between two messages; the worker takes them as
 * they come.
 */
export async function runOffThreadWithRows<K extends RowsTask>(
  task: K,
  head: Omit<Parameters<OffThreadTasks[K]>[0], 'rows'>,
  rows: BatchOf<K>,
  ...rest: Parameters<OffThreadTasks[K]> extends [unknown, ...infer Rest] ? Rest : never
): Promise<Awaited<ReturnType<OffThreadTasks[K]>>> {
  const { port1, port2 } = new MessageChannel();
  const result = poolOf().run({ task, args: [head, ...rest], rowsPort: port2 }, { transferList: [port2] });
  const all = rows as readonly unknown[];
  try {
    for (let start = 0; start < all.length; start += ROWS_PER_MESSAGE) {
      port1.postMessage(all.slice(start, start + ROWS_PER_MESSAGE));
      await new Promise((resolve) => setImmediate(resolve));
    }
    port1.postMessage(null);
    return await settled<Awaited<ReturnType<OffThreadTasks[K]>>>(result);
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
