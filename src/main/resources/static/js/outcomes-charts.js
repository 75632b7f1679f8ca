// Draws the outcomes charts (deciles over time, funnel plot, spine chart) on the indicator, CCG and practice pages
// from their data-chart attributes, and the same charts captured with discussion comments from their stored figures
// (data-snapshot), as they were when the comment was posted. Every figure is also on the page as a table or a CSV.
(function () {
  'use strict';
  var FONT = { fontFamily: 'Arial, sans-serif', color: '#212b32' };
  var COLOURS = { BETTER: '#007f3b', WORSE: '#d5281b', SIMILAR: '#ffeb3b', HIGHER: '#005eb8', LOWER: '#005eb8', NOT_COMPARED: '#768692' };

  // The median solid and named, the other deciles dashed under one legend entry, England and the chosen organisation
  // (and, in a discussion with a peer, the peer) each in their own colour: the legend shows each line as it is drawn.
  function deciles(element, data) {
    var OTHER = 'Other deciles (10th to 90th percentile)';
    var MEDIAN = 'Median (50th percentile)';
    var series = data.deciles.map(function (values, index) {
      var median = index === 4;
      return {
        name: median ? MEDIAN : OTHER, type: 'line', data: values, symbol: 'none',
        itemStyle: { color: '#005eb8' },
        lineStyle: { color: '#005eb8', width: median ? 3 : 1, type: median ? 'solid' : 'dashed' }
      };
    });
    var legend = [MEDIAN, OTHER, 'England'];
    series.push({ name: 'England', type: 'line', data: data.england, itemStyle: { color: '#212b32' }, lineStyle: { color: '#212b32', width: 2 }, symbol: 'circle' });
    if (data.org) {
      var orgName = data.orgLabel || data.org;
      series.push({ name: orgName, type: 'line', data: data.orgValues, itemStyle: { color: '#d5281b' }, lineStyle: { color: '#d5281b', width: 3 }, symbol: 'circle' });
      legend.push(orgName);
    }
    if (data.peer && data.peerValues) {
      var peerName = data.peerLabel || data.peer;
      series.push({ name: peerName, type: 'line', data: data.peerValues, itemStyle: { color: '#ae2573' }, lineStyle: { color: '#ae2573', width: 3, type: 'dotted' }, symbol: 'diamond' });
      legend.push(peerName);
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: legend, top: 0 },
      grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.periods, name: 'Period', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', scale: true, name: data.unit ? 'Value (' + data.unit + ')' : 'Value', nameLocation: 'middle', nameGap: 48 },
      series: series
    };
  }

  // Points coloured by where they fall against the limits, as Fingertips does: better or worse where the indicator has
  // a polarity, higher or lower where it has none.
  var FUNNEL_CLASSES = [
    { outcome: 'High (99.8%)', good: 'Better: outside the 99.8% limits', bad: 'Worse: outside the 99.8% limits', plain: 'Higher: outside the 99.8% limits' },
    { outcome: 'High (95%)', good: 'Better: outside the 95% limits', bad: 'Worse: outside the 95% limits', plain: 'Higher: outside the 95% limits' },
    { outcome: 'Not significant', good: 'Within the 95% limits', bad: 'Within the 95% limits', plain: 'Within the 95% limits' },
    { outcome: 'Low (95%)', good: 'Worse: outside the 95% limits', bad: 'Better: outside the 95% limits', plain: 'Lower: outside the 95% limits' },
    { outcome: 'Low (99.8%)', good: 'Worse: outside the 99.8% limits', bad: 'Better: outside the 99.8% limits', plain: 'Lower: outside the 99.8% limits' }
  ];
  var FUNNEL_COLOURS = {
    'Better: outside the 99.8% limits': '#007f3b', 'Better: outside the 95% limits': '#78be20',
    'Within the 95% limits': '#ffb81c',
    'Worse: outside the 95% limits': '#ed8b00', 'Worse: outside the 99.8% limits': '#d5281b',
    'Higher: outside the 99.8% limits': '#003087', 'Higher: outside the 95% limits': '#41b6e6',
    'Lower: outside the 95% limits': '#ae2573', 'Lower: outside the 99.8% limits': '#330072'
  };

  function funnelClass(outcome, polarity) {
    var found = FUNNEL_CLASSES.filter(function (c) { return c.outcome === outcome; })[0] || FUNNEL_CLASSES[2];
    return polarity === 'HIGH_IS_GOOD' ? found.good : polarity === 'LOW_IS_GOOD' ? found.bad : found.plain;
  }

  // A discussion's funnel plot and an indicator page name their organisation (data.org), drawn larger, outlined and
  // labelled. Limits are drawn above the points; with thousands of points (practices) the points are small and
  // translucent so the limits stay visible.
  function funnel(element, data) {
    var many = data.points.length > 1000;
    var fmt = function (v) { return v === null || v === undefined ? '-' : Number(v).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }); };
    var unit = !data.unit ? '' : data.unit === '%' ? '%' : ' ' + data.unit;
    var line = function (index, name, dashed) {
      return {
        name: name, type: 'line', symbol: 'none', z: 5, silent: true,
        data: data.limits.map(function (l) { return [l[0], l[index]]; }),
        itemStyle: { color: '#212b32' },
        lineStyle: { color: '#212b32', type: dashed ? 'dashed' : 'solid', width: dashed ? 1 : 1.5 }
      };
    };
    var own = function (p) { return !!data.org && p[2].indexOf(data.org + ' ') === 0; };
    var byClass = {};
    data.points.forEach(function (p) {
      if (own(p)) { return; }
      var name = funnelClass(p[3], data.polarity);
      (byClass[name] = byClass[name] || []).push(p);
    });
    var order = ['Better: outside the 99.8% limits', 'Better: outside the 95% limits', 'Higher: outside the 99.8% limits',
      'Higher: outside the 95% limits', 'Within the 95% limits', 'Lower: outside the 95% limits', 'Lower: outside the 99.8% limits',
      'Worse: outside the 95% limits', 'Worse: outside the 99.8% limits'];
    var series = order.filter(function (name) { return byClass[name]; }).map(function (name) {
      return {
        name: name, type: 'scatter', z: 2, data: byClass[name], symbolSize: many ? 3 : 7, large: many,
        itemStyle: { color: FUNNEL_COLOURS[name], opacity: many ? 0.35 : 0.85 }
      };
    });
    var legend = series.map(function (s) { return s.name; });
    if (data.org) {
      var chosen = data.points.filter(own);
      var chosenName = chosen.length ? chosen[0][2] : data.org;
      series.push({
        name: chosenName, type: 'scatter', z: 10, data: chosen, symbolSize: 14,
        itemStyle: { color: chosen.length ? FUNNEL_COLOURS[funnelClass(chosen[0][3], data.polarity)] : '#d5281b', borderColor: '#212b32', borderWidth: 2, opacity: 1 },
        label: { show: true, position: 'right', formatter: data.org, fontWeight: 'bold', color: '#212b32' }
      });
      legend.push(chosenName);
    }
    series.push({ name: 'England', type: 'line', symbol: 'none', z: 6, silent: true, data: data.limits.map(function (l) { return [l[0], data.benchmark]; }), itemStyle: { color: '#005eb8' }, lineStyle: { color: '#005eb8', width: 2 } },
      line(1, '95% limits', true), line(2, '95% limits', true), line(3, '99.8% limits', false), line(4, '99.8% limits', false));
    legend.push('England', '95% limits', '99.8% limits');
    return {
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          if (p.seriesType !== 'scatter') { return p.seriesName; }
          var d = p.data;
          return d[2] + '<br>' + fmt(d[1]) + unit + (d[4] !== undefined && d[4] !== null ? ' (95% interval ' + fmt(d[4]) + ' to ' + fmt(d[5]) + ')' : '')
            + '<br>' + (data.xTitle || 'Denominator') + ': ' + Number(d[0]).toLocaleString('en-GB') + '<br>' + funnelClass(d[3], data.polarity);
        }
      },
      legend: { data: legend, top: 0, type: 'scroll' },
      grid: { left: 8, right: 40, top: 64, bottom: 24, containLabel: true },
      xAxis: { type: 'value', name: data.xTitle || 'Denominator', nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: 'value', name: data.yTitle || ('Value' + (data.unit ? ' (' + data.unit + ')' : '')), nameLocation: 'middle', nameGap: 48, scale: true },
      series: series
    };
  }

  // Each indicator scaled so that England is 0 and the furthest CCG is 1, as Fingertips' spine charts do, and turned
  // round where low is good, so that better is always to the right. Rows are grouped under their domain and labelled
  // with the indicator's name (its ID in the tooltip). Each range is an invisible bar up to its start and a visible one
  // for its width, stacked whatever their signs (ECharts' default stacks negative and positive values apart).
  // A discussion's snapshot keeps its rows under data.rows; the CCG and practice pages give them as the data itself.
  function spine(element, data) {
    var given = Array.isArray(data) ? data : data.rows;
    var rows = [];
    var lastDomain = null;
    given.slice().sort(function (a, b) { return (a.domainNumber || 0) - (b.domainNumber || 0); }).forEach(function (d) {
      if (d.domain && d.domain !== lastDomain) {
        rows.push({ heading: d.domain });
        lastDomain = d.domain;
      }
      rows.push(d);
    });
    var scaled = rows.map(function (d) {
      if (d.heading) {
        return { heading: d.heading, label: d.heading, min: null, max: null, peerMin: null, peerMax: null, ccg: null };
      }
      var flip = d.polarity === 'LOW_IS_GOOD' ? -1 : 1;
      var spread = Math.max(Math.abs((d.max || 0) - d.england), Math.abs(d.england - (d.min || 0))) || 1;
      var s = function (v) { return v === null || v === undefined ? null : flip * (v - d.england) / spread; };
      var lo = function (a, b) { var x = s(a), y = s(b); return x === null || y === null ? null : Math.min(x, y); };
      var hi = function (a, b) { var x = s(a), y = s(b); return x === null || y === null ? null : Math.max(x, y); };
      return { label: d.label || d.name, min: lo(d.min, d.max), max: hi(d.min, d.max), peerMin: lo(d.peerMin, d.peerMax), peerMax: hi(d.peerMin, d.peerMax), ccg: s(d.ccg), raw: d };
    });
    var labels = scaled.map(function (d) { return d.heading ? '{domain|' + d.label + '}' : d.label; });
    var orgName = (given[0] && given[0].orgLabel) || 'CCG';
    var rangeName = orgName === 'Practice' ? 'Range of all practices' : 'Range of all CCGs';
    var marker = function (comparison) {
      return scaled.map(function (d, i) { return d.heading || d.raw.comparison !== comparison ? null : { value: [d.ccg, i] }; });
    };
    var markers = [['BETTER', 'Better than England'], ['SIMILAR', 'Similar to England'], ['WORSE', 'Worse than England'],
      ['HIGHER', 'Higher than England'], ['LOWER', 'Lower than England'], ['NOT_COMPARED', 'Not compared']]
      .filter(function (m) { return scaled.some(function (d) { return !d.heading && d.raw.comparison === m[0]; }); })
      .map(function (m) {
        return { name: orgName + ': ' + m[1].charAt(0).toLowerCase() + m[1].slice(1), type: 'scatter', symbolSize: 12, z: 5, data: marker(m[0]), itemStyle: { color: COLOURS[m[0]], borderColor: '#212b32' } };
      });
    var tooltip = function (p) {
      var d = scaled[p.dataIndex];
      if (!d || d.heading) { return ''; }
      var r = d.raw;
      return r.label + ' (' + r.name + ')<br>' + (r.orgLabel || 'CCG') + ' ' + r.ccg + ', England ' + r.england
        + ', peers ' + r.peerMin + ' to ' + r.peerMax + (r.peerAverage === null || r.peerAverage === undefined ? '' : ' (average ' + r.peerAverage + ')')
        + ', all CCGs ' + r.min + ' to ' + r.max + (r.polarity === 'LOW_IS_GOOD' ? '<br>Low is good: drawn turned round, better to the right' : '');
    };
    return {
      tooltip: { trigger: 'item', formatter: tooltip },
      legend: { top: 0, data: [rangeName, 'Range of peers'].concat(markers.map(function (m) { return m.name; })) },
      grid: { left: 8, right: 24, top: 48, bottom: 40, containLabel: true },
      xAxis: {
        type: 'value', min: -1.05, max: 1.05, axisLabel: { show: false }, splitLine: { show: false },
        name: '\u2190 worse        England        better \u2192   (each row scaled to its furthest CCG)', nameLocation: 'middle', nameGap: 16
      },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 260, overflow: 'truncate', rich: { domain: { fontWeight: 'bold', color: '#4c6272' } } } },
      series: [
        { type: 'bar', stack: 'all', stackStrategy: 'all', data: scaled.map(function (d) { return d.min; }), itemStyle: { color: 'transparent' }, silent: true, tooltip: { show: false } },
        { name: rangeName, type: 'bar', stack: 'all', stackStrategy: 'all', data: scaled.map(function (d) { return d.max === null || d.min === null ? null : d.max - d.min; }), itemStyle: { color: '#d8dde0' }, barWidth: 16, silent: true },
        { type: 'bar', stack: 'peers', stackStrategy: 'all', data: scaled.map(function (d) { return d.peerMin; }), itemStyle: { color: 'transparent' }, silent: true, tooltip: { show: false } },
        { name: 'Range of peers', type: 'bar', stack: 'peers', stackStrategy: 'all', data: scaled.map(function (d) { return d.peerMax === null || d.peerMin === null ? null : d.peerMax - d.peerMin; }), itemStyle: { color: '#41b6e6' }, barWidth: 6, barGap: '-69%', silent: true },
        {
          name: 'England', type: 'scatter', data: [], silent: true,
          markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: { color: '#212b32', type: 'solid', width: 2 }, data: [{ xAxis: 0 }] }
        }
      ].concat(markers)
    };
  }

  // For the browser tests: the options each chart was drawn with, by element id.
  window.cocommissionCharts = window.cocommissionCharts || {};

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
      if (element.id) {
        window.cocommissionCharts[element.id] = chart;
      }
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
        element.style.height = (200 + data.rows.length * 30) + 'px';
      }
      draw(element, build, data);
    });
  });
})();
