// What every module's charts share: each element matching a selector is drawn with ECharts on canvas from the JSON in
// its data-chart attribute once the page is ready, and resized with the window. The base options (no animation, ARIA
// on, the NHS.UK text style, an axis tooltip, the legend at the top and a grid that fits its labels) are merged with
// the chart's own: a key the chart gives replaces the base's, and null removes it. Every chart's figures are also in a
// table on the same page for people who cannot see it.
(function () {
  'use strict';

  var BASE = {
    animation: false,
    aria: { enabled: true },
    textStyle: { fontFamily: 'Arial, sans-serif', color: '#212b32' },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true }
  };

  function options(own) {
    var merged = {};
    Object.keys(BASE).forEach(function (key) { merged[key] = BASE[key]; });
    Object.keys(own).forEach(function (key) {
      if (own[key] === null) {
        delete merged[key];
      } else {
        merged[key] = own[key];
      }
    });
    return merged;
  }

  // optionsFor(data, element) gives the chart's own options: its axes and series, and any base key it changes.
  function drawAll(selector, optionsFor) {
    function draw() {
      if (typeof echarts === 'undefined') {
        return;
      }
      document.querySelectorAll(selector).forEach(function (element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        chart.setOption(options(optionsFor(data, element)));
        window.addEventListener('resize', function () { chart.resize(); });
      });
    }

    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', draw);
    } else {
      draw();
    }
  }

  window.CcCharts = { drawAll: drawAll };
})();
