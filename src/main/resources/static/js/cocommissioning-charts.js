// Draws the national counts of CCGs by level and region as a stacked bar chart from the JSON in data-chart; the same
// figures are in the table beside it for people who cannot see the chart.
(function () {
  'use strict';
  var COLOURS = ['#768692', '#005eb8', '#007f3b'];

  function draw() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type="levels-by-region"]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption({
        animation: false,
        aria: { enabled: true },
        textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: data.regions },
        series: data.series.map(function (series, index) {
          return { name: series.name, type: 'bar', stack: 'ccgs', data: series.values,
            itemStyle: { color: COLOURS[index % COLOURS.length] } };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
