import { describe, expect, it } from 'vitest';
import { newRecordId } from '../../electron/core/db/recordIds.ts';

describe('record ids', () => {
  it('are distinct UUIDv7s that sort in the order they were made, many to a millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newRecordId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
