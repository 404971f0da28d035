/** Japanese messages about saving a 保険料試算 on an inquiry. */
export const quoteMessages = {
  planNotInTable: 'このプランは現在の保険料表にありません。',
  planNotInTableField: 'プランを選び直してください',
  figureDependsOnDeclaration: '病院・介護老人保健施設などの保険料は告知内容によって変わるため、試算を保存できません。',
  askAgencyField: '取扱代理店にお問い合わせください',
} as const;
