import type { SyncCheckKind } from '../domain/syncCheck.ts';

/** Japanese text of 設定 → 同期 → 点検と修復. */
export const syncRepairMessages = {
  recordKinds: {
    clinics: '医療機関',
    inquiries: '問い合わせ',
    inquiry_status_history: '対応状況の記録',
    inquiry_quotes: '保存した見積',
    document_outputs: '書類の出力記録',
    staff: '担当者',
  } as Record<string, string>,
  summaries: {
    differs: 'この端末の値が共有の値と違います。修復すると共有の値に戻ります。',
    missingHere: '共有されている記録がこの端末にありません。修復すると取り込みます。',
    removedOnHub: 'ほかの端末で完全削除された記録が、この端末に残っています。修復すると削除します（バックアップは先に取ります）。',
    neverSent: 'この端末にだけある記録で、まだ送られていません。修復すると共有に送ります。',
    notExchanged: 'この端末と共有の間で、まだ送受信が終わっていません。「今すぐ同期」を押してから、もう一度点検してください。',
  } satisfies Record<SyncCheckKind, string>,
  missingValue: '（なし）',
  inquiryOf: (receipt: string) => `受付番号 ${receipt}`,
  goneRecord: '（この端末にない記録）',
  notSharing: 'この端末は記録を共有していません。点検と修復は、複数の端末で使う設定をしてから使えます。',
  hubNeeded: '共有先（ハブ）に接続できないため、点検できません。ネットワークを確かめてから、もう一度お試しください。',
  checked: (checked: number, found: number) =>
    found === 0 ? `${checked}件の記録を点検しました。違いはありません。` : `${checked}件の記録を点検し、${found}件の違いが見つかりました。`,
  unsentLeftAlone: (count: number) => `この端末でまだ送っていない変更がある${count}件は、そのまま送られるため点検から外しました。`,
  repaired: (repaired: number, queued: number) => `${repaired}件をハブの内容に合わせて修復しました。` + (queued > 0 ? `この端末にだけあった${queued}件は共有に送ります。` : ''),
  repairLeft: (left: number) => `${left}件はまだ修復できません（送受信の途中、または関係する記録の到着待ち）。「今すぐ同期」のあと、もう一度点検してください。`,
  repairBackup: '修復の前にバックアップを取りました（設定 → バックアップ）。',
  nothingToRepair: '修復が必要な違いはありません。',
  progress: (done: number, total: number) => `${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')} 件を点検`,
};
