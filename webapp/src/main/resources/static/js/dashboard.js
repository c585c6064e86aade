// Draws the dashboard's charts from the page's JSON data island; the tables beside them hold the
// same figures for keyboards, screen readers and printing.
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent || '{}');

  function bars(elementId, labels, active, contacted) {
    var element = document.getElementById(elementId);
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      // Figures, not a show: no animation, so the chart is final as soon as it is drawn.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: [element.dataset.active, element.dataset.contacted], itemGap: 28 },
      grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: element.dataset.active, type: 'bar', data: active, itemStyle: { color: '#b42318' } },
        { name: element.dataset.contacted, type: 'bar', data: contacted, itemStyle: { color: '#2563eb' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var agencies = data.agencies || [];
  bars('chart-agencies', agencies.map(function (a) { return a.agency; }),
       agencies.map(function (a) { return a.activeCases; }), agencies.map(function (a) { return a.contactedCases; }));
  var trend = data.trend || [];
  bars('chart-trend', trend.map(function (m) { return m.month; }),
       trend.map(function (m) { return m.activeCases; }), trend.map(function (m) { return m.contactedCases; }));
})();
