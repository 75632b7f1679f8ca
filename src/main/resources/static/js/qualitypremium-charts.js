// Draws the quality premium distribution chart from its data-chart attribute; the same figures are in the table below it.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart-type="bars"]').forEach(function (element) {
      if (typeof echarts === 'undefined') {
        return;
      }
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        aria: { enabled: true },
        textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: data.labels, axisLabel: { color: '#4c6272' } },
        yAxis: { type: 'value', name: 'CCGs', minInterval: 1 },
        series: [{ type: 'bar', data: data.values, itemStyle: { color: '#005eb8' } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  });
})();
