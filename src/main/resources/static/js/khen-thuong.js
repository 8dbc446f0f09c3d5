// Khen thưởng (templates/khen-thuong/*), progressive enhancement only: every form works without script.
// On the new proposal form: searching, adding and removing a candidate update the candidates' section in place
// (the chosen files stay chosen); sending checks each file's size first and shows an upload progress bar. On a
// proposal's page: the council's counts refresh by themselves while a meeting is open.
(function () {
  if (window.hoctapKhenThuong) {
    return;
  }
  window.hoctapKhenThuong = true;

  function parse(html) {
    return new DOMParser().parseFromString(html, 'text/html');
  }

  function replaceProblems(doc) {
    var old = document.getElementById('loi');
    var fresh = doc.getElementById('loi');
    if (old) {
      old.remove();
    }
    if (fresh) {
      var h1 = document.querySelector('main h1');
      h1.parentNode.insertBefore(document.importNode(fresh, true), h1.nextSibling);
    }
  }

  function focus(el) {
    if (el) {
      el.setAttribute('tabindex', '-1');
      el.focus();
    }
  }

  function showError(form, lines) {
    var box = document.getElementById('loi');
    if (!box) {
      box = document.createElement('div');
      box.id = 'loi';
      box.className = 'error';
      box.setAttribute('role', 'alert');
      var h1 = document.querySelector('main h1');
      h1.parentNode.insertBefore(box, h1.nextSibling);
    }
    box.textContent = '';
    var ul = document.createElement('ul');
    lines.forEach(function (line) {
      var li = document.createElement('li');
      li.textContent = line;
      ul.appendChild(li);
    });
    box.appendChild(ul);
    focus(box);
  }

  // the candidates' section: search, add, remove without sending the files
  function partial(form, submitter) {
    var data = new FormData(form);
    data.set('hanh-dong', submitter.value);
    data.delete('to-trinh');
    data.delete('bao-cao');
    submitter.disabled = true;
    fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'}).then(function (r) {
      return r.text().then(function (text) {
        return {ok: r.ok || r.status === 422, text: text};
      });
    }).then(function (answer) {
      var doc = parse(answer.text);
      var fresh = doc.getElementById('ung-vien');
      if (!fresh) {
        document.open();
        document.write(answer.text);
        document.close();
        return;
      }
      document.getElementById('ung-vien').replaceWith(document.importNode(fresh, true));
      replaceProblems(doc);
      var action = submitter.value;
      if (action.indexOf('them') === 0) {
        var chosen = document.querySelectorAll('#da-chon > li h3');
        focus(document.getElementById('loi') || chosen[chosen.length - 1]);
      } else if (action.indexOf('bo:') === 0) {
        focus(document.getElementById('h-uv'));
      } else {
        focus(document.getElementById('loi') || document.getElementById('ket-qua-tim')
            || document.getElementById('khong-tim-thay'));
      }
    }).catch(function () {
      submitter.disabled = false;
      showError(form, ['Mất kết nối. Hãy kiểm tra mạng rồi thử lại.']);
    });
  }

  function send(form) {
    var max = Number(form.getAttribute('data-max-bytes'));
    var maxRequest = Number(form.getAttribute('data-max-request-bytes'));
    var problems = [];
    var total = 0;
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      Array.prototype.forEach.call(input.files, function (f) {
        total += f.size;
        if (max && f.size > max) {
          problems.push('Tệp "' + f.name + '" vượt quá dung lượng cho phép (' + form.getAttribute('data-max-label')
              + '). Hãy nén hoặc tách tệp.');
        }
      });
    });
    if (!problems.length && maxRequest && total > maxRequest) {
      problems.push('Tổng dung lượng các tệp vượt quá ' + Math.round(maxRequest / 1048576)
          + ' MB. Hãy nén bớt tệp.');
    }
    if (problems.length) {
      showError(form, ['Danh sách chưa được gửi:'].concat(problems));
      return;
    }
    var progress = document.getElementById('kt-tien-do');
    var bar = document.getElementById('kt-tien-do-thanh');
    var button = document.getElementById('lap');
    progress.hidden = false;
    button.disabled = true;
    var data = new FormData(form);
    data.set('hanh-dong', 'lap');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) {
        bar.value = Math.round(100 * p.loaded / p.total);
      }
    });
    xhr.addEventListener('load', function () {
      if (xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(form.action).pathname) {
        window.location.assign(xhr.responseURL); // the new proposal's page
        return;
      }
      var fresh = parse(xhr.responseText).querySelector('main');
      if (!fresh || !fresh.querySelector('#kt-de-nghi')) {
        document.open();
        document.write(xhr.responseText);
        document.close();
        return;
      }
      document.querySelector('main').replaceWith(document.importNode(fresh, true));
      focus(document.getElementById('loi'));
    });
    xhr.addEventListener('error', function () {
      progress.hidden = true;
      button.disabled = false;
      showError(form, ['Mất kết nối khi gửi. Hãy kiểm tra mạng rồi gửi lại.']);
    });
    xhr.send(data);
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.id !== 'kt-de-nghi' || !window.FormData || !window.fetch || !window.XMLHttpRequest) {
      return;
    }
    var submitter = e.submitter;
    e.preventDefault();
    if (submitter && submitter.name === 'hanh-dong' && submitter.value !== 'lap') {
      partial(form, submitter);
    } else {
      send(form);
    }
  });

  // a proposal's page: the open meetings' counts (and the secretary's draft of the minutes), every few seconds
  function refreshCounts() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll('[data-tu-cap-nhat]'));
    var draft = document.getElementById('i_minutesDraft');
    if (draft) {
      boxes.push(draft);
    }
    if (!boxes.length) {
      return;
    }
    fetch(window.location.href, {credentials: 'same-origin'}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (text) {
      if (!text) {
        return;
      }
      var doc = parse(text);
      boxes.forEach(function (box) {
        var fresh = doc.getElementById(box.id);
        if (fresh && fresh.innerHTML !== box.innerHTML) {
          box.innerHTML = fresh.innerHTML;
        }
      });
    }).catch(function () {
      // offline for a moment: the next round tries again
    });
  }

  if (document.querySelector('[data-tu-cap-nhat]')) {
    window.setInterval(refreshCounts, 4000);
  }
})();
