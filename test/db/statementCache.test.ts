import { describe, expect, it } from 'vitest';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { createClinic, getClinic, updateClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { findClinics } from '../../electron/core/db/repos/clinicSearch.ts';
import { applyRemoteDocs } from '../../electron/core/sync/applyRemote.ts';
import { drain, syncMachine } from '../helpers/syncMachines.ts';

const clinic = (input: object) => clinicInputSchema.parse(input);

describe('statements shared by modules on one connection', () => {
  it('a clinic edited from another machine can then be edited here, and is found by its new name', () => {
    // Applying a remote edit reads the clinic's row number with the very SQL the local edit reads it with.
    const pc = syncMachine('office-1');
    const laptop = syncMachine('laptop');
    const saved = createClinic(laptop.db, clinic({ name: '志布志医院' }), laptop.ctx);
    applyRemoteDocs(pc.db, drain(laptop), '1', { now: pc.ctx.now, clockOffsetMs: 0 });
    updateClinic(laptop.db, saved.id, clinic({ name: '志布志医院', memo: '火曜休診' }), laptop.ctx, saved.revision);
    applyRemoteDocs(pc.db, drain(laptop), '2', { now: pc.ctx.now, clockOffsetMs: 0 });
    const here = getClinic(pc.db, saved.id)!;
    updateClinic(pc.db, saved.id, clinic({ name: '志布志こども医院', memo: '火曜休診' }), pc.ctx, here.revision);
    expect(findClinics(pc.db, { query: 'こども', limit: 10, includeArchived: false }).items.map((c) => c.name)).toEqual(['志布志こども医院']);
    expect(findClinics(pc.db, { query: '志布志医院', limit: 10, includeArchived: false }).items).toEqual([]);
  });
});
