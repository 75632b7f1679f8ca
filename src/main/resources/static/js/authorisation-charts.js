// Draws the conditions in force at each month end as lines from the JSON in data-chart (cc-charts.js draws it); the
// same figures are in the table below it for people who cannot see the chart.
(function () {
  'use strict';
  var COLOURS = ['#005eb8', '#d5281b'];

  CcCharts.drawAll('[data-chart-type="conditions-in-force"]', function (data) {
    return {
      xAxis: { type: 'category', name: 'End of month', nameLocation: 'middle', nameGap: 28, data: data.months },
      yAxis: { type: 'value', name: 'Conditions', minInterval: 1 },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'line', step: 'end', data: series.values,
          itemStyle: { color: COLOURS[index % COLOURS.length] } };
      })
    };
  });

  // Annual assurance: how many CCGs had each rating, year by year, as stacked bars (best rating at the bottom).
  var RATING_COLOURS = ['#007f3b', '#005eb8', '#ffb81c', '#d5281b'];

  CcCharts.drawAll('[data-chart-type="assurance-ratings"]', function (data) {
    return {
      xAxis: { type: 'category', name: 'Year', nameLocation: 'middle', nameGap: 28, data: data.years },
      yAxis: { type: 'value', name: 'CCGs', minInterval: 1 },
      series: data.series.map(function (series, index) {
        return { name: series.name, type: 'bar', stack: 'ratings', data: series.values,
          itemStyle: { color: RATING_COLOURS[index % RATING_COLOURS.length] } };
      })
    };
  });
})();

// A CCG's 360 survey report: per question the percentage agreeing as bars with its 95% confidence interval drawn as
// a line across each bar, and the national percentage as a marker; the same figures are in the table below.
(function () {
  'use strict';

  function drawSurvey() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart-type="survey-report"]').forEach(function (element) {
      var data = JSON.parse(element.getAttribute('data-chart'));
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      var intervals = [];
      data.intervals.forEach(function (interval, index) {
        if (interval) {
          intervals.push([index, interval[0], interval[1]]);
        }
      });
      chart.setOption({
        animation: false,
        aria: { enabled: true },
        textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
        tooltip: { trigger: 'axis', valueFormatter: function (value) { return value == null ? 'Too few responses' : value + '%'; } },
        legend: { top: 0, data: ['This CCG', '95% confidence interval', 'National'] },
        grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', name: 'Question', nameLocation: 'middle', nameGap: 28, data: data.questions },
        yAxis: { type: 'value', name: 'Stakeholders agreeing (%)', min: 0, max: 100 },
        series: [
          { name: 'This CCG', type: 'bar', data: data.ccg, itemStyle: { color: '#41b6e6' } },
          { name: '95% confidence interval', type: 'custom', data: intervals, itemStyle: { color: '#212b32' },
            encode: { x: 0, y: [1, 2] }, tooltip: { show: false },
            renderItem: function (params, api) {
              var low = api.coord([api.value(0), api.value(1)]);
              var high = api.coord([api.value(0), api.value(2)]);
              var half = api.size([1, 0])[0] * 0.12;
              var style = { stroke: '#212b32', lineWidth: 2 };
              return { type: 'group', children: [
                { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
                { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style: style },
                { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style: style }
              ] };
            } },
          { name: 'National', type: 'scatter', data: data.national, symbol: 'diamond', symbolSize: 12,
            itemStyle: { color: '#d5281b' } }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawSurvey);
  } else {
    drawSurvey();
  }
})();
