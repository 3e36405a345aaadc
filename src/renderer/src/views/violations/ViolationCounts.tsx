import { violationsSelectors } from '../../stores/violations-selectors'

/** A small count table, largest first (by kind, by role). */
export function ViolationCounts({ title, counts }: { title: string; counts: Record<string, number> }) {
  const ranked = violationsSelectors.ranked(counts)
  return (
    <table className="op-counts" aria-label={title}>
      <caption>{title}</caption>
      <tbody>
        {ranked.length === 0 ? (
          <tr>
            <td className="op-note">none</td>
          </tr>
        ) : (
          ranked.map(([name, count]) => (
            <tr key={name} data-count-of={name}>
              <th scope="row">{name}</th>
              <td>{count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
