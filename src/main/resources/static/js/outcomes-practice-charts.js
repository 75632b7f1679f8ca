// Draws one indicator for the practices of a CCG (each practice's value and 95% interval, the chosen practice in red,
// the CCG's and England's values as lines) from its data-chart attribute; the figures are also in the table.
(function () {
  'use strict';
  function practicesInCcg(data) {
    var lines = [];
    if (data.ccg !== null) { lines.push({ name: 'CCG', xAxis: data.ccg, lineStyle: { color: '#005eb8', type: 'dashed', width: 2 } }); }
    if (data.england !== null) { lines.push({ name: 'England', xAxis: data.england, lineStyle: { color: '#212b32', width: 2 } }); }
    return {
      animation: false,
      aria: { enabled: true },
      textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
      tooltip: { trigger: 'item', formatter: function (p) { var i = p.dataIndex; return data.codes[i] + ': ' + data.values[i] + ' (95% ' + data.lower[i] + ' to ' + data.upper[i] + ')'; } },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', scale: true },
      yAxis: { type: 'category', data: data.codes, inverse: true },
      series: [
        { type: 'bar', stack: 'interval', data: data.lower, itemStyle: { color: 'transparent' }, silent: true },
        { type: 'bar', stack: 'interval', barWidth: 4, silent: true, itemStyle: { color: '#aeb7bd' },
          data: data.upper.map(function (u, i) { return u === null || data.lower[i] === null ? null : u - data.lower[i]; }) },
        {
          type: 'scatter', symbolSize: 10,
          data: data.values.map(function (v, i) { return { value: [v, i], itemStyle: { color: data.codes[i] === data.practice ? '#d5281b' : '#005eb8' } }; }),
          markLine: { symbol: 'none', silent: true, label: { formatter: '{b}' }, data: lines }
        }
      ]
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type="practices-in-ccg"]').forEach(function (element) {
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(practicesInCcg(JSON.parse(element.getAttribute('data-chart'))));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  });
})();
