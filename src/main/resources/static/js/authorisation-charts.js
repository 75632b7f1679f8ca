// Draws the conditions in force at each month end as lines from the JSON in data-chart; the same figures are in the
// table below it for people who cannot see the chart.
(function () {
  'use strict';
  var COLOURS = ['#005eb8', '#d5281b'];

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type="conditions-in-force"]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        aria: { enabled: true },
        textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', name: 'End of month', nameLocation: 'middle', nameGap: 28, data: data.months },
        yAxis: { type: 'value', name: 'Conditions', minInterval: 1 },
        series: data.series.map(function (series, index) {
          return { name: series.name, type: 'line', step: 'end', data: series.values,
            itemStyle: { color: COLOURS[index % COLOURS.length] } };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // Annual assurance: how many CCGs had each rating, year by year, as stacked bars (best rating at the bottom).
  var RATING_COLOURS = ['#007f3b', '#005eb8', '#ffb81c', '#d5281b'];

  function drawAssurance() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type="assurance-ratings"]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        aria: { enabled: true },
        textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', name: 'Year', nameLocation: 'middle', nameGap: 28, data: data.years },
        yAxis: { type: 'value', name: 'CCGs', minInterval: 1 },
        series: data.series.map(function (series, index) {
          return { name: series.name, type: 'bar', stack: 'ratings', data: series.values,
            itemStyle: { color: RATING_COLOURS[index % RATING_COLOURS.length] } };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAssurance);
  } else {
    drawAssurance();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
