import type { Migration } from '../migrate.ts';
import { initial } from './001_initial.ts';
import { records } from './002_records.ts';
import { quotes } from './003_quotes.ts';
import { contentChanges } from './004_content_changes.ts';
import { documentOutputs } from './005_document_outputs.ts';
import { trigramSearch } from './006_trigram_search.ts';
import { recordRevisions } from './007_record_revisions.ts';
import { rateTableSources } from './008_rate_table_sources.ts';
import { unconfirmedKind } from './009_unconfirmed_kind.ts';
import { agencyTexts } from './010_agency_texts.ts';
import { syncOutbox } from './011_sync_outbox.ts';
import { outboxTriggersWhileSharing } from './012_outbox_triggers_while_sharing.ts';
import { clinicMerges } from './013_clinic_merges.ts';
import { receiptNumbersFromOtherMachines } from './014_receipt_numbers_from_other_machines.ts';
import { clinicMunicipality } from './015_clinic_municipality.ts';
import { importantMattersHandovers } from './016_important_matters_handovers.ts';
import { inquiryIntents } from './017_inquiry_intents.ts';
import { documentTrail } from './018_document_trail.ts';
import { insurerConsent } from './019_insurer_consent.ts';
import { solicitors } from './020_solicitors.ts';
import { inquiryStepMarks } from './021_inquiry_step_marks.ts';
import { inquiryFollowUps } from './022_inquiry_follow_ups.ts';
import { clinicNoMailing } from './023_clinic_no_mailing.ts';

/** Every schema change, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [initial, records, quotes, contentChanges, documentOutputs, trigramSearch, recordRevisions, rateTableSources, unconfirmedKind, agencyTexts, syncOutbox, outboxTriggersWhileSharing, clinicMerges, receiptNumbersFromOtherMachines, clinicMunicipality, importantMattersHandovers, inquiryIntents, documentTrail, insurerConsent, solicitors, inquiryStepMarks, inquiryFollowUps, clinicNoMailing];
