import type { ContentPack } from '../content/contentPackSchema.ts';

/** Japanese messages about content packs and rate tables (設定 → 商品内容と保険料表). */
export const contentMessages = {
  /** How the side-by-side check names each part of a pack that changed. */
  sectionLabels: {
    introduction: '導入文',
    quoteSheet: '保険料試算書の文言',
    groupDiscount: '団体割引',
    attackTypes: '攻撃の種類',
    impacts: '被害の影響',
    whyTargeted: '医療機関におけるサイバーリスク',
    incidentCase: '対応事例',
    coverages: '補償の説明',
    damageExamples: '被害例',
    premium: '保険料の説明',
    contacts: '連絡先',
    consent: '個人情報の取扱いへの同意文',
    summaryNote: '概要である旨の注意書き',
  } satisfies Partial<Record<keyof ContentPack, string>>,
  wholeFile: '（全体）',
  fileField: 'ファイル',
  versionField: '版',
  emptyFile: 'ファイルが空です',
  notCsvOrJson: 'CSVまたはJSONのファイルではありません',
  notJson: 'JSONとして読み取れません',
  notJsonBecause: (reason: string) => `JSONとして読み取れません（${reason}）`,
  versionNeeded: '保険料表の版（例：2026年度 正式）を入力してください',
  malformedCsv: (reason: string) => `CSVの形式が正しくありません（${reason}）`,
  cannotInstall: (field: string, message: string) => `取り込めません：${field} ${message}`.trim(),
  revertRefused:
    'この取り込みの記録は、アプリが書いたものではないファイル名を指しているため、取り消しませんでした。ファイルは一つも移動していません。',
  templateFileName: '保険料表テンプレート.csv',
  nothingLoadable: (detail: string) => `商品の説明データを読み込めませんでした。\n${detail}`,
} as const;
