import { Type, type Static } from 'typebox';
import { DecimalString, Nullable } from '../../lib/schemas.js';

const Reference = Type.Object({ id: Type.Integer(), name: Type.String() });

const HomeContract = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  partner: Reference,
  currency: Type.String(),
  balance: DecimalString,
  dailyCharge: Nullable(DecimalString),
  daysLeft: Nullable(Type.Integer()),
});

const ContractsNeedingAttention = Type.Object({
  total: Type.Integer({ description: 'How many there are; items shows the first of them' }),
  items: Type.Array(HomeContract),
});

export const HomeResponse = Type.Object(
  {
    counts: Nullable(
      Type.Object({
        partners: Nullable(
          Type.Integer({ description: 'Live sub-partners (every partner for the platform)' }),
        ),
        contracts: Nullable(Type.Integer()),
        objects: Nullable(Type.Integer()),
        users: Nullable(Type.Integer({ description: 'Live portal users' })),
      }),
    ),
    debtBlocked: Nullable(ContractsNeedingAttention),
    runningOut: Nullable(
      Type.Intersect([
        ContractsNeedingAttention,
        Type.Object({
          thresholdDays: Type.Integer({ description: 'At most this many days left' }),
          chargedOn: Nullable(
            Type.String({
              format: 'date',
              description: 'The last billed day, whose charges the days are counted at',
            }),
          ),
        }),
      ]),
    ),
    balances: Nullable(
      Type.Array(
        Type.Object({
          currency: Type.String(),
          balance: DecimalString,
          debt: DecimalString,
          contractsInDebt: Type.Integer(),
        }),
      ),
    ),
    recentPayments: Nullable(
      Type.Array(
        Type.Object({
          id: Type.Integer(),
          valueDate: Type.String({ format: 'date' }),
          amount: DecimalString,
          currency: Type.String(),
          partner: Reference,
          contract: Nullable(Reference),
        }),
      ),
    ),
    lastBillingRun: Nullable(
      Type.Object({
        id: Type.Integer(),
        day: Type.String({ format: 'date' }),
        status: Type.Enum(['running', 'completed', 'failed']),
        issuesCount: Type.Integer(),
        objectsCharged: Type.Integer(),
        finishedAt: Nullable(Type.String({ format: 'date-time' })),
      }),
    ),
  },
  {
    description:
      "What needs attention in the caller's subtree; a part the caller has no right to read is null",
  },
);
export type HomeResponse = Static<typeof HomeResponse>;
