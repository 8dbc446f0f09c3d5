// Đợt đánh giá: the list's upload (templates/citizen/dot.html), progressive enhancement only — the form works
// without script. Adds dropping the file onto its area, a size check before sending and an upload progress bar
// (XMLHttpRequest; the form's own _csrf field travels in the FormData), as /js/minh-chung.js does for evidence. The
// answer (the round's page again: the list with its counts, or the table of the rows to fix) replaces the page's
// main part in place. Event delegation: works after the part is replaced.
(function () {
  if (window.hoctapDotTaiLen) {
    return;
  }
  window.hoctapDotTaiLen = true;

  function showError(form, lines) {
    var box = document.getElementById('tl-loi');
    if (!box) {
      box = document.createElement('div');
      box.id = 'tl-loi';
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

  document.addEventListener('dragover', function (e) {
    var zone = e.target.closest && e.target.closest('.dot-drop');
    if (zone) {
      e.preventDefault();
      zone.classList.add('dot-drop-over');
    }
  });
  document.addEventListener('dragleave', function (e) {
    var zone = e.target.closest && e.target.closest('.dot-drop');
    if (zone) {
      zone.classList.remove('dot-drop-over');
    }
  });
  document.addEventListener('drop', function (e) {
    var zone = e.target.closest && e.target.closest('.dot-drop');
    if (!zone || !e.dataTransfer || !e.dataTransfer.files.length) {
      return;
    }
    e.preventDefault();
    zone.classList.remove('dot-drop-over');
    var one = new DataTransfer();
    one.items.add(e.dataTransfer.files[0]);
    zone.querySelector('input[type=file]').files = one.files;
  });

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.id !== 'tl-form' || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
      return;
    }
    var file = form.querySelector('input[type=file]').files[0];
    var max = Number(form.getAttribute('data-max-bytes'));
    if (file && max && file.size > max) {
      e.preventDefault();
      showError(form, ['Tệp "' + file.name + '" vượt quá dung lượng cho phép (' + form.getAttribute('data-max-label')
          + '). Hãy chia danh sách thành nhiều tệp.']);
      return;
    }
    e.preventDefault();
    var progress = document.getElementById('tl-tien-do');
    var bar = document.getElementById('tl-tien-do-thanh');
    var button = document.getElementById('tl-gui');
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
      var fresh = doc.getElementById('dot');
      var current = document.getElementById('dot');
      if (!fresh || !current) {
        // not the round's page (an error page, the login page): show it as the browser would
        document.open();
        document.write(xhr.responseText);
        document.close();
        return;
      }
      current.replaceWith(document.importNode(fresh, true));
      if (xhr.status < 300 && xhr.responseURL) {
        history.replaceState(null, '', xhr.responseURL);
      }
      var focus = document.getElementById('tl-loi') || document.getElementById('tl-thong-bao');
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
