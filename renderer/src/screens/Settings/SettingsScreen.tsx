import { useRef } from 'react';
import '../../styles/records.css';
import { ScreenHeading } from '../../components/ScreenHeading.tsx';
import { AgencyTextsSection } from './AgencyTextsSection.tsx';
import { BackupSection } from './BackupSection.tsx';
import { ClinicsExportSection } from './ClinicsExportSection.tsx';
import { ClinicsImportSection } from './ClinicsImportSection.tsx';
import { ContentSection } from './ContentSection.tsx';
import { CurrentStaffSection } from './CurrentStaffSection.tsx';
import { DataSection } from './DataSection.tsx';
import { DateStyleSection } from './DateStyleSection.tsx';
import { PrintSettingsSection } from './PrintSettingsSection.tsx';
import { PurgeSection } from './PurgeSection.tsx';
import { RetentionSection } from './RetentionSection.tsx';
import { ReceiptPrefixSection } from './ReceiptPrefixSection.tsx';
import { SharingSection } from './SharingSection.tsx';
import { SyncNoticesSection } from './SyncNoticesSection.tsx';
import { SyncRepairSection } from './SyncRepairSection.tsx';
import { StaffSection } from './StaffSection.tsx';
import { SettingsMenu } from './SettingsMenu.tsx';

export function SettingsScreen() {
  const screen = useRef<HTMLElement>(null);
  return (
    <section className="screen settings-screen" ref={screen}>
      <ScreenHeading>設定</ScreenHeading>
      <SettingsMenu screen={screen} />
      <StaffSection />
      <CurrentStaffSection />
      <ReceiptPrefixSection />
      <SharingSection />
      <SyncNoticesSection />
      <SyncRepairSection />
      <DateStyleSection />
      <PrintSettingsSection />
      <ContentSection />
      <AgencyTextsSection />
      <DataSection />
      <ClinicsExportSection />
      <ClinicsImportSection />
      <BackupSection />
      <RetentionSection />
      <PurgeSection />
    </section>
  );
}
