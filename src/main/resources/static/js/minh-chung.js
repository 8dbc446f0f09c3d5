// Minh chứng (templates/dossier/minh-chung.html), progressive enhancement only: the form works without script.
// Adds dropping files onto the file area, a check of each file's size before sending, and an upload progress bar
// (XMLHttpRequest; the form's own _csrf field travels in the FormData). The answer (the page again, with the list
// or the refusal) replaces the section in place. Event delegation: works after the section is replaced.
(function () {
  if (window.hoctapMinhChung) {
    return;
  }
  window.hoctapMinhChung = true;

  function section() {
    return document.getElementById('minh-chung');
  }

  function showError(form, lines) {
    var box = document.getElementById('mc-loi');
    if (!box) {
      box = document.createElement('div');
      box.id = 'mc-loi';
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
  // files just uploaded, without reloading the page.
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

  document.addEventListener('dragover', function (e) {
    var zone = e.target.closest && e.target.closest('.mc-drop');
    if (zone) {
      e.preventDefault();
      zone.classList.add('mc-drop-over');
    }
  });
  document.addEventListener('dragleave', function (e) {
    var zone = e.target.closest && e.target.closest('.mc-drop');
    if (zone) {
      zone.classList.remove('mc-drop-over');
    }
  });
  document.addEventListener('drop', function (e) {
    var zone = e.target.closest && e.target.closest('.mc-drop');
    if (!zone || !e.dataTransfer || !e.dataTransfer.files.length) {
      return;
    }
    e.preventDefault();
    zone.classList.remove('mc-drop-over');
    var input = zone.querySelector('input[type=file]');
    var all = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (f) { all.items.add(f); });
    Array.prototype.forEach.call(e.dataTransfer.files, function (f) { all.items.add(f); });
    input.files = all.files;
  });

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.id !== 'mc-tai-len' || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    var max = Number(form.getAttribute('data-max-bytes'));
    var tooLarge = [];
    Array.prototype.forEach.call(form.querySelector('input[type=file]').files, function (f) {
      if (max && f.size > max) {
        tooLarge.push('Tệp "' + f.name + '" vượt quá dung lượng cho phép (' + form.getAttribute('data-max-label')
            + '). Hãy nén hoặc tách tệp.');
      }
    });
    var total = 0;
    Array.prototype.forEach.call(form.querySelector('input[type=file]').files, function (f) { total += f.size; });
    var maxRequest = Number(form.getAttribute('data-max-request-bytes'));
    if (!tooLarge.length && maxRequest && total > maxRequest) {
      tooLarge.push('Tổng dung lượng các tệp chọn một lần vượt quá ' + Math.round(maxRequest / 1048576)
          + ' MB. Hãy tải lên làm nhiều lần.');
    }
    if (tooLarge.length) {
      e.preventDefault();
      showError(form, ['Không tệp nào trong lần tải này được gửi:'].concat(tooLarge));
      return;
    }
    e.preventDefault();
    var progress = document.getElementById('mc-tien-do');
    var bar = document.getElementById('mc-tien-do-thanh');
    var button = document.getElementById('mc-gui');
    progress.hidden = false;
    button.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) {
        bar.value = Math.round(100 * p.loaded / p.total);
      }
    });
    xhr.addEventListener('load', function () {
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var fresh = doc.getElementById('minh-chung');
      if (!fresh) {
        // not the evidence page (an error page, the login page): show it as the browser would
        document.open();
        document.write(xhr.responseText);
        document.close();
        return;
      }
      section().replaceWith(document.importNode(fresh, true));
      offerNewFiles();
      // on the evidence page itself the address follows the answer; on the dossier page it stays the dossier's
      if (xhr.status < 300 && xhr.responseURL && /\/minh-chung\/?$/.test(location.pathname)) {
        history.replaceState(null, '', xhr.responseURL);
      }
      var focus = document.getElementById('mc-loi') || document.getElementById('mc-thong-bao');
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
