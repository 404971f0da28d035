import type { joinMatchRules, uncertainReasons } from '../domain/joinPreview.ts';

/** Japanese text of 照合してまとめる: joining a hub when this machine and the hub both hold records. */
export const joinCombineMessages = {
  choiceLegend: 'この端末の記録とハブの記録',
  choiceLead: 'ハブにはすでに記録があります。この端末にも記録がある場合の参加のしかたを選んでください（この端末に記録がなければ、どちらを選んでもハブの記録を受け取って参加します）。',
  choiceCombine: '照合してまとめる（おすすめ）',
  choiceCombineHint: '同じ医療機関の記録を照らし合わせ、確かめた組を一つにまとめます。どちらの記録も消えません。',
  choiceReplace: 'この端末の記録をハブの記録で置き換える',
  choiceReplaceHint: 'この端末の記録は共有せず、ハブの記録だけを使います（先にバックアップを作成します）。',
  previewButton: '照合してまとめる',
  previewBusy: '照合しています…',
  previewFailed: '照合できませんでした。ハブに接続できるかを確かめて、もう一度お試しください。',
  previewTitle: '照合の結果',
  previewLead: 'まだ何も変更していません。内容を確かめてから「参加してまとめる」を押してください。',
  matchedTitle: '同じ医療機関と判断した組',
  matchedHint: 'チェックを外した組はまとめず、二つの記録のまま残します。',
  uncertainTitle: '確認が必要な組',
  uncertainHint: '同じ医療機関のときだけチェックを付けてください。チェックを付けなかった組はまとめません。',
  hubOnlyTitle: 'ハブだけにある医療機関',
  localOnlyTitle: 'この端末だけにある医療機関',
  aloneHint: 'そのまま共有します。',
  noPairs: '該当する組はありません。',
  selectAll: 'すべて選ぶ',
  selectNone: 'すべて外す',
  showMore: 'さらに表示',
  joinButton: '参加してまとめる',
  redo: '照合をやり直す',
  confirmTitle: '参加してまとめる',
  confirmBackup: '最初に、この端末の記録のバックアップを作成して確かめます。',
  confirmMerge: (pairs: string) =>
    `${pairs}組をまとめます。まとめた組はハブの記録を残し、項目ごとに新しく入力された方の値にします。この端末の記録はアーカイブされます（まとめ先の記録から確かめられます）。`,
  confirmNoMerge: 'まとめる組はありません。両方の記録をそのまま共有します。',
  confirmUnticked: (pairs: string) => `チェックを外した${pairs}組は二つの記録のまま残ります。あとから「医療機関」→「重複をまとめる」でまとめられます。`,
  sameMemberNumberApart: '会員番号は1件にしか登録できないため、まとめない場合はこの端末の記録から会員番号を外します（ハブの記録に残ります）。',
  confirmSameMemberNumber: (pairs: string) =>
    `そのうち会員番号が同じ${pairs}組は、この端末の記録から会員番号を外します（会員番号は1件にしか登録できないため、ハブの記録に残ります）。`,
  confirmInquiries: '問い合わせは自動でまとめません。受付番号も変わりません（まとめた医療機関の問い合わせは、残す記録の問い合わせになります）。',
  confirmDuration: '医療機関が多いと数分かかることがあります。終わるまでこの画面のままお待ちください。',
  confirmCancel: 'キャンセル',
  joining: 'まとめています…（数分かかることがあります）',
  joinFailed: '参加できませんでした。この端末の記録は変わっていません。もう一度お試しください。',
  resultTitle: 'まとめた結果',
  resultMerged: (pairs: string) => `${pairs}組をまとめました。`,
  resultNotMergedLead: (pairs: string) => `次の${pairs}組はまとめられなかったため、二つの記録のまま残しました。`,
  resultNumbersLeftLead: (count: string) => `次の${count}件は、ハブの記録と会員番号が同じだったため、この端末の記録から会員番号を外しました（ハブの記録に残っています）。どちらの医療機関の番号か確かめてください。`,
  resultBackup: '参加する前のバックアップ',
  resultClose: '閉じる',
  more: (count: string) => `ほか${count}件`,
  pairCount: (count: string) => `${count}組`,
  clinicCount: (count: string) => `${count}件`,
  shownOf: (shown: string, total: string) => `${total}組のうち${shown}組を表示しています。`,
  hubSide: 'ハブの記録',
  localSide: 'この端末の記録',
  tickColumn: 'まとめる',
  whyColumn: '判断した理由',
  tickLabel: (hubName: string, localName: string) => `ハブの「${hubName}」とこの端末の「${localName}」をまとめる`,
  phone: '電話',
  memberNumber: '会員番号',
  address: '所在地',
  blank: '（なし）',
} as const;

/** Why the import's rules call a pair one clinic, in words. */
export const joinMatchRuleLabels: Record<(typeof joinMatchRules)[number], string> = {
  memberNumber: '会員番号が一致',
  phone: '電話番号が一致',
  nameAddress: '名称と所在地が一致',
};

/** Why a pair is left for staff to decide, in words. */
export const uncertainReasonLabels: Record<(typeof uncertainReasons)[number], string> = {
  phoneOnlyNamesDiffer: '電話番号は同じで名称が違います（同じ法人の別の施設かもしれません）',
  nameWithoutAddress: '名称は同じで、片方に所在地がありません',
};
