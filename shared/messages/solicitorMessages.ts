import { formatDate, type DateOnly } from '../time/tokyoDate.ts';

/** Japanese messages about solicitors (募集人), the 担当 rule and the person at the counter. */
export const solicitorMessages = {
  solicitorIdInvalid: '募集人IDは英数字20文字以内で入力してください（損保協会から通知されたIDのとおり）',
  dateInvalid: (label: string) => `${label}は 2026-04-01 の形の日付で入力してください`,
  qualificationTooLong: '資格は100文字以内で入力してください',
  expiresBeforeNotified: '資格の有効期限が届出日より前になっています',
  staffNameTaken: (name: string) => `「${name}」さんはすでに登録されています。同じ名前の担当者は追加できません（同姓同名のときは区別できる名前にしてください）。`,
  staffNameTakenField: '同じ名前の担当者がすでにいます',
  reasons: {
    no_id: () => '募集人IDが未登録',
    not_notified: (notifiedOn: DateOnly | null) => (notifiedOn ? `届出日（${formatDate(notifiedOn)}）より前` : '届出日が未登録'),
    qualification_expired: (expiresOn: DateOnly | null) => `資格の有効期限（${formatDate(expiresOn ?? '')}）切れ`,
  },
  notSolicitor: (name: string, reason: string) =>
    `${name}さんは募集人として登録されていないため、見積提示済以降の担当にはできません（${reason}）。設定の担当者一覧で登録してください。`,
  noStaffForSolicitation: '見積提示済以降の問い合わせには担当者が必要です。募集人として登録された担当者を選んでください。',
  staffField: '募集人として登録された担当者を選んでください',
  solicitorMark: '（募集人）',
  counterNobody: '対応者：未選択',
  counterPerson: (name: string) => `対応者：${name}`,
  idleMinutesInvalid: '分数は0から240の整数で入力してください（0は自動で確かめない）',
} as const;
