// Camera scanning at the check-in desk. The browser's own BarcodeDetector reads the QR code where it has one that
// knows QR codes (Chrome on Android and macOS, Edge); elsewhere (Firefox, Safari, Chrome on Linux and Windows) the
// barcode-detector library served from /lib (see tools/client-libs.sh) does the same with a WebAssembly reader. The page
// works without either: a hand scanner types into the field like a keyboard, or staff type the code. Once started, the
// camera starts again by itself after each check-in, until it is stopped; the badge just sent is not sent again for
// ten seconds, as its guest is usually still holding it up.
(function () {
  'use strict';
  var remember = 'summit-checkin-camera';
  // The code last sent, and when: the guest still holds the badge up when the camera starts again for the next one.
  var lastSent = 'summit-checkin-last';
  var sameBadgeMs = 10000;

  function recentlySent(code) {
    try {
      var last = JSON.parse(window.sessionStorage.getItem(lastSent) || 'null');
      return last !== null && last.code === code && Date.now() - last.at < sameBadgeMs;
    } catch (e) {
      return false;
    }
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(script);
    });
  }

  // The browser's detector when it reads QR codes, or the library's.
  async function makeDetector(box) {
    if ('BarcodeDetector' in window) {
      var formats = await window.BarcodeDetector.getSupportedFormats().catch(function () { return []; });
      if (formats.indexOf('qr_code') >= 0) {
        return new window.BarcodeDetector({ formats: ['qr_code'] });
      }
    }

    if (!('WebAssembly' in window)) {
      return null;
    }

    await loadScript(box.dataset.reader);
    var api = window.BarcodeDetectionAPI;
    var wasm = new URL(box.dataset.wasm, window.location.href).href;
    // Loaded now, so a reader that cannot load (a network cut, no memory) says so instead of never reading anything.
    await api.prepareZXingModule({
      overrides: {
        locateFile: function (path, prefix) { return path.endsWith('.wasm') ? wasm : prefix + path; },
      },
      fireImmediately: true,
    });
    return new api.BarcodeDetector({ formats: ['qr_code'] });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.querySelector('.checkin-camera');
    var start = document.getElementById('camera-start');
    var stop = document.getElementById('camera-stop');
    var status = document.getElementById('camera-status');
    var video = document.getElementById('camera');
    var form = document.getElementById('checkin-form');
    var field = document.getElementById('Code');
    if (!box || !start || !stop || !status || !video || !form || !field || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return;
    }

    box.hidden = false;
    var stream = null;

    function halt() {
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
        stream = null;
      }
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    }

    async function run() {
      start.hidden = true;
      status.textContent = box.dataset.starting;
      var detector;
      try {
        detector = await makeDetector(box);
      } catch (e) {
        detector = null;
      }
      if (!detector) {
        status.textContent = box.dataset.unsupported;
        start.hidden = false;
        window.sessionStorage.removeItem(remember);
        return;
      }

      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      } catch (e) {
        status.textContent = box.dataset.refused;
        start.hidden = false;
        window.sessionStorage.removeItem(remember);
        return;
      }

      window.sessionStorage.setItem(remember, 'on');
      video.srcObject = stream;
      video.hidden = false;
      stop.hidden = false;
      await video.play();
      status.textContent = box.dataset.ready;
      var failures = 0;
      var scan = async function () {
        if (!stream) {
          return;
        }
        var codes = [];
        if (video.readyState >= 2) {
          try {
            codes = await detector.detect(video);
            failures = 0;
          } catch (e) {
            // A frame may fail now and then; a reader that fails every time is broken: say so and stop.
            if (++failures >= 25) {
              halt();
              status.textContent = box.dataset.unsupported;
              window.sessionStorage.removeItem(remember);
              return;
            }
          }
        }
        var code = codes.length > 0 ? codes[0].rawValue : '';
        if (code && !recentlySent(code)) {
          halt();
          window.sessionStorage.setItem(lastSent, JSON.stringify({ code: code, at: Date.now() }));
          field.value = code;
          form.submit();
          return;
        }
        window.setTimeout(scan, 120);
      };
      scan();
    }

    start.addEventListener('click', run);
    stop.addEventListener('click', function () {
      window.sessionStorage.removeItem(remember);
      halt();
      status.textContent = '';
    });
    if (window.sessionStorage.getItem(remember) === 'on') {
      run();
    }
  });
})();
