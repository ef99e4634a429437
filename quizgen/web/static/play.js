// Student page: keep answers as they go (localStorage and the server), run the optional timer.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) { return; }
  var storageKey = form.getAttribute("data-storage-key");
  var saveUrl = form.getAttribute("data-save-url");
  var status = document.getElementById("save-status");
  var csrf = form.querySelector("input[name=csrf_token]").value;
  var submitting = false;

  function answers() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name.indexOf("answer-") !== 0 || el.disabled) { return; }
      if (el.type === "radio") { if (el.checked) { out[el.name] = el.value; } }
      else if (el.value.trim() !== "") { out[el.name] = el.value; }
    });
    return out;
  }

  function restore() {
    var saved;
    try { saved = JSON.parse(window.localStorage.getItem(storageKey) || "null"); } catch (e) { saved = null; }
    if (!saved) { return false; }
    var changed = false;
    Object.keys(saved).forEach(function (name) {
      var fields = form.querySelectorAll("[name='" + name.replace(/'/g, "") + "']");
      Array.prototype.forEach.call(fields, function (el) {
        if (el.disabled) { return; }
        if (el.type === "radio") {
          if (el.value === saved[name] && !el.checked) { el.checked = true; changed = true; }
        } else if (el.value !== saved[name]) { el.value = saved[name]; changed = true; }
      });
    });
    return changed;
  }

  var timer = null;
  function save() {
    var data = answers();
    try { window.localStorage.setItem(storageKey, JSON.stringify(data)); } catch (e) { /* private mode */ }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { send(data); }, 300);
  }

  function send(data) {
    var body = new URLSearchParams();
    Object.keys(data).forEach(function (k) { body.append(k, data[k]); });
    fetch(saveUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (r) {
      if (r.ok) { status.textContent = "Answers saved."; }
      else if (r.status === 409) { status.textContent = "These answers were already submitted."; }
      else { status.textContent = "Saved on this device; not yet on the server."; }
    }).catch(function () { status.textContent = "Saved on this device; not yet on the server (offline?)."; });
  }

  if (restore()) { save(); }
  form.addEventListener("change", save);
  form.addEventListener("input", save);
  form.addEventListener("submit", function () {
    submitting = true;
    var data = answers();
    try { window.localStorage.setItem(storageKey, JSON.stringify(data)); } catch (e) { /* ignore */ }
  });

  // The optional time limit: a countdown, a warning a minute before, add time or turn it off (WCAG 2.2.1).
  var box = document.getElementById("timer");
  if (!box) { return; }
  var left = parseInt(box.getAttribute("data-remaining"), 10);
  var text = document.getElementById("timer-text");
  var warning = document.getElementById("timer-warning");
  var warned = false;
  var stopped = false;
  function show() {
    var m = Math.floor(left / 60), s = left % 60;
    text.textContent = m + ":" + (s < 10 ? "0" : "") + s;
  }
  function tick() {
    if (stopped) { return; }
    left = Math.max(0, left - 1);
    show();
    if (left <= 60 && !warned) {
      warned = true;
      warning.textContent = "One minute left. Choose “Add 10 minutes” if you need more time.";
    }
    if (left === 0 && !submitting) {
      stopped = true;
      warning.textContent = "Time is up: sending your answers.";
      submitting = true;
      form.submit();
    }
  }
  var interval = window.setInterval(tick, 1000);
  function timerAction(action) {
    var body = new URLSearchParams();
    body.append("action", action);
    var data = answers();
    Object.keys(data).forEach(function (k) { body.append(k, data[k]); });
    return fetch(document.getElementById("timer-extend").getAttribute("formaction"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (r) { return r.json(); });
  }
  document.getElementById("timer-extend").addEventListener("click", function (ev) {
    ev.preventDefault();
    timerAction("extend").then(function (d) {
      if (typeof d.remaining === "number") { left = d.remaining; }
      warned = left <= 60; warning.textContent = ""; show();
      status.textContent = "Ten more minutes added.";
    });
  });
  document.getElementById("timer-off").addEventListener("click", function (ev) {
    ev.preventDefault();
    timerAction("off").then(function () {
      stopped = true; window.clearInterval(interval);
      box.hidden = true;
      status.textContent = "The time limit is off. Take the time you need.";
    });
  });
}());
