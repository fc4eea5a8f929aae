// Contributions and payouts per plan and term as bars (Apache ECharts); the table below stays the accessible version.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('aid-chart');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (rows) {
        if (!rows.length) { el.hidden = true; return; }
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { data: [el.dataset.contribution, el.dataset.payout] },
          grid: { left: 60, right: 16, top: 40, bottom: 60 },
          xAxis: { type: 'category', data: rows.map(function (r) { return r.label; }), axisLabel: { interval: 0, width: 140, overflow: 'break' } },
          yAxis: { type: 'value' },
          series: [
            { name: el.dataset.contribution, type: 'bar', data: rows.map(function (r) { return Number(r.contributionYuan); }), itemStyle: { color: '#b71c1c' } },
            { name: el.dataset.payout, type: 'bar', data: rows.map(function (r) { return Number(r.payoutYuan); }), itemStyle: { color: '#f4a261' } }
          ]
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.rendered = 'true';
      })
      .catch(function () { el.hidden = true; });
  });
})();
