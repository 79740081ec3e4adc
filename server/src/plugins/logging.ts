import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/** Fastify's logger options (pino's, with Fastify's serializers). */
type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/*
 * The server's logging in one place: what the logger writes and where (loggerOptions, used by main.ts),
 * and the one line each request gets (OneLinePerRequest, used by app.ts).
 */

/** The fields of a request's line, beside the request id (`reqId`) every line of a request carries. */
const requestLineFields = ['method', 'url', 'statusCode', 'responseTime', 'userId'];

/**
 * For a person at a terminal, pino-pretty, one line a request:
 * `[17:50:13] INFO: [<request id>] request: GET /api/v1/partners 200 12 ms (user 3)`.
 * Only a request's line has a method, so the template's conditional blocks leave other lines alone.
 */
const prettyOptions = {
  translateTime: 'SYS:HH:MM:ss',
  singleLine: true,
  ignore: ['pid', 'hostname', 'reqId', ...requestLineFields].join(','),
  messageFormat:
    '{if reqId}[{reqId}] {end}{msg}{if method}: {method} {url} {statusCode} {responseTime} ms{end}{if userId} (user {userId}){end}',
};

/** Whether the log is read by a person: a terminal, and neither a production server nor a test run. */
export function isReadByPerson(options: { isTerminal: boolean; nodeEnv: string | undefined }): boolean {
  return options.isTerminal && options.nodeEnv !== 'production' && options.nodeEnv !== 'test';
}

/**
 * The server's logger: JSON lines for a log collector; pino-pretty when a person reads the console.
 * Request bodies are never logged and the headers that carry credentials are redacted.
 */
export function loggerOptions(options: { level: string; readByPerson: boolean }): LoggerOptions {
  return {
    level: options.level,
    redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
    ...(options.readByPerson ? { transport: { target: 'pino-pretty', options: prettyOptions } } : {}),
  };
}

/**
 * One log line per request, written when it is answered (Fastify writes two by default: incoming and
 * completed): method, address, status, milliseconds and the signed-in user's id when there is one. The
 * request id comes with every line of a request. A fault (a 500) also gets its own error line from the
 * error handler, with the error.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {
    // The line is written once the request is answered.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    // signedIn is decorated on the API's routes only (the session plugin): a static file has none.
    const userId = (request.signedIn as FastifyRequest['signedIn'] | undefined)?.userId;
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      // Milliseconds to a tenth: a whole number would round the quickest answers to 0.
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
      ...(userId === undefined ? {} : { userId }),
    };
    if (error) reply.log.error({ ...line, err: error }, 'request');
    else reply.log.info(line, 'request');
  }
}

/** The name of the header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An id a load balancer or a client gave the request, when it is one we can write into a log line as
 * it is (letters, digits and a few separators: nothing that could forge a line); otherwise none.
 */
const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id (Fastify's genReqId), the one its log lines carry as `reqId`, its problem answers as
 * `requestId` and its answer as X-Request-Id: the caller's own (from a load balancer, so the two logs
 * meet) when well formed, else a new UUID.
 */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && acceptableRequestId.test(given) ? given : crypto.randomUUID();
}
