import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatTime } from './format'

/** Stable colours by series position, so a role keeps its colour between pushes. */
const PALETTE = ['#2f7ed8', '#e4572e', '#29a35a', '#9c51b6', '#f2a900', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22']
const CHART_HEIGHT = 220
/** Below this many points, dots are drawn so a lone point is visible. */
const FEW_POINTS = 30

interface TimeSeriesChartProps {
  title: string
  /** A null value is a gap: the line breaks there instead of bridging it. */
  rows: Array<{ ts: number } & Record<string, number | null>>
  series: string[]
  kind?: 'line' | 'bar'
  unit?: string
}

const tickTime = (ms: number): string => formatTime(ms).slice(0, 8)

/** A titled chart over time; animation off because data arrives live. */
export function TimeSeriesChart({ title, rows, series, kind = 'line', unit }: TimeSeriesChartProps) {
  // Bars sit on category slots (a time axis gives a lone bucket zero width); lines on real time.
  const xAxis =
    kind === 'bar' ? (
      <XAxis dataKey="ts" type="category" tickFormatter={tickTime} />
    ) : (
      <XAxis dataKey="ts" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={tickTime} />
    )
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      {xAxis}
      <YAxis unit={unit} width={60} />
      <Tooltip labelFormatter={(label) => formatTime(Number(label))} />
      <Legend />
    </>
  )
  return (
    <figure className="op-chart" aria-label={title} data-testid={`chart-${title}`}>
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="op-note">No data yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          {kind === 'bar' ? (
            <BarChart data={rows}>
              {axes}
              {series.map((key, i) => (
                <Bar key={key} dataKey={key} stackId="all" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          ) : (
            <LineChart data={rows}>
              {axes}
              {series.map((key, i) => (
                <Line
                  key={key}
                  dataKey={key}
                  stroke={PALETTE[i % PALETTE.length]}
                  dot={rows.length <= FEW_POINTS}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      )}
    </figure>
  )
}
