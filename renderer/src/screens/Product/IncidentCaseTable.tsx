import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';

type IncidentCase = ContentPack['incidentCase'];

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
export function IncidentCaseTable({ incidentCase }: { incidentCase: IncidentCase }) {
  const [categoryColumn, descriptionColumn, amountColumn] = incidentCase.columns;
  return (
    <div className="table-scroll">
      <table className="incident-table">
        <caption className="visually-hidden">{incidentCase.title}</caption>
        <thead>
          <tr>
            <th scope="col" className="incident-category">
              {categoryColumn}
            </th>
            <th scope="col">{descriptionColumn}</th>
            <th scope="col" className="incident-amount">
              {amountColumn}
            </th>
          </tr>
        </thead>
        {groupByCategory(incidentCase.items).map((group) => (
          <tbody key={group.category} className="incident-group">
            {group.items.map((item, index) => (
              <tr key={item.description}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={group.items.length} className="incident-category">
                    {group.category}
                  </th>
                )}
                <td>{item.description}</td>
                <td className="incident-amount">{item.amountLabel}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
