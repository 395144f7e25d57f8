/* detente dashboard, uncertainty page: run a simulation in the background with live progress
   (server-sent events), cancel it, and draw the result. Without JavaScript the form is a plain
   GET (the server computes runs up to its inline limit). */
"use strict";
(function () {
  var form = document.getElementById("unc-form");
  if (!form) { return; }
  var box = document.getElementById("progress");
  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  var cancel = document.getElementById("cancel");
  var result = document.getElementById("result");
  var errors = document.getElementById("unc-errors");
  var config = { displaylogo: false, responsive: true };
  var current = null;
  var source = null;
  var events = 0;

  function draw(root) {
    if (!window.Plotly) { return; }
    root.querySelectorAll("[data-fig]").forEach(function (div) {
      if (div.getAttribute("data-drawn")) { return; }
      var el = document.getElementById(div.getAttribute("data-fig"));
      if (!el) { return; }
      var s = JSON.parse(el.textContent);
      window.Plotly.newPlot(div, s.data, s.layout, config);
      div.setAttribute("data-drawn", "1");
    });
  }

  function params() {
    var p = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { p.append(k, String(v)); });
    p.set("run", "1");
    return p;
  }

  function showErrors(list) {
    errors.textContent = "";
    list.forEach(function (d) {
      var li = document.createElement("li");
      var loc = (d.loc || []).filter(function (x) { return x !== "query"; }).join(".");
      li.textContent = (loc ? loc + ": " : "") + d.msg;
      errors.appendChild(li);
    });
  }

  function setStatus(d) {
    box.hidden = false;
    bar.max = d.total;
    bar.value = d.done;
    box.setAttribute("data-status", d.status);
    box.setAttribute("data-done", String(d.done));
    box.setAttribute("data-total", String(d.total));
    box.setAttribute("data-events", String(events));
    var what = d.stage === "sensitivity" ? "sensitivity analysis" : "draws";
    var line = d.done + " of " + d.total + " chunks (" + what + "), " +
      d.elapsed_s.toFixed(1) + " s";
    if (d.status === "cancelled") { line = "cancelled after " + d.done + " of " + d.total + " chunks"; }
    if (d.status === "error") { line = "failed: " + d.errors.join("; "); }
    if (d.status === "done") { line = "done: " + d.total + " chunks in " + d.elapsed_s.toFixed(1) + " s"; }
    text.textContent = line;
    cancel.disabled = d.status !== "running";
  }

  function follow(id) {
    current = id;
    events = 0;
    if (source) { source.close(); }
    source = new EventSource("/uncertainty/jobs/" + id + "/events");
    source.addEventListener("progress", function (e) {
      events += 1;
      setStatus(JSON.parse(e.data));
    });
    source.addEventListener("end", function (e) {
      source.close();
      source = null;
      var d = JSON.parse(e.data);
      setStatus(d);
      if (d.status !== "done") { return; }
      fetch("/uncertainty/jobs/" + id + "/result").then(function (r) { return r.text(); })
        .then(function (html) {
          if (current !== id) { return; }
          result.innerHTML = html;
          draw(result);
          result.setAttribute("data-job", id);
        });
    });
  }

  function start() {
    var p = params();
    var url = "/uncertainty?" + p.toString();
    window.history.replaceState(null, "", url);
    var link = document.getElementById("permalink");
    if (link) { link.href = window.location.href; link.textContent = window.location.href; }
    errors.textContent = "";
    result.innerHTML = "";
    result.removeAttribute("data-job");
    fetch("/uncertainty/jobs?" + p.toString(), { method: "POST" })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, b: b }; }); })
      .then(function (x) {
        if (!x.ok) { showErrors(x.b.detail || []); return; }
        setStatus(x.b);
        follow(x.b.id);
      });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); start(); });
  cancel.addEventListener("click", function () {
    if (current) { fetch("/uncertainty/jobs/" + current + "/cancel", { method: "POST" }); }
  });
  draw(result);
  if (form.getAttribute("data-autostart")) { start(); }
})();
