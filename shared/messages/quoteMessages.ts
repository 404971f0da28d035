/** Japanese messages about saving a 保険料試算 on an inquiry. */
export const quoteMessages = {
  planNotInTable: 'このプランは現在の保険料表にありません。',
  planNotInTableField: 'プランを選び直してください',
  figureDependsOnDeclaration: '病院・介護老人保健施設などの保険料は告知内容によって変わるため、試算を保存できません。',
  askAgencyField: '取扱代理店にお問い合わせください',
  /**
   * その他: the flyer's note speaks of 病院 and 介護老人保健施設 only, so it is not repeated here.
   * The counter's own guidance to staff, not a sentence of the flyer.
   */
  otherKindEligibility: 'その他の施設がこの保険に加入できるかどうかは、保険会社への確認が必要です。問い合わせとして登録し、取扱代理店から保険会社に確認してください。',
  otherKindEligibilityLabel: '窓口の案内',
  noticeFormGuidanceLabel: '窓口での対応',
  /** The counter's next step for 病院 and 老健, whose premium the insurer sets from the 告知 (the agency's own guidance). */
  noticeFormGuidance:
    '保険会社の告知書を先方にお渡しして記入を依頼してください。問い合わせとして登録すると、問い合わせの「申込・成約までの手順」で告知書の依頼と受け取りを記録できます。',
} as const;
