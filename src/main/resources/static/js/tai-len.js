// Uploads on hoctap's pages, progressive enhancement only: every upload form works without script. Files can be
// dropped onto any file area of class tha-tep (also the award proposal's, templates/khen-thuong/moi.html). A form with
// data-tai-len="<p>" (evidence: "mc" in templates/dossier/minh-chung.html; a round's list: "tl" in
// templates/citizen/dot.html) gets a check of each file's size
// (data-max-bytes, data-max-label, data-qua-lon: what to do about it) and of the request's (data-max-request-bytes)
// before sending, and an upload progress bar (#<p>-tien-do, #<p>-tien-do-thanh; XMLHttpRequest, the form's own
// _csrf field travels in the FormData). The answer replaces the part of the page named by data-phan in place;
// errors go to #<p>-loi. The address follows the answer only when the answer is the page being shown (the evidence
// uploaded from a dossier's page keeps the dossier's address). Event delegation: works after the part is replaced.
(function () {
  if (window.hoctapTaiLen) {
    return;
  }
  window.hoctapTaiLen = true;

  function prefixOf(form) {
    return form.getAttribute('data-tai-len');
  }

  function showError(form, lines) {
    var id = prefixOf(form) + '-loi';
    var box = document.getElementById(id);
    if (!box) {
      box = document.createElement('div');
      box.id = id;
      box.className = 'error';
      box.setAttribute('role', 'alert');
      form.parentNode.insertBefore(box, form);
    }
    box.textContent = '';
    lines.forEach(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      box.appendChild(p);
    });
  }

  // A step's form on the same page that chooses among the dossier's files (the meeting's minutes) is offered the
  // evidence just uploaded, without reloading the page.
  function offerNewFiles() {
    var items = document.querySelectorAll('#minh-chung li.mc-item[data-file]');
    Array.prototype.forEach.call(document.querySelectorAll('select[data-minh-chung="tep"]'), function (select) {
      var known = {};
      Array.prototype.forEach.call(select.options, function (o) { known[o.value] = true; });
      Array.prototype.forEach.call(items, function (li) {
        var name = li.getAttribute('data-file');
        if (!known[name]) {
          var o = document.createElement('option');
          o.value = name;
          o.textContent = name + ' (' + li.getAttribute('data-kind') + ', vừa tải lên)';
          select.appendChild(o);
          known[name] = true;
        }
      });
    });
  }

  // Any element of class tha-tep (an upload form's file area) takes files dropped onto it: added to the chosen ones
  // where the input takes several, instead of it where it takes one.
  function dropZone(e) {
    return e.target.closest ? e.target.closest('.tha-tep') : null;
  }

  document.addEventListener('dragover', function (e) {
    var zone = dropZone(e);
    if (zone) {
      e.preventDefault();
      zone.classList.add('tha-tep-over');
    }
  });
  document.addEventListener('dragleave', function (e) {
    var zone = dropZone(e);
    if (zone) {
      zone.classList.remove('tha-tep-over');
    }
  });
  document.addEventListener('drop', function (e) {
    var zone = dropZone(e);
    if (!zone || !e.dataTransfer || !e.dataTransfer.files.length) {
      return;
    }
    e.preventDefault();
    zone.classList.remove('tha-tep-over');
    var input = zone.querySelector('input[type=file]');
    var chosen = new DataTransfer();
    if (input.multiple) {
      Array.prototype.forEach.call(input.files, function (f) { chosen.items.add(f); });
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { chosen.items.add(f); });
    } else {
      chosen.items.add(e.dataTransfer.files[0]);
    }
    input.files = chosen.files;
  });

  function sizeProblems(form, files) {
    var max = Number(form.getAttribute('data-max-bytes'));
    var problems = [];
    var total = 0;
    Array.prototype.forEach.call(files, function (f) {
      total += f.size;
      if (max && f.size > max) {
        problems.push('Tệp "' + f.name + '" vượt quá dung lượng cho phép (' + form.getAttribute('data-max-label')
            + '). ' + form.getAttribute('data-qua-lon'));
      }
    });
    var maxRequest = Number(form.getAttribute('data-max-request-bytes'));
    if (!problems.length && maxRequest && total > maxRequest) {
      problems.push('Tổng dung lượng các tệp chọn một lần vượt quá ' + Math.round(maxRequest / 1048576)
          + ' MB. Hãy tải lên làm nhiều lần.');
    }
    // a form that sends several files at once sends none of them when one is too large: say so first
    var several = form.querySelector('input[type=file]').multiple;
    return problems.length && several ? ['Không tệp nào trong lần tải này được gửi:'].concat(problems) : problems;
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    var p = prefixOf(form);
    if (!p || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
      return;
    }
    e.preventDefault();
    var problems = sizeProblems(form, form.querySelector('input[type=file]').files);
    if (problems.length) {
      showError(form, problems);
      return;
    }
    var partId = form.getAttribute('data-phan');
    var progress = document.getElementById(p + '-tien-do');
    var bar = document.getElementById(p + '-tien-do-thanh');
    var button = form.querySelector('button[type=submit]');
    progress.hidden = false;
    button.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (ev) {
      if (ev.lengthComputable) {
        bar.value = Math.round(100 * ev.loaded / ev.total);
      }
    });
    xhr.addEventListener('load', function () {
      var fresh = new DOMParser().parseFromString(xhr.responseText, 'text/html').getElementById(partId);
      var current = document.getElementById(partId);
      if (!fresh || !current) {
        // not the page expected (an error page, the login page): show it as the browser would
        document.open();
        document.write(xhr.responseText);
        document.close();
        return;
      }
      current.replaceWith(document.importNode(fresh, true));
      offerNewFiles();
      if (xhr.status < 300 && xhr.responseURL && new URL(xhr.responseURL).pathname === location.pathname) {
        history.replaceState(null, '', xhr.responseURL);
      }
      var focus = document.getElementById(p + '-loi') || document.getElementById(p + '-thong-bao');
      if (focus) {
        focus.setAttribute('tabindex', '-1');
        focus.focus();
      }
    });
    xhr.addEventListener('error', function () {
      progress.hidden = true;
      button.disabled = false;
      showError(form, ['Mất kết nối khi tải lên. Hãy kiểm tra mạng rồi tải lên lại.']);
    });
    xhr.send(new FormData(form));
  });
})();
