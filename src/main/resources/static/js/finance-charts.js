// Draws the finance charts from the JSON in each chart's data-chart attribute; every chart's figures are also in a
// table on the same page for people who cannot see it.
(function () {
  'use strict';

  var COLOURS = ['#005eb8', '#ed8b00', '#4c6272'];

  function draw(element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    var grouped = element.getAttribute('data-chart-type') === 'grouped';
    var categories = grouped ? data.services : data.codes;
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories, axisLabel: { show: grouped, interval: 0 } },
      yAxis: { type: 'value', name: grouped ? '£ per head' : '%' },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'bar', data: series.values, itemStyle: { color: COLOURS[index % 3] } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type][id$="-chart"]').forEach(draw);
  });
}());
