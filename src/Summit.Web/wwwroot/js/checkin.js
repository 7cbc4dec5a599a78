// Camera scanning at the check-in desk, where the browser has BarcodeDetector (Chrome, Edge, Android): the page works
// without it (a hand scanner types into the field like a keyboard, or staff type the code).
(function () {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.querySelector('.checkin-camera');
    var button = document.getElementById('camera-start');
    var video = document.getElementById('camera');
    var form = document.getElementById('checkin-form');
    var field = document.getElementById('Code');
    if (!box || !button || !video || !form || !field) {
      return;
    }

    box.hidden = false;
    button.addEventListener('click', async function () {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      var stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      button.hidden = true;
      var scan = async function () {
        var codes = await detector.detect(video).catch(function () { return []; });
        if (codes.length > 0 && codes[0].rawValue) {
          stream.getTracks().forEach(function (t) { t.stop(); });
          field.value = codes[0].rawValue;
          form.submit();
          return;
        }
        window.requestAnimationFrame(scan);
      };
      window.requestAnimationFrame(scan);
    });
  });
})();
