import type { ChannelResult } from '../../../shared/contract/channels.ts';
import type { RateTable } from '../../../shared/content/rateTableSchema.ts';
import { rateTableMessages as m } from '../../../shared/messages/rateTableMessages.ts';

type ContentProblem = ChannelResult<'content.get'>['problems'][number];

/** The rate tables that would be in force had they passed today's rules. */
export const setAsideRateTables = (problems: readonly ContentProblem[]) =>
  problems.flatMap((p) => (p.kind === 'rates' && p.setAside ? [{ ...p, setAside: p.setAside }] : []));

/**
 * Says which installed rate table was set aside, why, and what is used instead, so a refused
 * official table never turns into the sample without anyone noticing (保険料試算 and 設定).
 */
export function SetAsideRateTables({ problems, inForce }: { problems: readonly ContentProblem[]; inForce: RateTable }) {
  const setAside = setAsideRateTables(problems);
  if (setAside.length === 0) return null;
  return (
    <div role="alert" aria-label={m.setAsideTitle} className="message message-error set-aside-rates">
      <p>
        <strong>{m.setAsideTitle}</strong>
      </p>
      {setAside.map((p) => (
        <div key={p.file}>
          {/* One installed on another machine says itself what it is and what to do (update the app). */}
          <p>{p.fromAnotherMachine ? p.messages[0] : m.setAside(p.setAside.version, p.setAside.official)}</p>
          <ul>
            {p.messages.slice(p.fromAnotherMachine ? 1 : 0, p.fromAnotherMachine ? 4 : 3).map((reason, i) => (
              <li key={i}>
                {m.setAsideReasons}
                {reason}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p>{m.nowUsing(inForce.version, inForce.status === 'sample')}</p>
      {setAside.some((p) => !p.fromAnotherMachine) && <p>{m.setAsideFix}</p>}
    </div>
  );
}
