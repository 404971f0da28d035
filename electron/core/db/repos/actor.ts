import { nobody, type Actor } from '../../../../shared/domain/actor.ts';
import type { Db } from '../connection.ts';
import { readSettings } from './settings.ts';
import { getStaff } from './staff.ts';

/** The person at this machine's counter now, with their solicitor registration, as a snapshot to store with what they do. */
export function currentActor(db: Db): Actor {
  return actorOfStaff(db, readSettings(db).currentStaffId);
}

/** A staff member as an actor snapshot, as their record stands now (nobody for none or an unknown id). */
export function actorOfStaff(db: Db, staffId: string | null): Actor {
  const staff = staffId ? getStaff(db, staffId) : undefined;
  if (!staff) return nobody;
  return {
    staffId: staff.id,
    name: staff.name,
    solicitorId: staff.solicitorId,
    notifiedOn: staff.notifiedOn,
    qualification: staff.qualification,
    qualificationExpiresOn: staff.qualificationExpiresOn,
  };
}

/** Stored form of an actor column. */
export const actorText = (actor: Actor): string => JSON.stringify(actor);
