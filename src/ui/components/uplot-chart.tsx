import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

interface Props {
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly height: number;
  /** Text alternative for screen readers (a chart says nothing to them otherwise). */
  readonly label: string;
}

/** A uPlot chart that follows its container's width and is rebuilt when options or data change. */
export function UplotChart({ options, data, height, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = new uPlot({ ...options, width: Math.max(200, el.clientWidth), height }, data, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [options, data, height]);
  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
