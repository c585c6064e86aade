// Draws the dashboard's charts from the page's JSON data island (figures and their labels, in the
// page's language); the tables beside them hold the same figures for keyboards, screen readers and
// printing.
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent || '{}');
  var colours = ['#b42318', '#2563eb', '#027a48', '#b54708'];

  function draw(elementId, chartData) {
    var element = document.getElementById(elementId);
    if (!element || !chartData || typeof echarts === 'undefined') {
      return;
    }
    var labels = chartData.labels || [];
    var series = (chartData.series || []).map(function (s, i) {
      return { name: s.name, type: s.type, data: s.values, itemStyle: { color: colours[i % colours.length] },
               lineStyle: { width: 2 }, symbolSize: 7 };
    });
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      // Figures, not a show: no animation, so the chart is final as soon as it is drawn.
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { data: series.map(function (s) { return s.name; }), itemGap: 24 },
      grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  draw('chart-agencies', data.agencies);
  draw('chart-trend', data.trend);
})();
