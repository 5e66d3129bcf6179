"use strict";
(function () {
  var data = JSON.parse(document.getElementById("katalog-data").textContent);
  var files = data.files, records = data.records;
  var PAGE = 50;
  var SEVERITY = { e: "error", w: "warning", i: "info" };
  var state = { text: "", status: "", severity: "", code: "", file: "", sort: "", dir: 1, page: 0 };
  var view = [];
  var byId = new Map();

  records.forEach(function (r, n) {
    r.n = n;
    if (!byId.has(r.i)) byId.set(r.i, n);
    r.q = [r.t, r.s, r.g, r.i, r.m, r.b].filter(Boolean).join(" ").toLowerCase();
    r.sev = {}; r.codes = {};
    (r.d || []).forEach(function (d) { r.sev[d[0]] = true; r.codes[d[1]] = true; });
  });

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  // Service-plan links (cv: covers, cb: covered by) name record ids; a link to a record not in the page is text.
  function recordLink(id) {
    var n = byId.get(id);
    if (n === undefined) return el("span", null, id);
    return el("a", { href: "#record-" + n, "data-record": String(n) }, records[n].t || id);
  }

  function matches(r) {
    if (state.text && r.q.indexOf(state.text) < 0) return false;
    if (state.status === "imported" && r.r) return false;
    if (state.status === "rejected" && !r.r) return false;
    if (state.severity === "none" && r.d) return false;
    if (state.severity && state.severity !== "none" && !r.sev[state.severity]) return false;
    if (state.code && !r.codes[state.code]) return false;
    if (state.file !== "" && String(r.f) !== state.file) return false;
    return true;
  }
  function key(r, k) {
    if (k === "p") { var v = parseFloat(r.cp || r.p); return isNaN(v) ? -Infinity : v; }  // converted amount when --rates gave one
    if (k === "d") return (r.d || []).length;
    return (r[k] || "").toLowerCase();
  }
  function compute() {
    view = records.filter(matches);
    if (state.sort) {
      var k = state.sort, dir = state.dir;
      view.sort(function (a, b) {
        var x = key(a, k), y = key(b, k);
        return x < y ? -dir : x > y ? dir : a.n - b.n;
      });
    }
  }

  function cell(row, cls) { var td = el("td", cls ? { class: cls } : null); row.appendChild(td); return td; }
  function renderRow(r) {
    var tr = el("tr", { id: "row-" + r.n, class: r.r ? "rejected" : "" });
    var title = el("th", { scope: "row" });
    var open = el("button", { type: "button", class: "link title", "data-open": String(r.n), "aria-haspopup": "dialog" }, r.t || "(no title)");
    title.appendChild(open);
    title.appendChild(el("span", { class: "sub" }, r.i));
    tr.appendChild(title);
    cell(tr).textContent = r.s || "";
    var g = cell(tr);
    if (r.g) {
      g.appendChild(el("span", null, r.g + " "));
      if (r.gv !== undefined) g.appendChild(el("span", { class: r.gv ? "gtin-ok" : "gtin-bad" }, r.gv ? "✓ valid" : "✗ invalid"));
      if (r.gf) g.appendChild(el("span", { class: "sub" }, r.gf));
    }
    var p = cell(tr);
    p.appendChild(el("span", { class: "price" }, r.p || "—"));
    if (r.sp) p.appendChild(el("span", { class: "sub" }, "sale " + r.sp));
    if (r.cp) p.appendChild(el("span", { class: "sub" }, "→ " + r.cp));
    cell(tr, "opt").textContent = r.pk || "";
    var plan = cell(tr, "opt");
    if (r.pl) plan.appendChild(el("span", null, r.pl));
    (r.cv || []).forEach(function (id) { var s = el("span", { class: "sub" }, "covers "); s.appendChild(recordLink(id)); plan.appendChild(s); });
    (r.cb || []).forEach(function (id) { var s = el("span", { class: "sub" }, "covered by "); s.appendChild(recordLink(id)); plan.appendChild(s); });
    var f = cell(tr);
    if (r.r) f.appendChild(el("span", { class: "badge rej", title: "Not imported" }, "rejected: " + (r.rs || []).join(", ")));
    (r.d || []).forEach(function (d) {
      f.appendChild(el("span", { class: "badge " + d[0], title: SEVERITY[d[0]] + ": " + d[2] }, d[1]));
    });
    return tr;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var body = $("rows");
    var fragment = document.createDocumentFragment();
    view.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (r) { fragment.appendChild(renderRow(r)); });
    body.textContent = "";
    body.appendChild(fragment);
    var imported = 0;
    view.forEach(function (r) { if (!r.r) imported++; });
    $("status").textContent = view.length + " of " + records.length + " records shown (" + imported + " imported, " + (view.length - imported) + " rejected)";
    $("status").setAttribute("data-count", String(view.length));
    $("page").textContent = "Page " + (state.page + 1) + " of " + pages;
    $("prev").disabled = state.page === 0;
    $("next").disabled = state.page >= pages - 1;
    document.querySelectorAll("th[data-sort]").forEach(function (th) {
      var k = th.getAttribute("data-sort");
      th.setAttribute("aria-sort", state.sort === k ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
  }
  function update() { state.page = 0; compute(); render(); }

  function section(parent, title) { parent.appendChild(el("h3", null, title)); }
  function table(parent, headers, rows) {
    var t = el("table"), head = el("tr");
    headers.forEach(function (h) { head.appendChild(el("th", { scope: "col" }, h)); });
    var thead = el("thead"); thead.appendChild(head); t.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (cells) {
      var tr = el("tr");
      cells.forEach(function (c, i) {
        var td = el(i === 0 ? "th" : "td", i === 0 ? { scope: "row" } : null);
        if (c instanceof Node) td.appendChild(c); else td.textContent = c === null || c === undefined ? "" : String(c);
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    t.appendChild(tbody);
    var wrap = el("div", { class: "scroll" }); wrap.appendChild(t); parent.appendChild(wrap);
    return t;
  }

  function openDetail(n) {
    var r = records[n];
    if (!r) return;
    $("detail-title").textContent = r.t || "(no title)";
    var body = $("detail-body");
    body.textContent = "";
    var facts = el("dl", { class: "facts-list" });
    function fact(name, value) {
      if (value === undefined || value === null || value === "") return;
      facts.appendChild(el("dt", null, name));
      var dd = el("dd");
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
      facts.appendChild(dd);
    }
    fact("Status", r.r ? "rejected: " + (r.rs || []).join(", ") + " (below: what was understood)" : "imported");
    fact("Record id", r.i);
    fact("Source", files[r.f] + (r.l ? ", line " + r.l : "") + (r.k ? " (" + r.k + ")" : ""));
    fact("SKU", r.s); fact("MPN", r.m); fact("Brand", r.b);
    if (r.g) fact("GTIN", r.g + (r.gf ? " " + r.gf : "") + (r.gv === undefined ? "" : r.gv ? ", valid" : ", invalid"));
    fact("Price", r.p); fact("Sale price", r.sp); fact("Converted price", r.cp); fact("Package", r.pk);
    body.appendChild(facts);

    section(body, "Provenance");
    if (r.pv) {
      table(body, ["Field", "Origin", "Line", "Label (source language)", "Raw value", "Normalized", "Assumption / finding"],
        r.pv.map(function (p) {
          var assumed = el("span", { class: p[6].length ? "assumed" : "" }, p[6].join("\n"));
          assumed.style.whiteSpace = "pre-line";
          return [p[0], p[1], p[2], p[3], p[4], p[5], assumed];
        })).setAttribute("id", "provenance");
    } else {
      body.appendChild(el("p", null, "No field of this record has a recorded origin."));
    }
    section(body, "Findings");
    if (r.d) {
      table(body, ["Code", "Severity", "Field", "Message"], r.d.map(function (d) { return [d[1], SEVERITY[d[0]], d[3], d[2]]; }));
    } else {
      body.appendChild(el("p", null, "No findings."));
    }
    if (r.sf) {
      section(body, "Service plan");
      table(body, ["Fact", "Value", "Read from"], r.sf);
    }
    if (r.cv || r.cb) {
      section(body, r.cv ? "Covered products" : "Covered by plans");
      var list = el("ul");
      (r.cv || r.cb).forEach(function (id) { var li = el("li"); li.appendChild(recordLink(id)); list.appendChild(li); });
      body.appendChild(list);
    }
    var dialog = $("detail");
    if (!dialog.open) dialog.showModal();
    $("detail-close").focus();
  }

  function showRecord(n) {
    if (!records[n]) return;
    if (!matches(records[n])) {
      state.text = state.status = state.severity = state.code = state.file = "";
      syncControls(); compute();
    }
    var at = view.indexOf(records[n]);
    state.page = Math.floor(at / PAGE);
    render();
    var row = $("row-" + n);
    document.querySelectorAll("tr.target").forEach(function (t) { t.classList.remove("target"); });
    if (row) { row.classList.add("target"); row.scrollIntoView({ block: "center" }); }
    openDetail(n);
  }

  function syncControls() {
    $("f-text").value = state.text; $("f-status").value = state.status; $("f-severity").value = state.severity;
    $("f-code").value = state.code; $("f-file").value = state.file;
  }

  [["f-status", "status"], ["f-severity", "severity"], ["f-code", "code"], ["f-file", "file"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function (e) { state[pair[1]] = e.target.value; update(); });
  });
  $("f-text").addEventListener("input", function (e) { state.text = e.target.value.trim().toLowerCase(); update(); });
  $("f-reset").addEventListener("click", function () {
    state.text = state.status = state.severity = state.code = state.file = ""; syncControls(); update();
  });
  $("prev").addEventListener("click", function () { if (state.page > 0) { state.page--; render(); } });
  $("next").addEventListener("click", function () { state.page++; render(); });
  document.querySelectorAll("th[data-sort] button").forEach(function (b) {
    b.addEventListener("click", function () {
      var k = b.parentNode.getAttribute("data-sort");
      if (state.sort === k) state.dir = -state.dir; else { state.sort = k; state.dir = 1; }
      update();
    });
  });
  document.querySelectorAll("button[data-file]").forEach(function (b) {
    b.addEventListener("click", function () {
      state.file = b.getAttribute("data-file"); syncControls(); update();
      $("products").scrollIntoView();
    });
  });
  document.addEventListener("click", function (e) {
    var target = e.target.closest ? e.target.closest("[data-open],[data-record]") : null;
    if (!target) return;
    if (target.hasAttribute("data-open")) { openDetail(Number(target.getAttribute("data-open"))); return; }
    e.preventDefault();
    var n = Number(target.getAttribute("data-record"));
    if (history.replaceState) history.replaceState(null, "", "#record-" + n);
    showRecord(n);
  });
  $("detail-close").addEventListener("click", function () { $("detail").close(); });
  function fromHash() {
    var m = /^#record-(\d+)$/.exec(location.hash);
    if (m) showRecord(Number(m[1]));
  }
  window.addEventListener("hashchange", fromHash);

  compute(); render(); fromHash();
})();
