// Commissioning support reviews: each provider's mean score (1 to 5) as a bar with its 95% confidence interval drawn
// across it, from the JSON in data-chart {categories, unit, means, intervals:[[lower, upper]]} (cc-charts.js draws it);
// the same figures are in the table below for people who cannot see the chart.
(function () {
  'use strict';

  CcCharts.drawAll('[data-chart-type="provider-reviews"]', function (data) {
    var intervals = data.intervals.map(function (interval, index) {
      return [index, Number(interval[0]), Number(interval[1])];
    });
    return {
      legend: { top: 0, data: ['Mean score', '95% confidence interval'] },
      xAxis: { type: 'category', name: 'Provider', nameLocation: 'middle', nameGap: 28, data: data.categories },
      yAxis: { type: 'value', name: data.unit, min: 1, max: 5 },
      series: [
        { name: 'Mean score', type: 'bar', data: data.means.map(Number), itemStyle: { color: '#41b6e6' } },
        { name: '95% confidence interval', type: 'custom', data: intervals, itemStyle: { color: '#212b32' },
          encode: { x: 0, y: [1, 2] }, tooltip: { show: false },
          renderItem: function (params, api) {
            var low = api.coord([api.value(0), api.value(1)]);
            var high = api.coord([api.value(0), api.value(2)]);
            var half = api.size([1, 0])[0] * 0.12;
            var style = { stroke: '#212b32', lineWidth: 2 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
              { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
              { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
            ] };
          } }
      ]
    };
  });
}());
