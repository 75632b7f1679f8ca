// Draws the finance charts from the JSON in each chart's data-chart attribute (cc-charts.js draws them); every chart's
// figures are also in a table on the same page for people who cannot see it.
(function () {
  'use strict';

  var COLOURS = ['#005eb8', '#ed8b00', '#4c6272'];

  CcCharts.drawAll('[data-chart-type][id$="-chart"]', function (data, element) {
    var grouped = element.getAttribute('data-chart-type') === 'grouped';
    return {
      xAxis: { type: 'category', data: grouped ? data.services : data.codes, axisLabel: { show: grouped, interval: 0 } },
      yAxis: { type: 'value', name: grouped ? '£ per head' : '%' },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'bar', data: series.values, itemStyle: { color: COLOURS[index % 3] } };
      })
    };
  });
}());
