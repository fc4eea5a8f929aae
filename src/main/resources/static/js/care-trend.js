// The worker's own scores over time, one line per instrument (Apache ECharts). The figures come from the
// worker's own results (/api/assessments, answered for the signed-in worker only); the list below stays as the
// accessible version. The dashed bands mark where "talk to a professional" begins (10).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('trend-chart');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (rows) {
        var names = { PHQ9: el.dataset.labelPhq9, GAD7: el.dataset.labelGad7 };
        var colours = { PHQ9: '#b71c1c', GAD7: '#1565c0' };
        var series = ['PHQ9', 'GAD7'].map(function (i) {
          var points = rows.filter(function (r) { return r.instrument === i; })
            .map(function (r) { return [r.takenAt, r.score]; })
            .sort(function (a, b) { return a[0] < b[0] ? -1 : 1; });
          return { name: names[i], type: 'line', data: points, symbolSize: 8, itemStyle: { color: colours[i] },
            markLine: i === 'PHQ9' ? { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' },
              label: { formatter: el.dataset.labelProfessional, position: 'insideStartTop' }, data: [{ yAxis: 10 }] } : undefined };
        }).filter(function (s) { return s.data.length > 0; });
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: { data: series.map(function (s) { return s.name; }) },
          grid: { left: 32, right: 16, top: 40, bottom: 30 },
          xAxis: { type: 'time' },
          yAxis: { type: 'value', min: 0, max: 27, minInterval: 1 },
          series: series
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.rendered = 'true';
      })
      .catch(function () { el.hidden = true; });
  });
})();
