/* notecheck review: renders a report over its note. Shared by the service page (GET /) and the
   self-contained file of `notecheck check --format html`. The note is untrusted input: this file never
   uses innerHTML; every piece of text goes through textContent or createTextNode. */
(function () {
  "use strict";

  var FLASH_MS = 1600;
  var STATUS_LABEL = { complete: "Complete", gaps: "Gaps", invalid: "Invalid" };
  var REQ_MARK = { met: "\u2713", missing: "\u2717", conflict: "!" };
  var ASSERTION_LABEL = {
    present: "present",
    negated: "negated",
    possible: "possible",
    hypothetical: "hypothetical / planned",
    family: "family member",
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function human(id) {
    var words = String(id).replace(/_/g, " ");
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function cssToken(value) {
    return String(value).replace(/[^a-z0-9_-]/gi, "_");
  }

  function describeFact(fact) {
    var parts = [human(fact.kind) + ": " + fact.value, ASSERTION_LABEL[fact.assertion] || fact.assertion];
    if (fact.historical) parts.push("historical");
    if (fact.section) parts.push("section " + fact.section.replace(/_/g, " "));
    return parts.join(" \u00b7 ");
  }

  /* ---------- the note with highlights ---------- */

  // Offsets are Python code points; Array.from splits a JS string by code point, not UTF-16 unit.
  function highlightNote(container, text, facts) {
    var chars = Array.from(text);
    var valid = facts.filter(function (f) {
      return f.start >= 0 && f.end > f.start && f.end <= chars.length;
    });
    var bounds = [0, chars.length];
    valid.forEach(function (f) { bounds.push(f.start, f.end); });
    bounds = Array.from(new Set(bounds)).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < bounds.length; i++) {
      var a = bounds[i], b = bounds[i + 1];
      var piece = chars.slice(a, b).join("");
      var covering = valid.filter(function (f) { return f.start <= a && f.end >= b; });
      if (!covering.length) {
        container.appendChild(document.createTextNode(piece));
        continue;
      }
      // The innermost (shortest) fact decides the colour and the line style.
      covering.sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
      var top = covering[0];
      var mark = el("mark", "hl kind-" + cssToken(top.kind) + " assert-" + cssToken(top.assertion), piece);
      if (top.historical) mark.classList.add("historical");
      if (covering.length > 1) mark.classList.add("nested");
      mark.dataset.facts = " " + covering.map(function (f) { return f.id; }).join(" ") + " ";
      mark.title = covering.map(describeFact).join("\n");
      container.appendChild(mark);
    }
  }

  function marksOf(root, ids) {
    var found = [];
    root.querySelectorAll("mark.hl").forEach(function (mark) {
      if (ids.some(function (id) { return mark.dataset.facts.indexOf(" " + id + " ") >= 0; })) found.push(mark);
    });
    return found;
  }

  function flash(root, ids) {
    var marks = marksOf(root, ids);
    if (!marks.length) return;
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    marks.forEach(function (mark) {
      mark.classList.remove("flash");
      void mark.offsetWidth; // restart the animation when clicked twice
      mark.classList.add("flash");
      setTimeout(function () { mark.classList.remove("flash"); }, FLASH_MS);
    });
  }

  function legend(facts) {
    var box = el("div", "legend");
    var kinds = Array.from(new Set(facts.map(function (f) { return f.kind; }))).sort();
    kinds.forEach(function (kind) {
      box.appendChild(el("span", "hl swatch kind-" + cssToken(kind) + " assert-present", human(kind)));
    });
    var styles = el("div", "legend-assertions");
    [["present", "present"], ["negated", "negated"], ["hypothetical", "planned / if"],
     ["possible", "possible"], ["family", "family"]].forEach(function (pair) {
      styles.appendChild(el("span", "hl swatch kind-neutral assert-" + pair[0], pair[1]));
    });
    var historical = el("span", "hl swatch kind-neutral assert-present historical", "historical");
    styles.appendChild(historical);
    box.appendChild(styles);
    return box;
  }

  /* ---------- the checklist ---------- */

  function evidenceButtons(root, ids, facts) {
    var row = el("div", "evidence");
    ids.forEach(function (id) {
      var fact = facts[id];
      if (!fact) return;
      var button = el("button", "ev kind-" + cssToken(fact.kind) + " ev-" + cssToken(fact.assertion));
      button.type = "button";
      button.dataset.fact = String(id);
      button.title = describeFact(fact) + "\nClick to show it in the note.";
      button.appendChild(el("span", "ev-text", "\u201c" + fact.text + "\u201d"));
      if (fact.assertion !== "present") button.appendChild(el("span", "ev-flag", fact.assertion));
      button.addEventListener("click", function () { flash(root, [id]); });
      row.appendChild(button);
    });
    return row;
  }

  function requirementItem(root, req, facts) {
    var item = el("li", "req req-" + cssToken(req.status));
    item.appendChild(el("span", "req-mark", REQ_MARK[req.status] || "?"));
    var body = el("div", "req-body");
    var head = el("div", "req-head");
    head.appendChild(el("span", "req-name", human(req.id)));
    head.appendChild(el("span", "sev sev-" + cssToken(req.severity), req.severity));
    head.appendChild(el("span", "req-status", req.status));
    body.appendChild(head);
    body.appendChild(el("p", "msg", req.message));
    if (req.evidence && req.evidence.length) body.appendChild(evidenceButtons(root, req.evidence, facts));
    item.appendChild(body);
    return item;
  }

  function findingItem(root, finding, facts) {
    var item = el("li", "finding" + (finding.blocking ? " blocking" : ""));
    var head = el("div", "finding-head");
    head.appendChild(el("span", "finding-kind", human(finding.kind)));
    if (finding.blocking) head.appendChild(el("span", "sev sev-blocking", "blocking"));
    (finding.codes || []).slice(0, 12).forEach(function (code) { head.appendChild(el("code", "code-chip", code)); });
    item.appendChild(head);
    item.appendChild(el("p", "msg", finding.message));
    if (finding.evidence && finding.evidence.length) item.appendChild(evidenceButtons(root, finding.evidence, facts));
    return item;
  }

  function copyText(text, button) {
    function done(ok) {
      button.textContent = ok ? "Copied \u2713" : "Select and copy";
      button.classList.toggle("copied", ok);
      setTimeout(function () { button.textContent = "Copy"; button.classList.remove("copied"); }, 2000);
    }
    function fallback() {
      var area = el("textarea", "offscreen");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function queryBlock(query) {
    var block = el("div", "query");
    var head = el("div", "query-head");
    head.appendChild(el("span", "query-name", human(query.requirement)));
    var button = el("button", "copy", "Copy");
    button.type = "button";
    button.title = "Copy the query draft to the clipboard";
    button.addEventListener("click", function () { copyText(query.text, button); });
    head.appendChild(button);
    block.appendChild(head);
    block.appendChild(el("pre", "query-text", query.text));
    return block;
  }

  // Why a check is not complete, in one line, so a coder need not work it out from the list.
  function statusReason(check) {
    if (check.status !== "gaps") return "";
    var open = check.requirements.filter(function (r) { return r.severity === "required" && r.status !== "met"; });
    if (open.length) return "Required documentation not met: " + open.map(function (r) { return human(r.id).toLowerCase(); }).join(", ") + ".";
    var blocking = check.findings.filter(function (f) { return f.blocking; });
    if (blocking.length) return "All required documentation is met, but a blocking finding needs review: " + blocking.map(function (f) { return human(f.kind).toLowerCase(); }).join(", ") + ".";
    return "";
  }

  function checkCard(root, check, facts, index) {
    var card = el("section", "check status-" + cssToken(check.status));
    card.id = "check-" + index;
    var head = el("header", "check-head");
    var line = el("div", "check-line");
    line.appendChild(el("span", "code", check.code));
    line.appendChild(el("span", "badge badge-" + cssToken(check.status), STATUS_LABEL[check.status] || check.status));
    if (!check.billable) line.appendChild(el("span", "sev sev-blocking", "not billable"));
    head.appendChild(line);
    if (check.title) head.appendChild(el("div", "check-title", check.title));
    var reason = statusReason(check);
    if (reason) head.appendChild(el("p", "check-reason", reason));
    card.appendChild(head);
    if (check.requirements.length) {
      var met = check.requirements.filter(function (r) { return r.status === "met"; }).length;
      card.appendChild(el("h3", null, "Documentation checklist \u00b7 " + met + " of " + check.requirements.length + " met"));
      var list = el("ul", "reqs");
      check.requirements.forEach(function (req) { list.appendChild(requirementItem(root, req, facts)); });
      card.appendChild(list);
    }
    if (check.findings.length) {
      card.appendChild(el("h3", null, "Findings"));
      var findings = el("ul", "findings");
      check.findings.forEach(function (f) { findings.appendChild(findingItem(root, f, facts)); });
      card.appendChild(findings);
    }
    if (check.queries.length) {
      card.appendChild(el("h3", null, "Provider query drafts"));
      check.queries.forEach(function (q) { card.appendChild(queryBlock(q)); });
    }
    return card;
  }

  function summary(report) {
    var bar = el("div", "summary");
    bar.appendChild(el("span", "summary-note", report.note_id));
    bar.appendChild(el("span", "summary-facts", report.facts.length + " facts found"));
    report.checks.forEach(function (check, index) {
      var link = el("a", "summary-check badge-" + cssToken(check.status));
      link.href = "#check-" + index;
      link.textContent = check.code + " \u00b7 " + (STATUS_LABEL[check.status] || check.status);
      bar.appendChild(link);
    });
    return bar;
  }

  // The other direction: a click on a highlight shows the checklist items that cite it.
  function linkBack(root) {
    root.querySelectorAll("mark.hl").forEach(function (mark) {
      var ids = mark.dataset.facts.trim().split(" ");
      var chips = [];
      root.querySelectorAll(".checks-pane button.ev").forEach(function (chip) {
        if (ids.indexOf(chip.dataset.fact) >= 0) chips.push(chip);
      });
      if (!chips.length) return;
      mark.classList.add("cited");
      mark.title += "\nCited by " + chips.length + " checklist item(s): click to show them.";
      mark.addEventListener("click", function () {
        chips[0].scrollIntoView({ behavior: "smooth", block: "center" });
        chips.forEach(function (chip) {
          var item = chip.closest("li") || chip;
          item.classList.remove("flash-item");
          void item.offsetWidth;
          item.classList.add("flash-item");
          setTimeout(function () { item.classList.remove("flash-item"); }, FLASH_MS);
        });
      });
    });
  }

  /* Render `report` over `text` into `root` (replacing what was there). */
  function render(root, report, text) {
    root.replaceChildren();
    root.appendChild(summary(report));
    var columns = el("div", "columns");
    var notePane = el("article", "pane note-pane");
    notePane.appendChild(el("h2", null, "Note"));
    notePane.appendChild(legend(report.facts));
    var note = el("div", "note");
    highlightNote(note, text, report.facts);
    notePane.appendChild(note);
    var checksPane = el("div", "pane checks-pane");
    if (!report.checks.length) checksPane.appendChild(el("p", "empty", "No codes were proposed: enter one to see its checklist."));
    report.checks.forEach(function (check, index) { checksPane.appendChild(checkCard(root, check, report.facts, index)); });
    columns.appendChild(notePane);
    columns.appendChild(checksPane);
    root.appendChild(columns);
    linkBack(root);
  }

  /* ---------- the service page's form ---------- */

  function showError(box, message) {
    box.textContent = message;
    box.hidden = !message;
  }

  function wireForm(form, root) {
    var textArea = form.querySelector("#note-text");
    var upload = form.querySelector("#note-file");
    var noteId = form.querySelector("#note-id");
    var errorBox = document.getElementById("form-error");
    var submit = form.querySelector("button[type=submit]");
    var keyBox = form.querySelector("#api-key-box");
    upload.addEventListener("change", function () {
      var file = upload.files && upload.files[0];
      if (!file) return;
      file.text().then(function (content) {
        textArea.value = content;
        if (!noteId.value) noteId.value = file.name.replace(/\.[^.]*$/, "");
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      showError(errorBox, "");
      var codes = form.querySelector("#codes").value.split(/[\s,;]+/).filter(Boolean);
      var headers = { "Content-Type": "application/json" };
      var key = form.querySelector("#api-key").value;
      if (key) headers["X-API-Key"] = key;
      var text = textArea.value;
      submit.disabled = true;
      submit.textContent = "Checking\u2026";
      fetch("v1/check", {
        method: "POST",
        headers: headers,
        body: JSON.stringify({ note_id: noteId.value || "note", text: text, codes: codes }),
      })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
        })
        .then(function (answer) {
          if (!answer.ok) {
            var error = (answer.body && answer.body.error) || { code: "HTTP " + answer.status, message: "request failed" };
            if (answer.status === 401) keyBox.open = true;
            showError(errorBox, error.code + ": " + error.message);
            return;
          }
          render(root, answer.body, text);
          root.hidden = false;
          root.scrollIntoView({ behavior: "smooth", block: "start" });
        })
        .catch(function () { showError(errorBox, "The service did not answer; is notecheck serve running?"); })
        .then(function () { submit.disabled = false; submit.textContent = "Check note"; });
    });
  }

  function boot() {
    var root = document.getElementById("result");
    var data = document.getElementById("notecheck-data");
    if (data) {
      var payload = JSON.parse(data.textContent);
      render(root, payload.report, payload.text);
      root.hidden = false;
    }
    var form = document.getElementById("check-form");
    if (form) wireForm(form, root);
  }

  window.NotecheckReview = { render: render };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
