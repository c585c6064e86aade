// Draws the dashboard's charts from the page's JSON data island (figures and their labels, in the
// page's language); the tables beside them hold the same figures for keyboards, screen readers and
// printing. On the dashboard the area's figures then follow the platform live (server-sent events):
// each message carries the tiles' texts, the trend table's rows and the trend chart, and only those
// change; when the stream drops, the figures last received stay and the page says so.
(function () {
  var data = JSON.parse(document.getElementById('dashboard-data').textContent || '{}');
  var colours = ['#b42318', '#2563eb', '#027a48', '#b54708', '#6941c6'];
  var charts = {};

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
    var chart = charts[elementId] || echarts.init(element, null, { renderer: 'svg' });
    var first = !charts[elementId];
    charts[elementId] = chart;
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
    }, true);
    if (first) {
      window.addEventListener('resize', function () { chart.resize(); });
    }
  }

  function showLive(figures) {
    var values = figures.values || {};
    Object.keys(values).forEach(function (name) {
      document.querySelectorAll('[data-live="' + name + '"]').forEach(function (element) {
        element.textContent = values[name];
      });
    });
    var body = document.querySelector('table.trend tbody');
    if (body && figures.rows) {
      var rows = document.createDocumentFragment();
      figures.rows.forEach(function (cells) {
        var row = document.createElement('tr');
        cells.forEach(function (cell) {
          var td = document.createElement('td');
          td.textContent = cell;
          row.appendChild(td);
        });
        rows.appendChild(row);
      });
      body.replaceChildren(rows);
    }
    if (figures.chart) {
      draw('chart-trend', figures.chart);
    }
  }

  function follow(section) {
    var url = section.getAttribute('data-live-url');
    var state = section.querySelector('.live-state');
    if (!url || typeof EventSource === 'undefined') {
      return;
    }
    function say(on) {
      if (state) {
        state.textContent = state.getAttribute(on ? 'data-on' : 'data-off');
      }
      section.setAttribute('data-live-state', on ? 'on' : 'off');
    }
    var source = new EventSource(url);
    source.addEventListener('figures', function (event) {
      try {
        showLive(JSON.parse(event.data));
        say(true);
      } catch (e) {
        // A message that cannot be read leaves the figures as they were.
      }
    });
    source.onopen = function () { say(true); };
    // The browser retries by itself; meanwhile the figures last received stay on the page.
    source.onerror = function () { say(false); };
    window.addEventListener('pagehide', function () { source.close(); });
  }


  draw('chart-agencies', data.agencies);
  draw('chart-trend', data.trend);
  var live = document.querySelector('[data-live-url]');
  if (live) {
    follow(live);
  }
})();
