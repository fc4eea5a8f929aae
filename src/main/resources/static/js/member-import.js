// Roster import form: refuse a file over the size limit before uploading it (the server refuses it too).
(function () {
  'use strict';
  function check() {
    var input = document.getElementById('file');
    var warning = document.getElementById('file-too-large');
    var submit = document.getElementById('start-import');
    if (!input || !warning || !submit) {
      return;
    }
    var max = Number(input.getAttribute('data-max-bytes'));
    var tooLarge = input.files && input.files.length > 0 && max > 0 && input.files[0].size > max;
    warning.hidden = !tooLarge;
    submit.disabled = tooLarge;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var input = document.getElementById('file');
    if (input) {
      input.addEventListener('change', check);
    }
  });
})();
