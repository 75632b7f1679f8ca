// Draws the workforce charts from the JSON in each chart's data-chart attribute: {categories, unit, series:[{name,
// values}], reference?} (cc-charts.js draws them). Every chart's figures are also in a table on the same page for
// people who cannot see it.
(function () {
  'use strict';

  var COLOURS = ['#005eb8', '#ed8b00', '#4c6272', '#007f3b', '#7c2855'];

  CcCharts.drawAll('[data-chart-type][id$="-chart"]', function (data, element) {
    var line = element.getAttribute('data-chart-type') === 'line';
    var series = data.series.map(function (s, index) {
      return { name: s.name, type: line ? 'line' : 'bar', data: s.values, connectNulls: false,
        itemStyle: { color: COLOURS[index % COLOURS.length] } };
    });
    if (data.reference) {
      series.push({ name: data.reference.name, type: 'line', data: [], itemStyle: { color: '#d5281b' },
        markLine: { symbol: 'none', lineStyle: { color: '#d5281b', type: 'dashed' },
          data: [{ yAxis: Number(data.reference.value) }], label: { formatter: data.reference.name } } });
    }
    return {
      grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.categories, axisLabel: { show: line || data.categories.length <= 30 } },
      yAxis: { type: 'value', name: data.unit, scale: line },
      series: series
    };
  });
}());
