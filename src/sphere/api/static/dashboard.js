/* Draws every chart of a dashboard page with the plotly.js this server ships. A chart's figure is the
   JSON in the <script type="application/json"> its data-figure names; map shapes come from this server
   (topojsonURL), so the page reaches no other host. Clicking a map country opens data-link + its code. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var config = { topojsonURL: "/static/topojson/", displaylogo: false, responsive: true,
                 modeBarButtonsToRemove: ["sendDataToCloud"] };
  var charts = document.querySelectorAll("[data-figure]");
  var pending = charts.length;
  function done() { if (--pending <= 0) { document.body.setAttribute("data-charts-ready", "yes"); } }
  if (!pending) { done(); }
  charts.forEach(function (el) {
    var figure = JSON.parse(document.getElementById(el.dataset.figure).textContent);
    Plotly.newPlot(el, figure.data, figure.layout, config).then(function () {
      if (el.dataset.link) {
        el.on("plotly_click", function (ev) {
          var point = ev.points && ev.points[0];
          if (point && point.location) { window.location.href = el.dataset.link + point.location; }
        });
      }
      done();
    }, function (err) { el.textContent = "chart failed: " + err; done(); });
  });
  /* the article page: hovering an item of the list lights its spans in the text */
  document.querySelectorAll(".items li[id]").forEach(function (li) {
    var spans = document.querySelectorAll('.hl[data-refs~="' + li.id + '"]');
    li.addEventListener("mouseenter", function () { spans.forEach(function (s) { s.classList.add("lit"); }); });
    li.addEventListener("mouseleave", function () { spans.forEach(function (s) { s.classList.remove("lit"); }); });
  });
  if (window.location.hash) {
    var target = document.getElementById(window.location.hash.slice(1));
    if (target) {
      target.classList.add("lit");
      document.querySelectorAll('.hl[data-refs~="' + target.id + '"]').forEach(function (s) { s.classList.add("lit"); });
    }
  }
});
