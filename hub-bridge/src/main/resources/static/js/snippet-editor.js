// Turns each file's textarea into a CodeMirror editor. Without JavaScript the textareas work as they are;
// CodeMirror writes its text back into them when the form is sent.
(function () {
  // The same table as SnippetModes.java: a renamed file is highlighted by its new extension at once.
  var modes = { java: 'text/x-java', py: 'text/x-python', html: 'text/html', htm: 'text/html', css: 'text/css',
                js: 'text/javascript', mjs: 'text/javascript', json: 'application/json', ipynb: 'application/json',
                txt: 'text/plain', md: 'text/plain', csv: 'text/plain' };
  var editors = [];
  document.querySelectorAll('textarea.code-editor').forEach(function (area) {
    // CodeMirror types into a textarea of its own: it gets the label of the one it replaces.
    var label = document.querySelector('label[for="' + area.id + '"]');
    var editor = CodeMirror.fromTextArea(area, {
      mode: area.dataset.mode, lineNumbers: true, indentUnit: 4, viewportMargin: Infinity,
      screenReaderLabel: label ? label.textContent.trim() : area.id,
      extraKeys: { Tab: function (cm) { cm.execCommand(cm.somethingSelected() ? 'indentMore' : 'insertSoftTab'); } }
    });
    var name = document.getElementById(area.id.replace('file-content-', 'file-name-'));
    if (name) name.addEventListener('input', function () {
      var mode = modes[name.value.split('.').pop().toLowerCase()];
      if (mode) editor.setOption('mode', mode);
      showSoon();
    });
    editor.on('change', showSoon);
    editors.push({ name: name, editor: editor });
  });

  // The live preview of a web snippet: the files go to the preview page on the apps' side, which shows
  // them; the frame is loaded only once the snippet is a web one.
  var panel = document.getElementById('preview-panel');
  var frame = document.getElementById('preview');
  var shown = null;
  function showNow() {
    shown = null;
    if (!frame || !frame.contentWindow || panel.hidden) return;
    var files = editors.map(function (e) { return { name: e.name ? e.name.value : '', content: e.editor.getValue() }; });
    frame.contentWindow.postMessage({ learnboxPreview: files }, '*'); // the sandboxed frame's origin is opaque
  }
  function showSoon() {
    if (shown) clearTimeout(shown);
    shown = setTimeout(showNow, 300);
  }
  function openPreview() {
    if (!panel) return;
    panel.hidden = document.getElementById('language').value !== 'web';
    if (!panel.hidden && !frame.getAttribute('src')) frame.src = panel.dataset.url;
  }
  window.addEventListener('message', function (event) {
    if (frame && event.source === frame.contentWindow && event.data && event.data.learnboxPreviewReady) showNow();
  });
  openPreview();

  // Choosing the language names the first file after it (Main.java, main.py, index.html, notebook.ipynb)
  // while that file still has the name a language gave it, or none; a name the learner chose stays.
  var language = document.getElementById('language');
  var first = document.getElementById('file-name-0');
  if (language && first) {
    var given = Array.prototype.map.call(language.options, function (option) { return option.dataset.firstFile; });
    language.addEventListener('change', openPreview);
    language.addEventListener('change', function () {
      var chosen = language.options[language.selectedIndex].dataset.firstFile;
      if (!chosen || (first.value.trim() !== '' && given.indexOf(first.value.trim()) < 0)) return;
      first.value = chosen;
      first.dispatchEvent(new Event('input'));
    });
  }
})();
