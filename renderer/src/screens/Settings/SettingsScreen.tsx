import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { ClinicsExportSection } from './ClinicsExportSection.tsx';
import { ClinicsImportSection } from './ClinicsImportSection.tsx';
import { DataSection } from './DataSection.tsx';

export function SettingsScreen() {
  return (
    <section className="screen">
      <ScreenHeading>設定</ScreenHeading>
      <DataSection />
      <ClinicsExportSection />
      <ClinicsImportSection />
    </section>
  );
}
