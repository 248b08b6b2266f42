// The demo page's only script: shows the snippet with this server's address and copies it.
(function () {
  'use strict';
  var origin = location.origin;
  var code = document.querySelector('#snippet code');
  code.textContent = '<!-- JoxAI customer chat -->\n<script src="' + origin + '/widget/joxai-widget.js" data-server="' +
    origin + '" async></' + 'script>';
  var status = document.getElementById('copied');
  document.getElementById('copy').addEventListener('click', function () {
    var done = function () { status.textContent = 'Copied.'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code.textContent).then(done, function () { status.textContent = 'Select the text and copy it.'; });
    } else {
      var range = document.createRange();
      range.selectNodeContents(code);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = 'Selected: press Ctrl+C to copy.';
    }
  });
})();
