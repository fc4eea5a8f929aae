// The crisis card's nearest open 心理减压室: asks the phone for its position once and shows the closest room
// from the public nearest-site search. Without a position the card keeps its link to the list of rooms.
(function () {
  var box = document.getElementById('nearest-room');
  if (!box || !navigator.geolocation) {
    return;
  }
  navigator.geolocation.getCurrentPosition(function (pos) {
    var url = '/api/sites/nearest?type=DECOMPRESSION_ROOM&k=3&lat=' + pos.coords.latitude + '&lon=' + pos.coords.longitude;
    fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.ok ? r.json() : []; }).then(function (sites) {
      if (!sites.length) {
        return;
      }
      // An open room first; if none is open now, the nearest one (its hours are on its page).
      var s = sites.filter(function (x) { return x.openNow; })[0] || sites[0];
      var p = document.createElement('p');
      p.id = 'nearest-room-found';
      var a = document.createElement('a');
      a.href = '/sites/' + s.id;
      a.textContent = s.name;
      p.appendChild(document.createTextNode(box.getAttribute('data-label') + ' '));
      p.appendChild(a);
      p.appendChild(document.createTextNode('（' + (s.distanceMeters >= 1000 ? (s.distanceMeters / 1000).toFixed(1) + ' km' : s.distanceMeters + ' m') + '）'));
      box.insertBefore(p, box.firstChild);
    });
  }, function () { /* no position: the link stays */ }, { timeout: 8000, maximumAge: 60000 });
})();
