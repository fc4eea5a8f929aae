// Monthly joins as a bar chart (Apache ECharts). The figures come from the same JSON API the table was
// rendered from; the table stays as the accessible, printable version.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('coverage-chart');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (c) {
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
          tooltip: { trigger: 'axis' },
          legend: { data: [el.dataset.labelAll, el.dataset.labelGig] },
          grid: { left: 40, right: 16, top: 40, bottom: 30 },
          xAxis: { type: 'category', data: c.monthly.map(function (m) { return m.month + '月'; }) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [
            { name: el.dataset.labelAll, type: 'bar', data: c.monthly.map(function (m) { return m.membersJoined; }), itemStyle: { color: '#b71c1c' } },
            { name: el.dataset.labelGig, type: 'bar', data: c.monthly.map(function (m) { return m.gigWorkersJoined; }), itemStyle: { color: '#f4a261' } }
          ]
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.rendered = 'true';
      })
      .catch(function () { el.hidden = true; });
  });
})();
