// LearnBox's JupyterLab extension, written by hand in the shape of a federated extension (a
// container with init and get, as JupyterLab 4 loads one): it needs nothing of JupyterLab's
// shared modules, only commands, so no webpack build is needed.
//
// Notices: the box's words for everyone at work (an admin's, or the box's own after an upgrade),
// from the bridge at the site's root. Each new one shows once as a notification that stays until
// it is closed; a lab asks again every 30 seconds.
var _JUPYTERLAB;
(function () {
  'use strict';
  var EVERY_MS = 30000;
  var SEEN = 'learnbox:notices-seen';

  function seen() {
    try {
      return JSON.parse(window.localStorage.getItem(SEEN) || '[]');
    } catch (e) {
      return [];
    }
  }

  function remember(ids) {
    try {
      window.localStorage.setItem(SEEN, JSON.stringify(ids.slice(-50)));
    } catch (e) {
      // A browser that keeps nothing shows a notice again after a reload; no harm.
    }
  }

  var notices = {
    id: '@learnbox/lab:notices',
    description: "Shows the box's notices as notifications.",
    autoStart: true,
    activate: function (app) {
      var shown = seen();
      function ask() {
        return fetch('/notices', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (answer) { return answer.ok ? answer.json() : []; })
          .then(function (list) {
            list.slice().reverse().forEach(function (notice) {
              if (shown.indexOf(notice.id) >= 0) return;
              shown.push(notice.id);
              app.commands.execute('apputils:notify', {
                message: notice.message,
                type: 'info',
                options: { autoClose: false, data: { learnbox: notice.id } }
              });
            });
            remember(shown);
          })
          .catch(function () {
            // The box restarting (an upgrade): the next question finds it back.
          });
      }
      app.restored.then(ask);
      window.setInterval(ask, EVERY_MS);
    }
  };

  var modules = {
    './extension': function () {
      return { __esModule: true, default: [notices] };
    }
  };

  _JUPYTERLAB = _JUPYTERLAB || {};
  _JUPYTERLAB['@learnbox/lab'] = {
    init: function () {
      return Promise.resolve();
    },
    get: function (module) {
      if (!modules[module]) return Promise.reject(new Error('@learnbox/lab has no module ' + module));
      return Promise.resolve(modules[module]);
    }
  };
})();
