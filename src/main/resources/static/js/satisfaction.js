// The ranking of forms of service (最受欢迎的服务形式) as a bar chart (Apache ECharts): average score per form, best on
// top, the number of ratings in the tooltip. The figures come from the JSON API the table was rendered from; the table
// stays the accessible, printable version, and suppressed forms (one-to-one appointments under ten ratings) are left out.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('satisfaction-chart');
    if (!el || !window.echarts) { return; }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (f) {
        var ranked = f.forms.filter(function (x) { return x.rank !== null && !x.suppressed; }).reverse();
        var chart = window.echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
          // Drawn at once: the page (and a screenshot of it) shows the final bars, not a growing animation.
          animation: false,
          tooltip: {
            trigger: 'axis', axisPointer: { type: 'shadow' },
            formatter: function (items) {
              var x = ranked[items[0].dataIndex];
              return x.label + '<br>' + el.dataset.labelAverage + ' ' + x.average + ' · ' + el.dataset.labelCount + ' ' + x.count;
            }
          },
          grid: { left: 8, right: 40, top: 16, bottom: 24, containLabel: true },
          xAxis: { type: 'value', min: 0, max: 5, interval: 1 },
          yAxis: { type: 'category', data: ranked.map(function (x) { return x.label; }) },
          series: [{
            name: el.dataset.labelAverage, type: 'bar', barMaxWidth: 28,
            data: ranked.map(function (x, i) { return { value: x.average, itemStyle: { color: i === ranked.length - 1 ? '#b71c1c' : '#f4a261' } }; }),
            label: { show: true, position: 'right', formatter: function (p) { return Number(p.value).toFixed(1); } }
          }]
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.rendered = 'true';
      })
      .catch(function () { el.hidden = true; });
  });
})();
