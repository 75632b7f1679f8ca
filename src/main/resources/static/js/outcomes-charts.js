// Draws the outcomes charts (deciles over time, funnel plot, spine chart) on the indicator, CCG and practice pages
// from their data-chart attributes, and the same charts captured with discussion comments from their stored figures
// (data-snapshot), as they were when the comment was posted. Every figure is also on the page as a table or a CSV.
(function () {
  'use strict';
  var FONT = { fontFamily: 'Frutiger W01, Arial, sans-serif', color: '#212b32' };
  var COLOURS = { BETTER: '#007f3b', WORSE: '#d5281b', SIMILAR: '#ffeb3b', HIGHER: '#005eb8', LOWER: '#005eb8', NOT_COMPARED: '#768692' };

  function deciles(element, data) {
    var series = data.deciles.map(function (values, index) {
      return {
        name: (index + 1) * 10 + 'th percentile', type: 'line', data: values, symbol: 'none',
        lineStyle: { color: '#005eb8', width: index === 4 ? 2 : 1, type: index === 4 ? 'solid' : 'dashed' }
      };
    });
    series.push({ name: 'England', type: 'line', data: data.england, lineStyle: { color: '#212b32', width: 2 }, symbol: 'circle' });
    if (data.org) {
      series.push({ name: data.org, type: 'line', data: data.orgValues, lineStyle: { color: '#d5281b', width: 3 }, symbol: 'circle' });
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['England'].concat(data.org ? [data.org] : []), top: 0 },
      xAxis: { type: 'category', data: data.periods },
      yAxis: { type: 'value', scale: true },
      series: series
    };
  }

  // A discussion's funnel plot names its organisation (data.org), whose point is drawn apart, larger and in red.
  function funnel(element, data) {
    var line = function (index, name, dashed) {
      return {
        name: name, type: 'line', symbol: 'none', data: data.limits.map(function (l) { return [l[0], l[index]]; }),
        lineStyle: { color: '#4c6272', type: dashed ? 'dashed' : 'solid', width: 1 }
      };
    };
    var own = function (p) { return !!data.org && p[2].indexOf(data.org + ' ') === 0; };
    var benchmark = data.limits.map(function (l) { return [l[0], data.benchmark]; });
    var series = [{ name: 'Organisations', type: 'scatter', data: data.points.filter(function (p) { return !own(p); }), symbolSize: 5, itemStyle: { color: '#005eb8' } }];
    if (data.org) {
      series.push({ name: data.org, type: 'scatter', data: data.points.filter(own), symbolSize: 12, itemStyle: { color: '#d5281b' } });
    }
    series.push({ name: 'England', type: 'line', symbol: 'none', data: benchmark, lineStyle: { color: '#212b32' } },
      line(1, '95% lower', true), line(2, '95% upper', true), line(3, '99.8% lower', false), line(4, '99.8% upper', false));
    return {
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesType === 'scatter' ? p.data[2] + ': ' + p.data[1] : p.seriesName; } },
      xAxis: { type: 'value', name: 'Denominator', scale: true },
      yAxis: { type: 'value', scale: true },
      series: series
    };
  }

  // Each indicator scaled so that England is 0 and the furthest CCG is 1, as Fingertips' spine charts do. Each range is
  // an invisible bar up to its start and a visible one for its width, stacked whatever their signs (ECharts' default
  // stacks negative and positive values apart, which pinned every range to England).
  // A discussion's snapshot keeps its rows under data.rows; the CCG and practice pages give them as the data itself.
  function spine(element, data) {
    var rows = Array.isArray(data) ? data : data.rows;
    var scaled = rows.map(function (d) {
      var spread = Math.max(Math.abs((d.max || 0) - d.england), Math.abs(d.england - (d.min || 0))) || 1;
      var s = function (v) { return v === null || v === undefined ? null : (v - d.england) / spread; };
      return { name: d.name, label: d.label, min: s(d.min), max: s(d.max), peerMin: s(d.peerMin), peerMax: s(d.peerMax), ccg: s(d.ccg), raw: d };
    });
    var names = scaled.map(function (d) { return d.name; });
    return {
      tooltip: { trigger: 'item', formatter: function (p) { if (p.seriesType !== 'scatter') { return ''; } var d = scaled[p.dataIndex].raw; return d.label + '<br>' + (d.orgLabel || 'CCG') + ' ' + d.ccg + ', England ' + d.england + ', peers ' + d.peerMin + ' to ' + d.peerMax + (d.peerAverage === null || d.peerAverage === undefined ? '' : ' (average ' + d.peerAverage + ')'); } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: -1.05, max: 1.05, axisLabel: { show: false } },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { type: 'bar', stack: 'all', stackStrategy: 'all', data: scaled.map(function (d) { return d.min; }), itemStyle: { color: 'transparent' }, silent: true },
        { type: 'bar', stack: 'all', stackStrategy: 'all', data: scaled.map(function (d) { return d.max === null || d.min === null ? null : d.max - d.min; }), itemStyle: { color: '#d8dde0' }, barWidth: 14, silent: true },
        { type: 'bar', stack: 'peers', stackStrategy: 'all', data: scaled.map(function (d) { return d.peerMin; }), itemStyle: { color: 'transparent' }, silent: true },
        { type: 'bar', stack: 'peers', stackStrategy: 'all', data: scaled.map(function (d) { return d.peerMax === null || d.peerMin === null ? null : d.peerMax - d.peerMin; }), itemStyle: { color: '#768692' }, barWidth: 8, barGap: '-78%', silent: true },
        {
          type: 'scatter', symbolSize: 12,
          data: scaled.map(function (d, i) { return { value: [d.ccg, i], itemStyle: { color: COLOURS[d.raw.comparison] || '#768692', borderColor: '#212b32' } }; }),
          markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#212b32', type: 'solid', width: 2 }, data: [{ xAxis: 0 }] }
        }
      ]
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
      return;
    }
    var builders = { deciles: deciles, funnel: funnel, spine: spine };
    var draw = function (element, build, data) {
      var option = build(element, data);
      option.animation = false;
      option.aria = { enabled: true };
      option.textStyle = FONT;
      option.grid = option.grid || { left: 8, right: 24, top: 32, bottom: 8, containLabel: true };
      var chart = echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    };
    document.querySelectorAll('[data-chart-type]').forEach(function (element) {
      var build = builders[element.getAttribute('data-chart-type')];
      if (!build) {
        return;
      }
      var url = element.getAttribute('data-chart-url');
      if (url) {
        // Large charts (every practice in England) are fetched after the page rather than carried in it.
        fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
          .then(function (data) { draw(element, build, data); })
          .catch(function () { element.textContent = 'The chart could not be loaded; its figures are in the CSV.'; });
        return;
      }
      draw(element, build, JSON.parse(element.getAttribute('data-chart')));
    });
    document.querySelectorAll('[data-snapshot-type]').forEach(function (element) {
      var build = builders[element.getAttribute('data-snapshot-type')];
      if (!build) {
        return;
      }
      var data = JSON.parse(element.getAttribute('data-snapshot'));
      if (data.rows) {
        element.style.height = (80 + data.rows.length * 26) + 'px';
      }
      draw(element, build, data);
    });
  });
})();
