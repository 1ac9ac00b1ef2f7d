import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/**
 * An ECharts chart; its toolbox saves it as a PNG image. Its data is also described in the
 * container's aria-label (ECharts' aria), for screen readers and for the tests.
 */
export function Chart({ option, height = 320, testId }: { option: echarts.EChartsOption; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { locale: 'ZH' });
    chart.setOption({
      toolbox: { feature: { saveAsImage: { title: '保存为图片', pixelRatio: 2 } } },
      aria: { enabled: true, data: { maxCount: 100 } },
      ...option,
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
