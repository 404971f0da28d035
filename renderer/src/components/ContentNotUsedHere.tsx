import type { ChannelResult } from '../../../shared/contract/channels.ts';
import { contentMessages as m } from '../../../shared/messages/contentMessages.ts';

type ContentProblem = ChannelResult<'content.get'>['problems'][number];

/**
 * Tables and packs installed on another machine that this app cannot use: staff learn that this
 * PC still works from its previous content, and that an app update brings it in line. `brief`
 * (ホーム) leaves the reasons to 設定; `except` leaves out those another notice already names.
 */
export function ContentNotUsedHere({ problems, brief = false, except = () => false }: { problems: readonly ContentProblem[]; brief?: boolean; except?: (p: ContentProblem) => boolean }) {
  const arrived = problems.filter((p) => p.fromAnotherMachine && !except(p));
  if (arrived.length === 0) return null;
  return (
    <div role="alert" aria-label={m.arrivedTitle} className="message message-error content-not-used">
      <p>
        <strong>{m.arrivedTitle}</strong>
      </p>
      {arrived.map((p) => (
        <div key={p.file}>
          <p>{p.messages[0]}</p>
          {!brief && (
            <ul>
              {p.messages.slice(1, 4).map((reason, i) => (
                <li key={i}>
                  {m.arrivedReasons}
                  {reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </div>
  );
}
