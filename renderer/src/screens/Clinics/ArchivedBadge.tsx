/** Marks an archived clinic wherever it still shows up (list with 「アーカイブを表示」, warnings). */
export function ArchivedBadge() {
  return <span className="badge-archived">アーカイブ済み</span>;
}
