import { nobody, type Actor } from '../../../../shared/domain/actor.ts';
import type { Db } from '../connection.ts';
import { readSettings } from './settings.ts';
import { getStaff } from './staff.ts';

/** The person at this machine's counter now, as a snapshot to store with what they do. */
export function currentActor(db: Db): Actor {
  const staffId = readSettings(db).currentStaffId;
  const staff = staffId ? getStaff(db, staffId) : undefined;
  if (!staff) return nobody;
  return { ...nobody, staffId: staff.id, name: staff.name };
}

/** Stored form of an actor column. */
export const actorText = (actor: Actor): string => JSON.stringify(actor);
