import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { UplotChart } from './uplot-chart.js';

interface Props {
  readonly values: readonly number[];
  readonly lsl?: number | undefined;
  readonly usl?: number | undefined;
  readonly label: string;
}

/** A small run chart of the values measured here, with the specification limits as lines. */
export function RunChart({ values, lsl, usl, label }: Props) {
  const { options, data } = useMemo(() => {
    const x = values.map((_, i) => i + 1);
    const flat = (v: number | undefined) => x.map(() => v ?? null);
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
      axes: [{ show: false }, { size: 48 }],
      series: [
        {},
        { stroke: '#1f5fbf', width: 2, points: { show: true, size: 7 } },
        { stroke: '#b3261e', dash: [6, 4], width: 1, points: { show: false } },
        { stroke: '#b3261e', dash: [6, 4], width: 1, points: { show: false } },
      ],
    };
    return { options, data: [x, [...values], flat(lsl), flat(usl)] as uPlot.AlignedData };
  }, [values, lsl, usl]);
  if (values.length === 0) return null;
  return <UplotChart options={options} data={data} height={120} label={label} />;
}
