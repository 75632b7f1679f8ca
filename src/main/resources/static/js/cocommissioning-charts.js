// Draws the national counts of CCGs by level and region as a stacked bar chart from the JSON in data-chart
// (cc-charts.js draws it); the same figures are in the table beside it for people who cannot see the chart.
(function () {
  'use strict';
  var COLOURS = ['#768692', '#005eb8', '#007f3b'];

  CcCharts.drawAll('[data-chart-type="levels-by-region"]', function (data) {
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.regions },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'bar', stack: 'ccgs', data: series.values,
          itemStyle: { color: COLOURS[index % COLOURS.length] } };
      })
    };
  });
})();
