import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { UplotChart } from '../components/uplot-chart.js';
import { num } from '../i18n/format.js';
import { known, t, type MessageKey } from '../i18n/i18n.js';

/** What the SPC endpoints answer (API.md), with the plotted points under one of the names a server may use. */
export interface SpcResult {
  readonly center: number;
  readonly lcl: number;
  readonly ucl: number;
  readonly sigma?: number;
  readonly capability?: { readonly cp?: number | null; readonly cpk?: number | null; readonly pp?: number | null; readonly ppk?: number | null };
  readonly violations: readonly { readonly rule: string; readonly index: number }[];
  readonly points?: readonly number[];
  readonly values?: readonly number[];
  readonly means?: readonly number[];
  readonly lsl?: number;
  readonly usl?: number;
}

/** The plotted statistic per point, whatever the server called it. */
export function spcPoints(r: SpcResult): readonly number[] {
  return r.points ?? r.means ?? r.values ?? [];
}

interface Props {
  readonly result: SpcResult;
  readonly title: string;
}

/** A control chart: the points, the centre line, the control limits, and every point that completes a rule pattern flagged. */
export function SpcChart({ result, title }: Props) {
  const points = spcPoints(result);
  const flagged = new Set(result.violations.map((v) => v.index));
  const { options, data } = useMemo(() => {
    const x = points.map((_, i) => i + 1);
    const line = (v: number) => x.map(() => v);
    const options: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
      legend: { show: true, live: false },
      axes: [{ label: t('spc.sample') }, { size: 60 }],
      series: [
        {},
        { label: t('spc.value'), stroke: '#1f5fbf', width: 2, points: { show: true, size: 6 } },
        { label: t('spc.center'), stroke: '#2e7d32', width: 1.5, points: { show: false } },
        { label: 'UCL', stroke: '#b3261e', width: 1.5, dash: [8, 4], points: { show: false } },
        { label: 'LCL', stroke: '#b3261e', width: 1.5, dash: [8, 4], points: { show: false } },
        { label: t('spc.flagged'), stroke: '#b3261e', width: 0, points: { show: true, size: 14, fill: '#b3261e', stroke: '#ffffff', width: 2 } },
      ],
    };
    const marks = points.map((p, i) => (flagged.has(i) ? p : null));
    return { options, data: [x, [...points], line(result.center), line(result.ucl), line(result.lcl), marks] as uPlot.AlignedData };
  }, [result]);
  const ruleText = (rule: string): string => (known(`spc.rule.${rule}`) ? t(`spc.rule.${rule}` as MessageKey) : rule);
  return (
    <figure class="spc">
      <figcaption>
        {title} · {t('spc.limits', { center: num(result.center), lcl: num(result.lcl), ucl: num(result.ucl) })}
        {typeof result.capability?.cpk === 'number' && <> · Cpk {num(result.capability.cpk)}</>}
      </figcaption>
      <UplotChart options={options} data={data} height={300} label={t('spc.chartLabel', { title, count: points.length, flagged: flagged.size })} />
      {result.violations.length === 0 ? (
        <p class="ok">{t('spc.inControl')}</p>
      ) : (
        <ul class="rule-flags" aria-label={t('spc.flags')}>
          {result.violations.map((v, i) => (
            <li key={i} class="error">{t('spc.flag', { point: v.index + 1, value: num(points[v.index]), rule: v.rule, text: ruleText(v.rule) })}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
