// Draws the payments charts from their data-chart attributes ({labels, series:[{name, values}], unit}; cc-charts.js
// draws them); the same figures are in the table below each chart.
(function () {
  'use strict';
  function chart(type) {
    return function (data) {
      return {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === '' || v == null ? 'None' : '£' + Number(v).toFixed(2); } },
        xAxis: { type: 'category', data: data.labels, axisLabel: { color: '#4c6272' } },
        yAxis: { type: 'value', name: data.unit, axisLabel: { formatter: '£{value}' } },
        series: data.series.map(function (s) {
          return { name: s.name, type: type, data: s.values, connectNulls: false };
        })
      };
    };
  }
  CcCharts.drawAll('[data-chart-type="contracts-bars"]', chart('bar'));
  CcCharts.drawAll('[data-chart-type="contracts-lines"]', chart('line'));
})();
