// Check-in page: where the browser offers BarcodeDetector and a camera, a button scans the
// badge's QR code and submits its text as the typed code would be. Elsewhere the page works
// without this script (typed code, name search).
(function () {
  "use strict";
  var script = document.getElementById("check-in-script");
  var scanner = document.getElementById("scanner");
  var form = document.getElementById("code-form");
  if (!script || !scanner || !form) return;
  if (!("BarcodeDetector" in window) || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia) return;
  var button = document.getElementById("scan-start");
  var video = document.getElementById("scan-video");
  var status = document.getElementById("scan-status");
  scanner.hidden = false;

  function submit(text, stream) {
    stream.getTracks().forEach(function (track) { track.stop(); });
    form.elements.code.value = text;
    form.submit();
  }

  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        button.hidden = true;
        status.textContent = script.dataset.scanning;
        return video.play().then(function () {
          function look() {
            detector.detect(video).then(function (codes) {
              if (codes.length) { submit(codes[0].rawValue, stream); } else { requestAnimationFrame(look); }
            }).catch(function () { requestAnimationFrame(look); });
          }
          look();
        });
      })
      .catch(function () { status.textContent = script.dataset.noCamera; });
  });
})();
