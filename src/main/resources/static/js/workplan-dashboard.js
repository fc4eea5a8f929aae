// The dashboard's chart (Apache ECharts): each target's figure, what is reached and what should be by today.
// The tables above stay the accessible version.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('workplan-chart');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (rows) {
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
            { name: el.dataset.expected, type: 'bar', data: rows.map(function (r) { return Number(r.expected); }), itemStyle: { color: '#f4a261' } }
          ]
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.rendered = 'true';
      })
      .catch(function () { el.hidden = true; });
  });
})();
