// Maps of the facility pages (Leaflet). Data comes from data- attributes; no inline script, no HTML built
// from strings. The pages work without this file or without tiles: the list and forms are server-rendered.
(function () {
  'use strict';
  var BEIJING = [39.9042, 116.4074];

  function tileLayers(map, el) {
    var templates = (el.dataset.tiles || '').split('\n').filter(function (t) { return t.trim() !== ''; });
    templates.forEach(function (url, i) {
      L.tileLayer(url, {
        subdomains: el.dataset.subdomains || 'abc',
        maxZoom: 18,
        // Tile servers (OpenStreetMap's policy) want to know the referring site; the pages themselves send none.
        referrerPolicy: 'strict-origin-when-cross-origin',
        attribution: i === 0 ? (el.dataset.attribution || '') : ''
      }).addTo(map);
    });
    if (templates.length === 0) {
      el.classList.add('no-tiles');
    }
  }

  function num(v) {
    var n = parseFloat(v);
    return isNaN(n) ? null : n;
  }

  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  // The worker's finder: results as markers; a tap on the map searches from there.
  function finder(el) {
    var map = L.map(el, { zoomControl: true });
    tileLayers(map, el);
    var points = [];
    var lat = num(el.dataset.lat), lon = num(el.dataset.lon);
    // The search point is drawn only when it was WGS-84; a GCJ-02 point would sit a few hundred metres off.
    if (lat !== null && lon !== null && el.dataset.crs !== 'GCJ02') {
      L.circleMarker([lat, lon], { radius: 8, color: '#b91c1c', fillOpacity: 0.9 }).addTo(map).bindTooltip(el.dataset.here || '');
      points.push([lat, lon]);
    }
    document.querySelectorAll('.site-result').forEach(function (li) {
      var p = [num(li.dataset.lat), num(li.dataset.lon)];
      if (p[0] === null || p[1] === null) { return; }
      L.circleMarker(p, { radius: 7, color: '#1d4ed8', fillOpacity: 0.8 }).addTo(map).bindPopup(link(li.dataset.href, li.dataset.name));
      points.push(p);
    });
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
    } else {
      map.setView(points.length === 1 ? points[0] : BEIJING, points.length === 1 ? 15 : 11);
    }
    map.on('click', function (e) {
      var form = document.getElementById('finder');
      document.getElementById('lat').value = e.latlng.lat.toFixed(6);
      document.getElementById('lon').value = e.latlng.lng.toFixed(6);
      document.getElementById('crs').value = 'WGS84';
      form.submit();
    });
  }

  // Staff form: a tap sets the coordinates (WGS-84, as Leaflet's tiles here are) and moves the marker.
  function picker(el) {
    var map = L.map(el);
    tileLayers(map, el);
    var latInput = document.getElementById('lat'), lonInput = document.getElementById('lon'), crs = document.getElementById('crs');
    var marker = null;
    function place(p) {
      if (marker) { marker.setLatLng(p); } else { marker = L.circleMarker(p, { radius: 8, color: '#b91c1c', fillOpacity: 0.9 }).addTo(map); }
    }
    var lat = num(latInput.value), lon = num(lonInput.value);
    if (lat !== null && lon !== null && (!crs || crs.value === 'WGS84')) {
      place([lat, lon]);
      map.setView([lat, lon], 15);
    } else {
      map.setView(BEIJING, 11);
    }
    map.on('click', function (e) {
      latInput.value = e.latlng.lat.toFixed(6);
      lonInput.value = e.latlng.lng.toFixed(6);
      if (crs) { crs.value = 'WGS84'; }
      place(e.latlng);
    });
  }

  // One site's page.
  function single(el) {
    var p = [num(el.dataset.lat), num(el.dataset.lon)];
    var map = L.map(el, { scrollWheelZoom: false });
    tileLayers(map, el);
    L.circleMarker(p, { radius: 9, color: '#1d4ed8', fillOpacity: 0.8 }).addTo(map);
    map.setView(p, 16);
  }

  // Places listed on the page (the map of stars): one marker per item, coloured by its tone (stars 1 to 5; none
  // while pending), opening the item's page. The list stays the accessible version.
  var TONES = ['#9ca3af', '#fca5a5', '#f87171', '#ef4444', '#dc2626', '#991b1b'];
  function places(el) {
    var map = L.map(el, { scrollWheelZoom: false });
    tileLayers(map, el);
    var points = [];
    document.querySelectorAll('.map-place').forEach(function (li) {
      var p = [num(li.dataset.lat), num(li.dataset.lon)];
      if (p[0] === null || p[1] === null) { return; }
      var tone = num(li.dataset.tone);
      L.circleMarker(p, { radius: 9, color: TONES[tone === null ? 0 : tone], fillOpacity: 0.85 }).addTo(map)
        .bindTooltip(li.dataset.name + (tone === null ? '' : ' ' + '★★★★★'.slice(0, tone))).bindPopup(link(li.dataset.href, li.dataset.name));
      points.push(p);
    });
    if (points.length > 1) {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 15 });
    } else {
      map.setView(points.length === 1 ? points[0] : BEIJING, points.length === 1 ? 15 : 11);
    }
    el.dataset.markers = String(points.length);
  }

  function locate() {
    var button = document.getElementById('locate');
    if (!button) { return; }
    var status = document.getElementById('locate-status');
    button.addEventListener('click', function () {
      if (!navigator.geolocation) { status.textContent = button.dataset.unsupported; return; }
      status.textContent = button.dataset.locating;
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById('lat').value = pos.coords.latitude.toFixed(6);
        document.getElementById('lon').value = pos.coords.longitude.toFixed(6);
        document.getElementById('crs').value = 'WGS84';
        document.getElementById('finder').submit();
      }, function () {
        status.textContent = button.dataset.denied;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    locate();
    var el = document.getElementById('map');
    if (!el || typeof L === 'undefined') { return; }
    var pick = el.dataset.pick;
    if (pick === 'finder') { finder(el); } else if (pick === 'form') { picker(el); } else if (pick === 'places') { places(el); } else { single(el); }
  });
})();
