/**
 * A small chart by month (ECharts, only the parts used, drawn as SVG so no canvas and no eval: the
 * renderer's CSP allows neither 'unsafe-eval' nor remote code). For screen readers the chart is one
 * image named by `label`, which states the figures it draws.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  name: string;
  kind: 'bar' | 'line';
  data: (number | null)[];
  color: string;
}

export function MonthChart({ months, series, label, max, testId }: { months: string[]; series: Series[]; label: string; max?: number; testId: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      legend: { top: 0, textStyle: { color: '#434343' } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months.map((m) => m.slice(2).replace('-', '/')), axisLabel: { color: '#434343' } },
      yAxis: { type: 'value', max, axisLabel: { color: '#434343' } },
      series: series.map((s) => ({
        name: s.name,
        type: s.kind,
        data: s.data,
        itemStyle: { color: s.color },
        lineStyle: { color: s.color },
        connectNulls: true,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, series, max]);
  return <div ref={el} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height: 220 }} />;
}
