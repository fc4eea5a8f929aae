// The dashboard's chart (Apache ECharts): each target's figure, what is reached and what should be by today.
// It is drawn from the target tables above, which stay the accessible version: the figures are computed once, for
// the page, and the chart can never disagree with the tables.
(function () {
  'use strict';
  function number(value) {
    return value === '' || value === undefined ? null : Number(value);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('workplan-chart');
    if (!el || !window.echarts) { return; }
    var rows = Array.prototype.map.call(document.querySelectorAll('#livelihood-targets tr[data-label], #targets tr[data-label]'), function (tr) {
      return { label: tr.dataset.label, value: number(tr.dataset.value), actual: number(tr.dataset.actual), expected: number(tr.dataset.expected) };
    });
    if (!rows.length) { el.hidden = true; return; }
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [el.dataset.value, el.dataset.actual, el.dataset.expected] },
      grid: { left: 48, right: 16, top: 40, bottom: 80 },
      xAxis: { type: 'category', data: rows.map(function (r) { return r.label; }), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
      yAxis: { type: 'value' },
      series: [
        { name: el.dataset.value, type: 'bar', data: rows.map(function (r) { return r.value; }), itemStyle: { color: '#cfd8dc' } },
        { name: el.dataset.actual, type: 'bar', data: rows.map(function (r) { return r.actual; }), itemStyle: { color: '#b71c1c' } },
        { name: el.dataset.expected, type: 'bar', data: rows.map(function (r) { return r.expected; }), itemStyle: { color: '#f4a261' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    el.dataset.rendered = 'true';
  });
})();
