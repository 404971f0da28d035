import type { Channel } from './channels.ts';
import type { JobKind } from './jobs.ts';
import type { DataArea } from './dataAreas.ts';

/**
 * The data areas each writing channel may change. After the handler's write commits the core
 * announces these areas (`changed`); while start-up maintenance runs, these channels are refused
 * with BUSY. A channel missing here only reads. A channel that writes more than it declares
 * leaves a stale screen behind, so declaring more than needed is the safe side.
 */
export const channelWrites = {
  'clinics.create': ['clinics'],
  'clinics.update': ['clinics', 'inquiries'],
  'clinics.archive': ['clinics', 'inquiries'],
  'clinics.restore': ['clinics', 'inquiries'],
  'clinics.merge': ['clinics', 'inquiries', 'quotes', 'documentOutputs'],
  'clinics.undoMerge': ['clinics', 'inquiries', 'quotes', 'documentOutputs'],
  'staff.create': ['staff'],
  'staff.update': ['staff', 'inquiries'],
  'settings.update': ['settings'],
  'settings.updateAgencyText': ['settings'],
  'settings.saveLabelOffset': ['settings'],
  'inquiries.create': ['inquiries'],
  'inquiries.createWithClinic': ['clinics', 'inquiries'],
  'inquiries.update': ['inquiries'],
  'inquiries.changeStatus': ['inquiries'],
  'importantMatters.record': ['inquiries'],
  'importantMatters.withdraw': ['inquiries'],
  'inquiries.intent.record': ['inquiries'],
  'inquiries.markStep': ['inquiries'],
  'inquiries.addFollowUp': ['inquiries'],
  'content.acceptImport': ['content'],
  'content.revert': ['content'],
  'quotes.save': ['quotes', 'inquiries'],
  'documents.recordOutput': ['documentOutputs', 'inquiries', 'clinics'],
  'backups.create': ['backups'],
  'backups.addFromFile': ['backups'],
  'backups.restore': ['clinics', 'inquiries', 'quotes', 'documentOutputs', 'staff', 'settings', 'content', 'backups', 'sync'],
  'records.purgeArchived': ['clinics', 'inquiries', 'quotes', 'documentOutputs', 'backups'],
  'retention.update': ['settings', 'clinics', 'inquiries'],
  'retention.purgeExpired': ['clinics', 'inquiries', 'quotes', 'documentOutputs', 'backups'],
  'sync.join': ['clinics', 'inquiries', 'quotes', 'documentOutputs', 'staff', 'settings', 'backups', 'sync'],
  'sync.leave': ['settings', 'sync'],
  'sync.putBack': ['clinics', 'inquiries', 'staff', 'sync'],
  'sync.dismissNotice': ['sync'],
} as const satisfies Partial<Record<Channel, readonly DataArea[]>>;

/** The areas a channel writes, or an empty list for a read. */
export function areasWrittenBy(channel: Channel): readonly DataArea[] {
  return (channelWrites as Partial<Record<Channel, readonly DataArea[]>>)[channel] ?? [];
}

/** The data areas a job writes on its own connection; announced when it has succeeded. */
export const jobWrites = {
  'clinics.importCsv': ['clinics', 'backups'],
  'sync.repair': ['clinics', 'inquiries', 'quotes', 'documentOutputs', 'staff', 'backups', 'sync'],
} as const satisfies Partial<Record<JobKind, readonly DataArea[]>>;

/** The areas a job kind writes, or an empty list for a job that only reads or makes files. */
export function areasWrittenByJob(kind: JobKind): readonly DataArea[] {
  return (jobWrites as Partial<Record<JobKind, readonly DataArea[]>>)[kind] ?? [];
}
