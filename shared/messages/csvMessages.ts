/** Japanese messages about reading, importing and exporting CSV files (名簿の取り込み, CSVの書き出し). */
export const csvMessages = {
  xlsxWorkbook: 'Excelのブック（.xlsx）などの圧縮ファイルです。Excelで開き、「名前を付けて保存」で「CSV」形式を選んで保存し直してください',
  xlsWorkbook: '古い形式のExcelのブック（.xls）です。Excelで開き、「名前を付けて保存」で「CSV」形式を選んで保存し直してください',
  pngImage: '画像ファイル（PNG）です。CSVファイルを選んでください',
  jpegImage: '画像ファイル（JPEG）です。CSVファイルを選んでください',
  pdfFile: 'PDFファイルです。CSVファイルを選んでください',
  emptyFile: 'ファイルが空です（0バイト）',
  binaryData: 'CSVファイルではありません（文字以外のデータが含まれています）',
  unknownEncoding: (line: number) => `文字コードを判別できません（${line}行目付近）。Shift_JISまたはUTF-8で保存したCSVファイルを選んでください`,
  noText: 'ファイルに文字がありません（空のファイルです）',
  malformed: (line: number | undefined) =>
    `CSVの形式が正しくありません${line ? `（${line}行目付近：引用符「"」の閉じ忘れなど）` : ''}。Excelで開いて「CSV」形式で保存し直してください`,
  tooManyColumns: (count: number, max: number) =>
    `列が多すぎます（見出しの行に${count.toLocaleString('ja-JP')}列、取り込めるのは${max}列まで）。Excelで要らない列を削除してから保存し直してください`,
  lineBreaksJoined: (text: string) => `セル内の改行を空白にしてつなげました（「${text}」）`,
  keptLeadingZeros: (stored: string, incoming: string) =>
    `先頭の0が消えた値（${incoming}）のため、登録済みの「${stored}」のままにします（Excelで開いて保存すると消えます）`,
  keptUnwritable: (stored: string) =>
    `Shift_JISにない文字が「?」などに置き換わった値のため、登録済みの「${stored}」のままにします`,
  noMailingUnreadable: (cell: string) =>
    `「${cell}」は送付不要の印として読めません。送付しない医療機関は「送付不要」（または「はい」「○」「1」「TRUE」）、送付する医療機関は空欄にしてください`,
  noMailingReasonNotTaken:
    '「送付不要」の印がないため、この理由は取り込みません（送付不要にするときは「送付不要」の列に「送付不要」と入力してください）',
  noMailingMarked: (reason: string) => `送付不要にします（理由：${reason}）`,
  noMailingCleared: '送付不要を外します（一括作成で除かれなくなります）',
  mappingMismatch: '列の割り当てがファイルの列と合いません。ファイルをもう一度選んでください。',
  requiredColumnsMissing: (names: string) =>
    `${names}にあたる列が選ばれていないため、取り込めません。列の割り当てで${names}を選んでください。何も取り込んでいません。`,
  backupBeforeImportFailed:
    '取り込む前のバックアップを作成できなかったため、取り込みを中止しました。何も取り込んでいません。ディスクの空き容量と、データフォルダに書き込めるかを確認してください。',
  progressWriting: (count: string) => `書き込んでいます ${count}`,
  progressBackingUp: 'バックアップを作成しています…',
  progressChecking: (count: string) => `確認しています ${count}`,
  unitRecords: '件',
  unitRows: '行',
  exportFileStem: { clinics: '医療機関一覧', inquiries: '問い合わせ一覧' },
  defaultImportStem: '名簿',
  errorsFileName: (stem: string) => `取り込めなかった行_${stem}.csv`,
  errorsRowNumberHeader: '行番号',
  errorsReasonHeader: '理由',
  replacedColumnHeader: '置き換えた文字（〓＝Shift_JISにない文字のコード）',
  replacedNote: (header: string, codePoint: string) => `${header}：〓＝${codePoint}`,
  noteSeparator: '、',
  bookDamaged: 'Excelのブック（.xlsx）として読めません。ファイルが壊れているか、途中までしか保存されていない可能性があります。Excelで開いて保存し直してください',
  bookTooLarge: (limitMb: string) =>
    `展開すると大きすぎるため、このブックは読み込みません（展開後${limitMb}MBまで）。不要なシートを削除するか、名簿のシートだけを別のブックに保存してください`,
  notABook: 'Excelのブック（.xlsx）ではない圧縮ファイルです。名簿のブックまたはCSVファイルを選んでください',
  noVisibleSheet: 'ブックに表示されているシートがありません。名簿のシートを表示してから保存し直してください',
  sheetNotFound: (name: string) => `ブックにシート「${name}」がありません。ファイルをもう一度選んでください`,
  headerRowOutside: (row: number) => `見出しの行（${row}行目）がシートにありません。見出しの行を選び直してください`,
  progressReadingBook: (percent: string) => `ブックを読んでいます ${percent}`,
  progressReadingFile: (percent: string) => `ファイルを読んでいます ${percent}`,
  progressStarting: '準備しています…',
  progressSaving: '書き込みを仕上げています…',
  xlsxExportFileName: (stem: string, date: string) => `${stem}_${date}.xlsx`,
} as const;
