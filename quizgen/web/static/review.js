// Teacher pages: highlight a question's evidence in the article, confirm deletions, show the fields of the chosen type.
(function () {
  "use strict";
  function highlight(number) {
    Array.prototype.forEach.call(document.querySelectorAll("mark.evidence"), function (m) {
      var qs = (m.getAttribute("data-questions") || "").split(" ");
      m.classList.toggle("active", qs.indexOf(String(number)) !== -1);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".question-list > li.card"), function (li) {
      li.classList.toggle("active", li.getAttribute("data-number") === String(number));
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".question-list > li.card[data-number]"), function (li) {
    var n = li.getAttribute("data-number");
    li.addEventListener("focusin", function () { highlight(n); });
    li.addEventListener("mouseenter", function () { highlight(n); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("a.show-evidence"), function (a) {
    a.addEventListener("click", function () { highlight(a.getAttribute("data-number")); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (f) {
    f.addEventListener("submit", function (ev) {
      if (!window.confirm(f.getAttribute("data-confirm"))) { ev.preventDefault(); }
    });
  });
  var type = document.getElementById("type");
  if (type) {
    var sync = function () {
      Array.prototype.forEach.call(document.querySelectorAll(".type-section"), function (s) {
        s.hidden = (s.getAttribute("data-types") || "").split(" ").indexOf(type.value) === -1;
      });
    };
    type.addEventListener("change", sync);
    sync();
  }
}());
