(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bitbench-data').textContent);
  var benchmarks = data.benchmarks || [];
  var PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4'];
  var BACKEND_ORDER = ['scalar', 'simd', 'parallel'];

  function fmt(v) {
    if (v === null || v === undefined) { return ''; }
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-3)) { return v.toExponential(3); }
    return Number(v.toPrecision(4)).toString();
  }
  function compact(v) {
    var a = Math.abs(v), units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
    for (var i = 0; i < units.length; i++) {
      if (a >= units[i][0]) { return Number((v / units[i][0]).toPrecision(3)) + units[i][1]; }
    }
    return fmt(v);
  }
  function decade(extent) {
    return extent.min > 0 ? Math.pow(10, Math.floor(Math.log10(extent.min))) : undefined;
  }
  function unique(values) {
    var seen = {}, out = [];
    values.forEach(function (v) { if (!seen.hasOwnProperty(v)) { seen[v] = true; out.push(v); } });
    return out;
  }
  function sortBackends(list) {
    return list.slice().sort(function (a, b) {
      var ia = BACKEND_ORDER.indexOf(a), ib = BACKEND_ORDER.indexOf(b);
      if (ia < 0) { ia = 99; } if (ib < 0) { ib = 99; }
      return ia !== ib ? ia - ib : (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  function base(title, extra) {
    var o = {
      animation: false,
      color: PALETTE,
      title: { text: title, left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'item', renderMode: 'richText' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 70, right: 24, top: 40, bottom: 70 }
    };
    Object.keys(extra).forEach(function (k) { o[k] = extra[k]; });
    return o;
  }
  function zoom(n) {
    return n > 24 ? [{ type: 'slider', bottom: 28, height: 14, endValue: 23 }, { type: 'inside' }] : [];
  }
  function measured(name) {
    return benchmarks.filter(function (b) { return b.status === 'ok' && b.metrics[name]; });
  }
  function grouped(rows, category, series, value) {
    var cats = unique(rows.map(category)).sort();
    var names = sortBackends(unique(rows.map(series)));
    return {
      categories: cats,
      series: names.map(function (s) {
        return {
          name: s, type: 'bar',
          data: cats.map(function (c) {
            var hit = rows.filter(function (r) { return category(r) === c && series(r) === s; })[0];
            return hit ? value(hit) : null;
          })
        };
      })
    };
  }

  var charts = {
    throughput: function () {
      var rows = measured('throughput');
      // ops report throughput in different units (GFLOPS, GB/s, ops/s): the unit is part of each
      // category and the axis is logarithmic, so every op stays readable next to the others
      var g = grouped(rows, function (b) { return b.op + ' ' + b.shape + ' [' + b.metrics.throughput.unit + ']'; },
        function (b) { return b.backend || b.group; },
        function (b) { return b.metrics.throughput.median > 0 ? b.metrics.throughput.median : null; });
      return base('Throughput per op by backend (median; unit in brackets)', {
        xAxis: { type: 'category', data: g.categories, axisLabel: { rotate: 30, fontSize: 10 } },
        yAxis: { type: 'log', min: decade, axisLabel: { formatter: compact } }, series: g.series,
        dataZoom: zoom(g.categories.length)
      });
    },
    speedup: function () {
      var rows = data.speedups;
      var g = grouped(rows, function (s) { return s.op + ' ' + s.shape + ' ' + s.dtype; }, function (s) { return s.backend; },
        function (s) { return s.speedup; });
      g.series.forEach(function (s) { s.markLine = { silent: true, symbol: 'none', data: [{ yAxis: 1 }], label: { formatter: 'scalar' } }; });
      return base('Speed-up over scalar (x, same run)', {
        xAxis: { type: 'category', data: g.categories, axisLabel: { rotate: 30, fontSize: 10 } },
        yAxis: { type: 'value', name: 'x' }, series: g.series, dataZoom: zoom(g.categories.length)
      });
    },
    engine: function () {
      var rows = data.engine_ratios;
      var cats = rows.map(function (r) {
        return r.op + ' ' + r.model + (r.prompt ? ' p' + r.prompt : '') + ' ' + r.backend + '/' + r.peer;
      });
      return base('Java engine / llama.cpp (tokens/s ratio, same run; log axis)', {
        xAxis: { type: 'category', data: cats, axisLabel: { rotate: 20, fontSize: 10 } },
        yAxis: { type: 'log', name: 'x', axisLabel: { formatter: compact } },
        series: [{
          name: 'Java / llama.cpp', type: 'bar', data: rows.map(function (r) { return r.ratio; }),
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 1 }], label: { formatter: 'llama.cpp' } }
        }]
      });
    },
    scaling: function () {
      var rows = measured('time').filter(function (b) { return b.elements > 0 && b.group !== 'peers'; });
      var keys = unique(rows.map(function (b) { return b.op + '/' + (b.backend || '') + '/' + (b.dtype || ''); })).sort();
      var series = keys.map(function (k) {
        var pts = rows.filter(function (b) { return b.op + '/' + (b.backend || '') + '/' + (b.dtype || '') === k; })
          .map(function (b) { return [b.elements, b.metrics.time.median]; })
          .sort(function (p, q) { return p[0] - q[0]; });
        return { name: k, type: 'line', data: pts, symbolSize: 5 };
      });
      var unit = rows.length ? rows[0].metrics.time.unit : '';
      return base('Scaling with size (median time, log-log)', {
        xAxis: { type: 'log', name: 'elements', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'log', name: unit, axisLabel: { formatter: compact } }, series: series
      });
    },
    quant: function () {
      var rows = measured('mse').filter(function (b) { return b.metrics.time || b.metrics.throughput; });
      var keys = sortBackends(unique(rows.map(function (b) { return b.dtype || b.op; })));
      return base('Quantization: speed vs error', {
        xAxis: { type: 'log', name: 'MSE', nameLocation: 'middle', nameGap: 24 },
        yAxis: { type: 'log', name: 'time' },
        series: keys.map(function (k) {
          return {
            name: k, type: 'scatter', symbolSize: 10,
            data: rows.filter(function (b) { return (b.dtype || b.op) === k; }).map(function (b) {
              return [Math.max(b.metrics.mse.median, 1e-30), b.metrics.time ? b.metrics.time.median : b.metrics.throughput.median];
            })
          };
        })
      });
    },
    memory: function () {
      var rows = measured('memory_reduction');
      var g = grouped(rows, function (b) { return (b.dtype || '') + ' ' + (b.shape || ''); }, function (b) { return b.op; },
        function (b) { return b.metrics.memory_reduction.median; });
      return base('Memory reduction vs f32 (x)', {
        xAxis: { type: 'category', data: g.categories, axisLabel: { rotate: 30, fontSize: 10 } },
        yAxis: { type: 'value', name: 'x' }, series: g.series, dataZoom: zoom(g.categories.length)
      });
    },
    alloc: function () {
      var rows = measured('alloc');
      var g = grouped(rows, function (b) { return b.op + ' ' + b.shape; }, function (b) { return b.backend || b.group; },
        function (b) { return b.metrics.alloc.median; });
      return base('Allocation per op (B/op, median)', {
        xAxis: { type: 'category', data: g.categories, axisLabel: { rotate: 30, fontSize: 10 } },
        yAxis: { type: 'value', name: 'B/op', axisLabel: { formatter: compact } }, series: g.series, dataZoom: zoom(g.categories.length)
      });
    },
    distribution: function () {
      // samples divided by their median, so benchmarks of any unit and size share one axis
      var d = data.distributions;
      var boxes = d.map(function (x) {
        var s = x.samples.slice().sort(function (a, b) { return a - b; });
        var mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        if (mid !== 0) { s = s.map(function (v) { return v / mid; }); }
        function q(p) { var i = (s.length - 1) * p, lo = Math.floor(i), hi = Math.ceil(i); return s[lo] + (s[hi] - s[lo]) * (i - lo); }
        return [s[0], q(0.25), q(0.5), q(0.75), s[s.length - 1]];
      });
      return base('Samples relative to their median (' + (data.comparison ? 'biggest changes' : 'most variable') + ')', {
        xAxis: { type: 'category', data: d.map(function (x) { return x.id + ' ' + x.metric; }), axisLabel: { rotate: 20, fontSize: 9 } },
        yAxis: { type: 'value', scale: true, name: 'x median' },
        series: [{ name: 'samples', type: 'boxplot', data: boxes }]
      });
    }
  };

  document.querySelectorAll('.chart').forEach(function (el) {
    var make = charts[el.getAttribute('data-chart')];
    if (!make) { return; }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(make());
    window.addEventListener('resize', function () { chart.resize(); });
  });

  // Trends: one line chart per stored series; each change point is a red vertical line at the first
  // run after it, a pin on that run, and the segment means as dashed horizontal lines.
  function trendOption(t) {
    var cats = t.points.map(function (p) { return p.started.slice(0, 10) + ' ' + (p.git_sha || '').slice(0, 7); });
    var bounds = [0].concat(t.change_points.map(function (c) { return c.index; })).concat([t.points.length]);
    var lines = t.change_points.map(function (c) {
      return { xAxis: c.index, lineStyle: { color: '#c62828', width: 2 },
        label: { formatter: (c.change_pct > 0 ? '+' : '') + fmt(c.change_pct) + '%', color: '#c62828' } };
    });
    var means = [];
    t.change_points.forEach(function (c, i) {
      means.push([{ coord: [bounds[i], c.mean_before] }, { coord: [c.index - 1, c.mean_before] }]);
      means.push([{ coord: [c.index, c.mean_after] }, { coord: [bounds[i + 2] - 1, c.mean_after] }]);
    });
    // the axis follows the medians (CI bounds of a noisy run would flatten the line), CI lines are clipped
    var medians = t.points.map(function (p) { return p.median; }).filter(function (v) { return v !== null; });
    var lo = Math.min.apply(null, medians), hi = Math.max.apply(null, medians);
    var pad = hi > lo ? (hi - lo) * 0.15 : Math.abs(hi) * 0.05 || 1;
    return {
      animation: false, color: PALETTE,
      title: { text: t.benchmark + ' ' + t.metric, subtext: t.platform + ', ' + t.unit + ', ' + t.better + ' is better',
        left: 'center', textStyle: { fontSize: 12 }, subtextStyle: { fontSize: 10 } },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 64, right: 20, top: 52, bottom: 56 },
      xAxis: { type: 'category', data: cats, axisLabel: { fontSize: 9, rotate: 15, hideOverlap: true } },
      yAxis: { type: 'value', scale: true, name: t.unit, axisLabel: { formatter: compact },
        min: Number((lo - pad).toPrecision(3)), max: Number((hi + pad).toPrecision(3)) },
      series: [
        { name: 'median', type: 'line', symbolSize: 5, data: t.points.map(function (p) { return p.median; }),
          markLine: { silent: true, symbol: 'none', data: lines.concat(means), lineStyle: { type: 'dashed' } },
          markPoint: { symbol: 'pin', symbolSize: 34, itemStyle: { color: '#c62828' },
            data: t.change_points.map(function (c) { return { coord: [c.index, t.points[c.index].median], value: '!' }; }) } },
        { name: '95% CI low', type: 'line', symbol: 'none', lineStyle: { width: 0.6, type: 'dotted', color: '#91a0b8' },
          data: t.points.map(function (p) { return p.ci_low; }) },
        { name: '95% CI high', type: 'line', symbol: 'none', lineStyle: { width: 0.6, type: 'dotted', color: '#91a0b8' },
          data: t.points.map(function (p) { return p.ci_high; }) }
      ]
    };
  }
  document.querySelectorAll('.trendchart').forEach(function (el) {
    var t = data.trends.series[Number(el.getAttribute('data-series'))];
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(trendOption(t));
    window.addEventListener('resize', function () { chart.resize(); });
  });

  // Table of every benchmark: built with textContent only, sortable by header, filterable.
  var table = document.getElementById('benchmarks');
  if (table) {
    var body = table.querySelector('tbody');
    var cols = ['id', 'group', 'backend', 'status', 'metric', 'median', 'ci', 'unit', 'cv'];
    var rows = [];
    benchmarks.forEach(function (b) {
      var names = Object.keys(b.metrics);
      var m = b.metrics.time || (names.length ? b.metrics[names[0]] : null);
      var metric = b.metrics.time ? 'time' : (names.length ? names[0] : '');
      rows.push({
        id: b.id, group: b.group, backend: b.backend || '', status: b.status, metric: metric,
        median: m ? m.median : null, ci: m ? '[' + fmt(m.ci_low) + ', ' + fmt(m.ci_high) + ']' : (b.error || ''),
        unit: m ? m.unit : '', cv: m && m.mean ? m.stddev / m.mean * 100 : null
      });
    });
    var trs = rows.map(function (r) {
      var tr = document.createElement('tr');
      cols.forEach(function (c) {
        var td = document.createElement('td');
        var v = r[c];
        if (c === 'median' || c === 'cv') { td.className = 'num'; td.textContent = c === 'cv' && v !== null ? fmt(v) + '%' : fmt(v); }
        else { td.textContent = v; }
        if (c === 'status') { td.className = 'status-' + v; }
        tr.appendChild(td);
      });
      tr.bitbenchRow = r;
      tr.bitbenchText = (r.id + ' ' + r.group + ' ' + r.backend + ' ' + r.status + ' ' + r.metric).toLowerCase();
      body.appendChild(tr);
      return tr;
    });
    var ths = table.querySelectorAll('th');
    ths.forEach(function (th, i) {
      th.addEventListener('click', function () {
        var key = cols[i];
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        ths.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        trs.sort(function (x, y) {
          var a = x.bitbenchRow[key], b = y.bitbenchRow[key];
          if (a === null || a === '') { return 1; } if (b === null || b === '') { return -1; }
          var c = typeof a === 'number' ? a - b : String(a).localeCompare(String(b));
          return asc ? c : -c;
        });
        trs.forEach(function (tr) { body.appendChild(tr); });
      });
    });
    var filter = document.getElementById('filter');
    var count = document.getElementById('shown');
    function applyFilter() {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      trs.forEach(function (tr) {
        var ok = words.every(function (w) { return tr.bitbenchText.indexOf(w) >= 0; });
        tr.style.display = ok ? '' : 'none';
        if (ok) { shown++; }
      });
      count.textContent = shown + ' of ' + trs.length + ' shown';
    }
    filter.addEventListener('input', applyFilter);
    applyFilter();
  }
  document.body.setAttribute('data-rendered', 'true');
})();
