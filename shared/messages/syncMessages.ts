import { clinicFieldLabels, clinicKindLabels } from '../domain/clinic.ts';
import { inquiryChannelLabels, inquiryFieldLabels, inquiryStatusLabels } from '../domain/inquiry.ts';

/** Japanese text about sharing records between machines through the office hub. */

// --- Conflict notices (the SQLite side of sharing) ---------------------------------------
/**
 * How a notice names the machine that wrote a value: staff know machines by the 受付番号 prefix
 * each claimed when it joined (A, B, L...), not by their ids.
 */
export function machineLabel(by: { machine: string; thisMachine: boolean; machinePrefix: string | null }): string {
  if (by.thisMachine) return 'この端末';
  if (by.machinePrefix) return `受付番号「${by.machinePrefix}」の端末`;
  return `端末 ${by.machine.slice(0, 8)}`;
}

/** Field labels of the notices, by table and SQLite column. */
export const syncFieldLabels: Record<string, Record<string, string>> = {
  clinics: {
    name: clinicFieldLabels.name,
    name_kana: clinicFieldLabels.nameKana,
    kind: clinicFieldLabels.kind,
    bed_count: clinicFieldLabels.bedCount,
    postal_code: clinicFieldLabels.postalCode,
    address: clinicFieldLabels.address,
    phone: clinicFieldLabels.phone,
    fax: clinicFieldLabels.fax,
    contact_person: clinicFieldLabels.contactPerson,
    member_number: clinicFieldLabels.memberNumber,
    memo: clinicFieldLabels.memo,
    no_mailing: clinicFieldLabels.noMailing,
    no_mailing_reason: clinicFieldLabels.noMailingReason,
    archived_at: 'アーカイブ',
    merged_into: 'まとめ先',
  },
  inquiries: {
    received_on: inquiryFieldLabels.receivedOn,
    channel: inquiryFieldLabels.channel,
    content: inquiryFieldLabels.content,
    status: inquiryFieldLabels.status,
    next_action_on: inquiryFieldLabels.nextActionOn,
    staff_id: inquiryFieldLabels.staffId,
    archived_at: 'アーカイブ',
  },
  staff: { name: '担当者名', active: '在籍' },
};

/** How a value of a field reads in a notice: the screen's words for codes, not the codes. */
export const syncValueLabels: Record<string, Record<string, Record<string, string>>> = {
  clinics: { kind: clinicKindLabels, no_mailing: { '1': '送付不要', '0': '送付する' } },
  inquiries: { status: inquiryStatusLabels, channel: inquiryChannelLabels },
  staff: { active: { '1': '在籍', '0': '退職' } },
};

export const syncNoticeMessages = {
  emptyValue: '（空欄）',
  archivedValue: 'アーカイブ済み',
  notArchivedValue: 'アーカイブしていない',
  goneRecord: '（削除された記録）',
  noticeNotFound: 'この通知が見つかりません。ほかの端末で片付けられた可能性があります。',
  recordGone: '元の記録が削除されているため、値を戻せません。',
  recordChangedSince: 'この記録はその後にも変更されています。画面を開き直して、今の値を確かめてから直接編集してください。',
  cannotPutBack: 'この項目は自動では戻せません。記録の画面で直接編集してください。',
  putBackReason: '同期で置き換えられた状況に戻しました',
} as const;
// --- end of conflict notices ---------------------------------------------------------------
