import { Type } from 'typebox';

export const HistoryResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String({ format: 'date-time' }),
      action: Type.String(),
      actor: Type.Union([
        Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), login: Type.String() }),
        Type.Null(),
      ]),
      changes: Type.Array(
        Type.Object({ field: Type.String(), oldValue: Type.Unknown(), newValue: Type.Unknown() }),
      ),
    }),
  ),
});
