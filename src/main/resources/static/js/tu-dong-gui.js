// Submits the form of a <select data-tu-dong-gui> when its value changes (progressive enhancement: without
// script the form's own button does it). An external file, so the Content-Security-Policy needs no inline script.
document.addEventListener('change', function (e) {
  if (e.target.matches('select[data-tu-dong-gui]') && e.target.form) {
    e.target.form.submit();
  }
});
