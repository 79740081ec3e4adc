import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../db/connect.js';
import { problemResponses } from '../../lib/schemas.js';
import { CorrectionBody, IdempotencyHeaders, MoneyMoveBody, Transfer } from './finance.schemas.js';
import { idempotencyKeyOf, type IdempotentAnswer } from './idempotency.js';
import { correctTransfer, moveMoney } from './money-moves.service.js';

/** The first answer again for a retry: same status and body; a header tells it was replayed. */
function sendAnswer(reply: FastifyReply, answer: IdempotentAnswer) {
  return reply
    .status(answer.statusCode)
    .header('idempotent-replayed', String(answer.replayed))
    .send(answer.body);
}

const idempotencyNote =
  'Needs an Idempotency-Key header: a retry with the same key and body gets the first answer (header ' +
  'Idempotent-Replayed: true), the same key with another body gets 422 idempotency_key_reused.';

export const moneyMoveRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  const tags = ['finance'];

  for (const [path, kind, summary] of [
    ['/finance/payments', 'payment', "A payment into a contract's or sub-partner's balance"],
    ['/finance/write-offs', 'write_off', "A write-off from a contract's or sub-partner's balance"],
  ] as const) {
    app.post(
      path,
      {
        config: { right: 'finance:write' },
        schema: {
          tags,
          summary,
          description: idempotencyNote,
          headers: IdempotencyHeaders,
          body: MoneyMoveBody,
          response: { 201: Transfer, ...problemResponses(400, 401, 404, 409, 422) },
        },
      },
      async (request, reply) => {
        const answer = await moveMoney({
          db,
          actor: request.actor,
          kind,
          input: request.body,
          idempotencyKey: idempotencyKeyOf(request.headers),
          requestId: request.id,
        });
        return sendAnswer(reply, answer);
      },
    );
  }

  app.post(
    '/finance/corrections',
    {
      config: { right: 'finance:write' },
      schema: {
        tags,
        summary: 'Reverse a transfer (once): the same amount with the sides swapped',
        description: idempotencyNote,
        headers: IdempotencyHeaders,
        body: CorrectionBody,
        response: { 201: Transfer, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const answer = await correctTransfer({
        db,
        actor: request.actor,
        input: request.body,
        idempotencyKey: idempotencyKeyOf(request.headers),
        requestId: request.id,
      });
      return sendAnswer(reply, answer);
    },
  );
};
