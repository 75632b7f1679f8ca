// Draws the quality premium distribution chart from its data-chart attribute (cc-charts.js draws it); the same
// figures are in the table below it.
(function () {
  'use strict';
  CcCharts.drawAll('[data-chart-type="bars"]', function (data) {
    return {
      legend: null,
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: { color: '#4c6272' } },
      yAxis: { type: 'value', name: 'CCGs', minInterval: 1 },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#005eb8' } }]
    };
  });
})();
