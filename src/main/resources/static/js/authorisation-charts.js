// Draws the conditions in force at each month end as lines from the JSON in data-chart (cc-charts.js draws it); the
// same figures are in the table below it for people who cannot see the chart.
(function () {
  'use strict';
  var COLOURS = ['#005eb8', '#d5281b'];

  CcCharts.drawAll('[data-chart-type="conditions-in-force"]', function (data) {
    return {
      xAxis: { type: 'category', name: 'End of month', nameLocation: 'middle', nameGap: 28, data: data.months },
      yAxis: { type: 'value', name: 'Conditions', minInterval: 1 },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'line', step: 'end', data: series.values,
          itemStyle: { color: COLOURS[index % COLOURS.length] } };
      })
    };
  });

  // Annual assurance: how many CCGs had each rating, year by year, as stacked bars (best rating at the bottom).
  var RATING_COLOURS = ['#007f3b', '#005eb8', '#ffb81c', '#d5281b'];

  CcCharts.drawAll('[data-chart-type="assurance-ratings"]', function (data) {
    return {
      xAxis: { type: 'category', name: 'Year', nameLocation: 'middle', nameGap: 28, data: data.years },
      yAxis: { type: 'value', name: 'CCGs', minInterval: 1 },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'bar', stack: 'ratings', data: series.values,
          itemStyle: { color: RATING_COLOURS[index % RATING_COLOURS.length] } };
      })
    };
  });
})();
