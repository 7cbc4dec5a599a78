// "Copy" beside a read-only field: puts its text on the clipboard and says so. Without script (or a clipboard the
// browser refuses) the button stays hidden and the field's text is there to select.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var field = document.getElementById(button.dataset.copy);
      var status = document.querySelector('[data-copy-status]');
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(field.value).then(function () {
          if (status) {
            status.textContent = button.dataset.copied;
          }
        }, function () {
          field.select();
        });
      });
    });
  });
})();
