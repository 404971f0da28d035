import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { shapesOfSchema13, sharedShapesOfSchema } from '../../electron/core/sync/outboxTriggers.ts';
import { sharedTableShapes } from '../../electron/core/sync/sharedFields.ts';

const sorted = (shapes: Readonly<Record<string, { columns: readonly string[]; editedAt: string }>>) =>
  Object.fromEntries(Object.entries(shapes).map(([table, s]) => [table, { columns: [...s.columns].sort(), editedAt: s.editedAt }]));

describe('the shared columns of an older schema (what its backups’ outbox triggers were built from)', () => {
  it('are schema 13’s, as written out, for the released schemas 13 to 15: every later addition is listed', () => {
    for (const version of [13, 14, 15]) expect(sorted(sharedShapesOfSchema(version))).toEqual(sorted(shapesOfSchema13));
  });

  it('are today’s at the newest schema', () => {
    expect(sorted(sharedShapesOfSchema(migrations.length))).toEqual(sorted(sharedTableShapes));
  });
});
