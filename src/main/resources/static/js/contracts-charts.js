// Draws the payments charts from their data-chart attributes ({labels, series:[{name, values}], unit}); the same
// figures are in the table below each chart.
(function () {
  'use strict';
  function draw(element, type) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === '' || v == null ? 'None' : '£' + Number(v).toFixed(2); } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: { color: '#4c6272' } },
      yAxis: { type: 'value', name: data.unit, axisLabel: { formatter: '£{value}' } },
      series: data.series.map(function (s) {
        return { name: s.name, type: type, data: s.values, connectNulls: false };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type="contracts-bars"]').forEach(function (e) { draw(e, 'bar'); });
    document.querySelectorAll('[data-chart-type="contracts-lines"]').forEach(function (e) { draw(e, 'line'); });
  });
})();
