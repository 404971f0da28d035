/** Japanese messages about files the app holds for the window only for a while (tmp/files). */
export const fileMessages = {
  /** A file the user brought in, already read in full (imported, installed, added to the list). */
  inputUsed: 'このファイルは読み込みが済んだため、アプリの一時保管から消去しました。もう一度読み込む場合は、ファイルを選び直してください。',
  /** A file the user brought in and then left unused. */
  inputIdle: 'このファイルはしばらく使われなかったため、アプリの一時保管から消去しました。もう一度ファイルを選び直してください。',
  /** A copy of the whole data (backup export), removed once saved or downloaded: it holds every record. */
  handedOut: 'このバックアップのコピーは保存の操作が終わったため消去しました（全データを含むため、一時保管に残しません）。必要ならもう一度「別の場所に保存」から作成してください。',
  /** A PDF or CSV the app made and nobody saved or printed for a while. */
  outputIdle: 'このファイルはしばらく使われなかったため、アプリの一時保管から消去しました。もう一度作成してください。',
} as const;
