import { labelOffsetSchema, noLabelOffset, type LabelOffset } from '../../../../shared/documents/labelSheets.ts';
import { statement, type Db } from '../connection.ts';

/**
 * The label printer offset is this machine's (its printer's feed), so it lives in `app_meta`
 * like the hub settings: never replicated, never part of the shared settings row.
 */
export const labelPrintOffsetKey = 'label_print_offset';
const key = labelPrintOffsetKey;

/** This machine's label printer offset; none saved (or unreadable) is no offset. */
export function readLabelOffset(db: Db): LabelOffset {
  const value = (statement(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  if (value === undefined) return noLabelOffset;
  try {
    const parsed = labelOffsetSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : noLabelOffset;
  } catch {
    return noLabelOffset;
  }
}

/** Saves this machine's label printer offset (validated by the contract before it gets here). */
export function saveLabelOffset(db: Db, offset: LabelOffset): LabelOffset {
  const value = { xMm: Math.round(offset.xMm * 10) / 10, yMm: Math.round(offset.yMm * 10) / 10 };
  statement(db, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  return value;
}
