import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { PackText } from '../../components/ScreenText.tsx';

/** Consecutive items under the same 主な対応事項, as the flyer groups them (謝罪・広報対応 has three). */
export function groupByCategory<T extends { category: string }>(items: readonly T[]): { category: string; items: T[] }[] {
  const groups: { category: string; items: T[] }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.category === item.category) last.items.push(item);
    else groups.push({ category: item.category, items: [item] });
  }
  return groups;
}

/**
 * The flyer's incident case with its own three columns and every amount exactly as printed.
 * The flyer gives no total, and neither does this table.
 */
export function IncidentCaseTable({ pack }: { pack: ContentPack }) {
  const groups = groupByCategory(pack.incidentCase.items.map((item, index) => ({ ...item, index })));
  return (
    <div className="table-scroll">
      <table className="incident-table">
        <caption className="visually-hidden">
          <PackText pack={pack} path="incidentCase.title" />
        </caption>
        <thead>
          <tr>
            <th scope="col" className="incident-category">
              <PackText pack={pack} path="incidentCase.columns.0" />
            </th>
            <th scope="col">
              <PackText pack={pack} path="incidentCase.columns.1" />
            </th>
            <th scope="col" className="incident-amount">
              <PackText pack={pack} path="incidentCase.columns.2" />
            </th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.items[0]?.index} className="incident-group">
            {group.items.map((item, n) => (
              <tr key={item.index}>
                {n === 0 && (
                  <th scope="rowgroup" rowSpan={group.items.length} className="incident-category">
                    <PackText pack={pack} path={`incidentCase.items.${item.index}.category`} />
                  </th>
                )}
                <td>
                  <PackText pack={pack} path={`incidentCase.items.${item.index}.description`} />
                </td>
                <td className="incident-amount">
                  <PackText pack={pack} path={`incidentCase.items.${item.index}.amountLabel`} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
