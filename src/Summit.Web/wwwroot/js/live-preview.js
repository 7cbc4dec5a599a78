// Live preview of Markdown fields (the newsroom's editor, speakers' biographies): as the author types, the Markdown is
// sent to the server, which renders and cleans it exactly as the public page will (the same code), and the result
// shows under the field. Without script the "Preview" button does the same with a page load.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var token = document.querySelector('input[name="__RequestVerificationToken"]');
    document.querySelectorAll('textarea[data-preview]').forEach(function (field) {
      var target = document.getElementById(field.dataset.preview);
      if (!target || !token || !field.dataset.fragment) {
        return;
      }
      var section = target.closest('section');
      var timer = 0;
      var sent = 0;
      var render = async function () {
        var ticket = ++sent;
        var body = new FormData();
        body.append('markdown', field.value);
        body.append('__RequestVerificationToken', token.value);
        try {
          var response = await fetch(field.dataset.fragment, { method: 'POST', body: body, credentials: 'same-origin' });
          if (response.ok && ticket === sent) {
            // Cleaned on the server by the same sanitizer as the published page.
            target.innerHTML = await response.text();
            if (section) {
              section.hidden = field.value.trim().length === 0;
            }
          }
        } catch (e) {
          // Offline for a moment: the next keystroke tries again; "Preview" still works.
        }
      };
      field.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(render, 400);
      });
      if (field.value.trim().length > 0) {
        render();
      }
    });
  });
})();
