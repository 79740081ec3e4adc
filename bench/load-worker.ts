/*
 * Runs one autocannon load in a worker thread, so that the load generator does not share the event loop
 * of the server it measures. Records the latency of every 2xx response (autocannon's own histogram
 * rounds to whole milliseconds and has no p95) and posts them back with autocannon's summary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  /** Milliseconds, one per 2xx response, in completion order. */
  latencies: Float64Array;
  statusCounts: Record<string, number>;
  durationSeconds: number;
  errors: number;
  timeouts: number;
  bytes: number;
}

const request = workerData as LoadRequest;
const latencies: number[] = [];
const statusCounts: Record<string, number> = {};

const instance = autocannon({
  url: request.url,
  connections: request.connections,
  duration: request.durationSeconds,
  headers: request.headers,
  timeout: 30,
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
});
const result = await instance;
const message: LoadResult = {
  latencies: Float64Array.from(latencies),
  statusCounts,
  durationSeconds: result.duration,
  errors: result.errors,
  timeouts: result.timeouts,
  bytes: result.throughput.total,
};
parentPort!.postMessage(message);
