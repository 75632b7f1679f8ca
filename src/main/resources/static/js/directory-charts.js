// Draws the directory's charts from the JSON in each chart's data-chart attribute; the same figures are in a table
// next to each chart for people who cannot see it.
(function () {
  'use strict';

  var BLUE = '#005eb8';
  var ORANGE = '#ed8b00';
  var TEXT = '#212b32';
  var GREY = '#4c6272';

  function number(value) {
    return Math.abs(value).toLocaleString('en-GB');
  }

  function pyramid(element, data) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      textStyle: { fontFamily: 'Arial, sans-serif', color: TEXT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: number },
      legend: { data: ['Male', 'Female'], top: 0, textStyle: { fontSize: 14 } },
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: number, color: GREY } },
      yAxis: [
        { type: 'category', data: data.bands, axisTick: { show: false }, axisLabel: { color: GREY } }
      ],
      series: [
        { name: 'Male', type: 'bar', stack: 'sex', barCategoryGap: '12%', itemStyle: { color: BLUE },
          data: data.male.map(function (value) { return -value; }) },
        { name: 'Female', type: 'bar', stack: 'sex', barCategoryGap: '12%', itemStyle: { color: ORANGE },
          data: data.female }
      ]
    });
    return chart;
  }

  function line(element, data) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      aria: { enabled: true },
      textStyle: { fontFamily: 'Arial, sans-serif', color: TEXT },
      tooltip: { trigger: 'axis', valueFormatter: number },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.dates, boundaryGap: false, axisLabel: { color: GREY } },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: number, color: GREY } },
      series: [
        { name: 'Registered patients', type: 'line', data: data.patients, symbolSize: 8,
          itemStyle: { color: BLUE }, lineStyle: { color: BLUE, width: 3 } }
      ]
    });
    return chart;
  }

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var type = element.getAttribute('data-chart-type');
      charts.push(type === 'pyramid' ? pyramid(element, data) : line(element, data));
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (chart) { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
