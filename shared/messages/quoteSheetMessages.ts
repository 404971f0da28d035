import { clinicKindLabels, type ClinicKind } from '../domain/clinic.ts';

/** Why a 保険料試算書 cannot be made, in Japanese for staff: each names what to do and where. */
export const quoteSheetMessages = {
  sample: '見本の保険料表で作った試算は、試算書として印刷できません。正式な保険料表を取り込んでから、もう一度試算してください。',
  noWording:
    '現在の内容パックに試算書用の注意書き（保険会社の承認済みの文言）がないため、試算書は作れません。承認済みの内容パックを 設定 → 内容の更新 で取り込んでください。',
  /** 保険業法294条3項: the customer is told for whom and in what capacity the agency solicits, before it does. */
  capacityUnset:
    '募集の立場（保険会社名と代理・媒介の別）が未設定のため、試算書は作れません。設定 → 代理店の文言 で「募集の立場」を入力してください。',
  /** Said on 保険料試算 before staff save a quote they mean to print. */
  capacityUnsetBeforehand: '試算書を印刷するには、先に 設定 → 代理店の文言 で「募集の立場」（保険会社名と代理・媒介の別）を入力してください。',
  kindChanged: (quoted: ClinicKind, now: ClinicKind) =>
    now === 'unconfirmed'
      ? `医療機関の種別が未確認です（試算：${clinicKindLabels[quoted]}）。医療機関の画面で種別を選んでから、もう一度試算してください。`
      : `この試算のあとで医療機関の種別が変わりました（試算：${clinicKindLabels[quoted]}、現在：${clinicKindLabels[now]}）。もう一度試算してください。`,
} as const;
