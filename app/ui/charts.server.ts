import * as echarts from 'echarts';

/**
 * A line chart rendered to an SVG string on the server (ECharts SSR), so it shows without
 * JavaScript and prints. Animation off and the instance disposed, or a timer keeps the process alive.
 */
export function lineChartSvg(input: {
  categories: string[];
  series: { name: string; values: number[] }[];
  yAxisName: string;
  width?: number;
  height?: number;
}): string {
  const width = input.width ?? 760;
  const height = input.height ?? 320;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif" },
      grid: { left: 48, right: 16, top: 40, bottom: input.series.length > 6 ? 72 : 48 },
      legend: { type: 'plain', bottom: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      xAxis: {
        type: 'category',
        data: input.categories.map((c) => c.replace(/ 起.*$/, '')),
        axisLabel: { fontSize: 10 },
      },
      yAxis: { type: 'value', name: input.yAxisName, min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: input.series.map((s) => ({ name: s.name, type: 'line', data: s.values, symbolSize: 5 })),
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
