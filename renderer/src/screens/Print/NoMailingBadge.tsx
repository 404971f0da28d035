/** 「送付不要」 beside a clinic's name in the print screen's lists, with the reason staff gave. */
export function NoMailingBadge({ reason }: { reason: string }) {
  return (
    <span className="no-mailing-badge">
      送付不要{reason && <span className="no-mailing-reason">（{reason}）</span>}
    </span>
  );
}
