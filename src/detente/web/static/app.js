/* detente dashboard: draw the figures (plotly.js) and redraw the zone of agreement as the
   trust slider moves. Everything else is plain HTML forms. */
"use strict";
(function () {
  function spec(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var config = { displaylogo: false, responsive: true };
  if (window.Plotly) {
    document.querySelectorAll("[data-fig]").forEach(function (div) {
      var s = spec(div.getAttribute("data-fig"));
      if (s) { window.Plotly.newPlot(div, s.data, s.layout, config); }
    });
  }

  var slider = document.getElementById("trust");
  var zone = spec("zone-data");
  if (!slider || !zone || !window.Plotly) { return; }
  var shown = document.getElementById("trust-value");
  var plane = document.getElementById("plane");
  var curve = document.getElementById("curve");
  var asOf = document.getElementById("as-of");

  function nearest(list, k) {
    var best = 0;
    for (var i = 1; i < list.length; i++) {
      if (Math.abs(list[i] - k) < Math.abs(list[best] - k)) { best = i; }
    }
    return best;
  }

  function redraw() {
    var k = parseFloat(slider.value);
    var p = zone.plane;
    var inX = [], inY = [], outX = [], outY = [];
    for (var i = 0; i < p.ua.length; i++) {
      var va = k * p.ua[i] + (1 - k) * p.ba[i];
      var vb = k * p.ub[i] + (1 - k) * p.bb[i];
      if (va > p.ra && vb > p.rb) { inX.push(p.ua[i]); inY.push(p.ub[i]); }
      else { outX.push(p.ua[i]); outY.push(p.ub[i]); }
    }
    window.Plotly.restyle(plane, { x: [outX, inX], y: [outY, inY] }, [0, 1]);
    var j = nearest(zone.curve.trust, k);
    var size = zone.curve.size[j];
    shown.textContent = k.toFixed(2);
    document.getElementById("zone-kappa").textContent = k.toFixed(2);
    var el = document.getElementById("zone-size");
    el.textContent = size.toLocaleString("en");
    el.setAttribute("data-size", String(size));
    document.getElementById("zone-share").textContent = (100 * zone.curve.share[j]).toFixed(2);
    window.Plotly.relayout(curve, { "shapes[0].x0": k, "shapes[0].x1": k });
    if (asOf) { asOf.value = ""; }
    document.getElementById("trust-source").textContent = "given (" + k.toFixed(2) + ", slider)";
    var url = new URL(window.location.href);
    url.searchParams.set("trust", k.toFixed(2));
    url.searchParams.delete("as_of");
    window.history.replaceState(null, "", url.toString());
    var link = document.getElementById("permalink");
    if (link) { link.href = url.toString(); link.textContent = url.toString(); }
  }
  slider.addEventListener("input", redraw);
})();
