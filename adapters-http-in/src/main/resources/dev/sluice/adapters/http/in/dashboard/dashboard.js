// Sluice dashboard: polls the status and stats routes and redraws. No framework, no build step.
(function () {
  'use strict';
  var FAST = 2000, SLOW = 10000;
  var state = { endpoints: [], models: [], stats: {}, healthOf: {} };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function get(path) {
    return fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error(path + ': ' + r.status); }
      return r.json();
    });
  }
  function fmt(n) { return n >= 1000 ? (n / 1000).toFixed(1) + 'k' : String(Math.round(n * 10) / 10); }

  function drawChart(svg, values, labels) {
    var w = 360, h = 120, pad = 14, max = Math.max.apply(null, values.concat([1]));
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var ns = 'http://www.w3.org/2000/svg';
    [0.5, 1].forEach(function (f) {
      var y = h - pad - (h - 2 * pad) * f, g = document.createElementNS(ns, 'line');
      g.setAttribute('x1', 0); g.setAttribute('x2', w); g.setAttribute('y1', y); g.setAttribute('y2', y);
      g.setAttribute('class', 'grid'); svg.appendChild(g);
      var t = document.createElementNS(ns, 'text');
      t.setAttribute('x', 2); t.setAttribute('y', y - 2); t.textContent = fmt(max * f); svg.appendChild(t);
    });
    var step = values.length > 1 ? w / (values.length - 1) : w, pts = values.map(function (v, i) {
      return (i * step).toFixed(1) + ',' + (h - pad - (h - 2 * pad) * v / max).toFixed(1);
    });
    var area = document.createElementNS(ns, 'polygon');
    area.setAttribute('points', '0,' + (h - pad) + ' ' + pts.join(' ') + ' ' + w + ',' + (h - pad));
    area.setAttribute('class', 'area'); svg.appendChild(area);
    var line = document.createElementNS(ns, 'polyline');
    line.setAttribute('points', pts.join(' ')); line.setAttribute('class', 'line'); svg.appendChild(line);
    var t0 = document.createElementNS(ns, 'text');
    t0.setAttribute('x', 2); t0.setAttribute('y', h - 2); t0.textContent = labels[0]; svg.appendChild(t0);
    var t1 = document.createElementNS(ns, 'text');
    t1.setAttribute('x', w - 24); t1.setAttribute('y', h - 2); t1.textContent = 'now'; svg.appendChild(t1);
  }

  function renderEndpoints() {
    var filter = $('endpoint-filter').value.toLowerCase(), body = $('endpoints').tBodies[0], rows = [];
    state.endpoints.forEach(function (e) {
      if (filter && (e.name + ' ' + e.type + ' ' + e.status).toLowerCase().indexOf(filter) < 0) { return; }
      var tr = el('tr');
      tr.setAttribute('data-endpoint', e.name);
      tr.appendChild(el('td', 'name', e.name));
      tr.appendChild(el('td', '', e.type));
      var st = el('td'); st.appendChild(el('span', 'pill ' + e.status, e.status)); tr.appendChild(st);
      tr.appendChild(el('td', 'num', String(e.priority)));
      var latency = e.avg_latency_ms !== undefined ? e.avg_latency_ms + ' ms' : (e.response_time || '–');
      tr.appendChild(el('td', 'num', latency));
      tr.appendChild(el('td', 'num', String(e.active_connections)));
      tr.appendChild(el('td', 'num', String(e.request_count)));
      tr.appendChild(el('td', 'num', e.success_rate));
      tr.appendChild(el('td', 'num', String(e.model_count)));
      rows.push(tr);
    });
    body.replaceChildren.apply(body, rows);
    $('endpoint-count').textContent = rows.length + ' of ' + state.endpoints.length;
  }

  function renderModels() {
    var filter = $('model-filter').value.toLowerCase(), body = $('models').tBodies[0], rows = [];
    var byName = {};
    (state.stats.models || []).forEach(function (m) { byName[m.name] = m; });
    state.models.forEach(function (m) {
      var where = (m.olla && m.olla.availability) || [];
      var text = m.id + ' ' + where.map(function (a) { return a.endpoint; }).join(' ');
      if (filter && text.toLowerCase().indexOf(filter) < 0) { return; }
      var s = byName[m.id] || {};
      var tr = el('tr');
      tr.setAttribute('data-model', m.id);
      var name = el('td', 'model', m.id); name.title = m.id; tr.appendChild(name);
      tr.appendChild(el('td', '', (m.olla && m.olla.family) || ''));
      tr.appendChild(el('td', '', (m.olla && m.olla.parameter_size) || ''));
      tr.appendChild(el('td', '', (m.olla && m.olla.quantization) || ''));
      var cell = el('td', 'where');
      where.forEach(function (a) {
        var up = state.healthOf[a.endpoint] === 'healthy' || state.healthOf[a.endpoint] === 'busy'
          || state.healthOf[a.endpoint] === 'warming';
        var chip = el('span', 'chip' + (up ? '' : ' down'), a.endpoint);
        chip.title = a.endpoint + ': ' + a.state + (up ? '' : ' (endpoint ' + (state.healthOf[a.endpoint] || 'unknown') + ')');
        cell.appendChild(chip);
      });
      tr.appendChild(cell);
      tr.appendChild(el('td', 'num', String(s.total_requests || 0)));
      tr.appendChild(el('td', 'num', s.p95_latency || '–'));
      tr.appendChild(el('td', 'num', String(s.output_tokens || 0)));
      rows.push(tr);
    });
    body.replaceChildren.apply(body, rows);
    $('model-count').textContent = rows.length + ' of ' + state.models.length;
  }

  function refreshFast() {
    return Promise.all([get('../status/endpoints'), get('../status'), get('../stats/timeline'),
      get('../stats/models')]).then(function (r) {
      var endpoints = r[0], status = r[1], timeline = r[2];
      state.endpoints = endpoints.endpoints;
      state.stats = r[3];
      state.healthOf = {};
      endpoints.endpoints.forEach(function (e) { state.healthOf[e.name] = e.status; });
      $('system-status').textContent = status.system.status;
      $('system-status').className = 'pill ' + status.system.status;
      $('version').textContent = 'v' + status.system.version + ' · up ' + status.system.uptime;
      $('card-endpoints').textContent = endpoints.healthy_count + ' / ' + endpoints.total_count;
      $('card-active').textContent = String(status.system.active_connections);
      var pts = timeline.points, perMin = 60 / timeline.slot_seconds, last = pts.slice(-12);
      var sum = function (a, k) { return a.reduce(function (s, p) { return s + p[k]; }, 0); };
      $('card-rate').textContent = fmt(sum(last, 'requests') / last.length * perMin);
      $('card-errors').textContent = fmt(sum(last, 'errors') / last.length * perMin);
      var withTtfb = last.filter(function (p) { return p.requests > 0 && p.ttfb_ms > 0; });
      $('card-ttfb').textContent = withTtfb.length ? fmt(sum(withTtfb, 'ttfb_ms') / withTtfb.length) + ' ms' : '–';
      var minutes = Math.round(pts.length * timeline.slot_seconds / 60) + ' min ago';
      drawChart($('chart-rate'), pts.map(function (p) { return p.requests * perMin; }), [minutes]);
      drawChart($('chart-errors'), pts.map(function (p) { return p.errors * perMin; }), [minutes]);
      drawChart($('chart-ttfb'), pts.map(function (p) { return p.ttfb_ms; }), [minutes]);
      renderEndpoints();
      renderModels();
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      document.body.setAttribute('data-refreshes', String(Number(document.body.getAttribute('data-refreshes') || 0) + 1));
    }).catch(function (err) { $('updated').textContent = 'cannot reach the proxy: ' + err.message; });
  }

  function refreshModels() {
    return get('/olla/models?format=unified&include_unavailable=true').then(function (r) {
      state.models = r.data.slice().sort(function (a, b) { return a.id < b.id ? -1 : 1; });
      $('card-models').textContent = String(state.models.length);
      renderModels();
    }).catch(function () { /* the fast refresh reports connectivity */ });
  }

  $('chart-errors').setAttribute('class', 'errors');
  $('endpoint-filter').addEventListener('input', renderEndpoints);
  $('model-filter').addEventListener('input', renderModels);
  refreshModels().then(refreshFast);
  setInterval(refreshFast, FAST);
  setInterval(refreshModels, SLOW);
}());
