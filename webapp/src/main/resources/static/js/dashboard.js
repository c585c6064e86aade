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
    // Agencies' names are long: they read best down the side, one row per agency, the chart as tall
    // as they need. Months fit along the bottom.
    var category = { type: 'category', data: labels, axisLabel: { interval: 0 } };
    var value = { type: 'value', minInterval: 1 };
    var grid = { left: 16, right: 24, top: 48, bottom: 8, containLabel: true };
    if (chartData.horizontal) {
      category.inverse = true;
      // ECharts measures CJK labels short of how the browser draws them: keep a fixed margin for names.
      category.axisLabel.width = 208;
      category.axisLabel.overflow = 'truncate';
      grid = { left: 224, right: 24, top: 48, bottom: 24, containLabel: false };
      element.style.height = Math.max(320, 80 + labels.length * 56) + 'px';
    }
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      // Figures, not a show: no animation, so the chart is final as soon as it is drawn.
      animation: false,
      // The page's own fonts, so that ECharts measures labels as the browser draws them.
      textStyle: { fontFamily: window.getComputedStyle(document.body).fontFamily },
      tooltip: { trigger: 'axis' },
      legend: { data: series.map(function (s) { return s.name; }), itemGap: 24 },
      grid: grid,
      xAxis: chartData.horizontal ? value : category,
      yAxis: chartData.horizontal ? category : value,
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  draw('chart-agencies', data.agencies);
  draw('chart-trend', data.trend);
})();
