/*
 * The unit picker (chọn đơn vị) as one types: the page's own search ("Tìm", which works without JavaScript) is
 * fetched in the background after a short pause and its list of units replaces the one shown, the chosen unit
 * kept if it is still listed. The role chosen so far is carried into a search made with the button.
 */
(function () {
  'use strict';
  var input = document.getElementById('tim-don-vi');
  var results = document.getElementById('ket-qua-don-vi');
  var searchForm = document.getElementById('tim-don-vi-form');
  if (!input || !results || !searchForm || !window.fetch || !window.DOMParser) {
    return;
  }
  var typed = document.getElementById('tim-don-vi-da-go');
  var role = document.getElementById('role');
  var roleCarried = document.getElementById('tim-vai-tro');
  var timer = null;
  var latest = 0;

  if (role && roleCarried) {
    role.addEventListener('change', function () {
      roleCarried.value = role.value;
    });
  }

  function load() {
    var q = input.value.trim();
    var mine = ++latest;
    var chosen = results.querySelector('input[name="orgCode"]:checked');
    var keep = chosen ? chosen.value : null;
    var url = searchForm.getAttribute('action') + '?tim-don-vi=' + encodeURIComponent(q);
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html || mine !== latest) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('ket-qua-don-vi');
        if (!fresh) {
          return;
        }
        results.innerHTML = fresh.innerHTML;
        results.removeAttribute('aria-invalid');
        if (keep) {
          var radios = results.querySelectorAll('input[name="orgCode"]');
          for (var i = 0; i < radios.length; i++) {
            if (radios[i].value === keep) {
              radios[i].checked = true;
            }
          }
        }
        if (typed) {
          typed.value = q;
        }
      })
      .catch(function () { /* the "Tìm" button still works */ });
  }

  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 250);
  });
})();
