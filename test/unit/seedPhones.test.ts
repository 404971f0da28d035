import { describe, expect, it } from 'vitest';
import { generateClinics } from '../../electron/core/db/seed/generateClinics.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';

describe('npm run seed', () => {
  it('writes every clinic as the clinic form would store it, phone and FAX in canonical form', () => {
    const clinics = generateClinics(5000);
    const stored = clinics.map((c) => clinicInputSchema.parse(c));
    expect(stored.map((c) => [c.phone, c.fax])).toEqual(clinics.map((c) => [c.phone, c.fax]));
    expect(stored).toEqual(clinics);
  });
});
