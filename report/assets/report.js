// flowtrace report: hover details, table sorting and filtering,
// click-to-open ladders, print, and a self-check (#selftest) that the
// tests read back from the DOM. No network, no dependencies.
(function () {
  "use strict";
  var tip = document.getElementById("tip");

  // Hover: the <title> of an arrow, band or state label, in a styled box.
  function tipText(el) {
    if (el.dataset.tip === undefined) {
      var t = el.querySelector(":scope > title");
      el.dataset.tip = t ? t.textContent : "";
      if (t) t.remove(); // no second, native tooltip
    }
    return el.dataset.tip;
  }
  function showTip(text, ev) {
    if (!text) { tip.hidden = true; return; }
    tip.textContent = text;
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var r = tip.getBoundingClientRect();
    if (x + r.width > window.innerWidth) x = Math.max(0, ev.clientX - r.width - 14);
    if (y + r.height > window.innerHeight) y = Math.max(0, ev.clientY - r.height - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  document.addEventListener("mousemove", function (ev) {
    var el = ev.target.closest && ev.target.closest("g.pkt, g.band, text.st, text.note, rect.bar");
    if (el) { showTip(tipText(el), ev); return; }
    var chart = ev.target.closest && ev.target.closest("#state-chart");
    if (chart) { chartHover(chart, ev); return; }
    tip.hidden = true;
  });

  // The state chart: the counts of the bin under the pointer.
  function chartHover(svg, ev) {
    var n = +svg.dataset.bins;
    if (!n) return;
    var pt = svg.createSVGPoint();
    pt.x = ev.clientX; pt.y = ev.clientY;
    var p = pt.matrixTransform(svg.getScreenCTM().inverse());
    var frame = svg.querySelector(".frame");
    var x0 = +frame.getAttribute("x"), w = +frame.getAttribute("width");
    var i = Math.floor((p.x - x0) / w * n);
    var line = svg.querySelector(".hover");
    if (i < 0 || i >= n) { tip.hidden = true; line.setAttribute("visibility", "hidden"); return; }
    var binw = +svg.dataset.binw / 1e9;
    var lines = ["bin " + (i * binw).toPrecision(6) + " s + " + binw + " s: " + svg.dataset.totals.split(",")[i] + " endpoints"];
    svg.querySelectorAll("path.area").forEach(function (a) {
      var v = +a.dataset.v.split(",")[i];
      if (v) lines.push(a.dataset.state + " " + v);
    });
    var x = x0 + (i + 0.5) * w / n;
    line.setAttribute("x1", x); line.setAttribute("x2", x);
    line.setAttribute("visibility", "visible");
    showTip(lines.join("\n"), ev);
  }

  // Opening a ladder from a row, a finding's link or the URL.
  function openLadder(id, scroll) {
    var d = document.getElementById(id);
    if (!d) return false;
    if (d.tagName === "DETAILS") d.open = true;
    if (scroll) d.scrollIntoView({block: "start"});
    return true;
  }
  var table = document.getElementById("conntable");
  if (table) {
    table.tBodies[0].addEventListener("click", function (ev) {
      var tr = ev.target.closest("tr");
      if (tr && tr.classList.contains("has-ladder")) {
        openLadder("L-" + tr.dataset.uid, true);
        history.replaceState(null, "", "#L-" + tr.dataset.uid);
      }
    });
    // Sorting: numbers by data-v, text by content; a second click reverses.
    table.tHead.addEventListener("click", function (ev) {
      var th = ev.target.closest("th");
      if (!th) return;
      var col = th.cellIndex, num = th.dataset.t === "n";
      var asc = !th.classList.contains("asc");
      table.tHead.querySelectorAll("th").forEach(function (h) { h.classList.remove("asc", "desc"); });
      th.classList.add(asc ? "asc" : "desc");
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col], c;
        if (num) c = (+x.dataset.v) - (+y.dataset.v);
        else c = x.textContent.localeCompare(y.textContent);
        return asc ? c : -c;
      });
      var body = table.tBodies[0];
      rows.forEach(function (r) { body.appendChild(r); });
    });
  }
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var text = r.textContent.toLowerCase();
        r.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#']");
    if (!a) return;
    var id = a.getAttribute("href").slice(1);
    if (id.indexOf("L-") === 0) openLadder(id, false);
    if (id.indexOf("R-") === 0) {
      var tr = document.getElementById(id);
      if (tr) { tr.hidden = false; tr.classList.add("hit"); }
    }
  });

  // Printing shows every ladder.
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details.ladder"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { closed.forEach(function (d) { d.open = false; }); });

  // The self-check: what the page draws, counted in the DOM.
  function selftest() {
    var out = {ladders: [], chart: null};
    document.querySelectorAll("details.ladder").forEach(function (d) { d.open = true; });
    document.querySelectorAll("svg.ladder").forEach(function (svg) {
      var arrows = svg.querySelectorAll("g.pkt").length, banded = 0;
      svg.querySelectorAll("g.band").forEach(function (b) { banded += +b.dataset.n; });
      var labels = Array.prototype.slice.call(svg.querySelectorAll("text.st"));
      var seen = [[], []];
      labels.map(function (t, k) { return {t: t, y: t.getBBox().y, k: k}; })
        .sort(function (a, b) { return a.y - b.y || a.k - b.k; })
        .forEach(function (o) { seen[+o.t.dataset.side].push(o.t.dataset.state); });
      var states = seen[0].join(" ") + "|" + seen[1].join(" ");
      out.ladders.push({uid: svg.dataset.uid, packets: +svg.dataset.packets, arrows: arrows, banded: banded,
        states: states, ok: arrows + banded === +svg.dataset.packets && states === svg.dataset.states});
    });
    var chart = document.getElementById("state-chart");
    if (chart) {
      var totals = chart.dataset.totals ? chart.dataset.totals.split(",").map(Number) : [];
      var sums = totals.map(function () { return 0; });
      chart.querySelectorAll("path.area").forEach(function (a) {
        a.dataset.v.split(",").forEach(function (v, i) { sums[i] += +v; });
      });
      var bad = 0;
      totals.forEach(function (t, i) { if (sums[i] !== t) bad++; });
      out.chart = {bins: totals.length, bad: bad, maxTotal: Math.max.apply(null, totals.concat([0])), areas: chart.querySelectorAll("path.area").length};
    }
    var pre = document.getElementById("selftest");
    pre.textContent = JSON.stringify(out);
    pre.hidden = false;
  }

  // #show=ID shows that element alone (screenshots); #L-UID opens a ladder.
  function route() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h === "selftest") { selftest(); return; }
    if (h.indexOf("show=") === 0) {
      var el = document.getElementById(h.slice(5));
      if (!el) return;
      var box = el.closest("main > section > *");
      document.body.classList.add("only");
      box.classList.add("shown");
      if (el.tagName === "DETAILS") el.open = true;
      return;
    }
    if (h.indexOf("L-") === 0) openLadder(h, true);
  }
  window.addEventListener("hashchange", route);
  route();
})();
