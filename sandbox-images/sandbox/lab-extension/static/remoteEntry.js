// LearnBox's JupyterLab extension, written by hand in the shape of a federated extension (a
// container with init and get, as JupyterLab 4 loads one), so no webpack build is needed. What it
// needs of JupyterLab's own modules (the launcher's token, icons) it takes from the shared scope
// that init is given, as a built extension would.
//
// The LearnBox menu (its items are in schemas/@learnbox/lab/menu.json) and launcher cards open
// the box's own pages, at the site's root, in a tab of their own: the lab stays as it is.
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

  // The language the box's pages chose (their cookie), else the browser's: any Chinese reads Chinese.
  var CHINESE = (function () {
    var chosen = document.cookie.match(/(?:^|; )learnbox-language=([^;]*)/);
    var language = chosen ? decodeURIComponent(chosen[1]) : (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return /^zh/i.test(language);
  })();

  function say(english, chinese) {
    return CHINESE ? chinese : english;
  }

  // The box's pages: command, label, address, and whether only teachers and admins have it.
  var PAGES = [
    ['learnbox:dashboard', say('Dashboard', '主页'), '/', false],
    ['learnbox:assignments', say('My assignments', '我的作业'), '/assignments', false],
    ['learnbox:snippets', say('My snippets', '我的代码片段'), '/snippets', false],
    ['learnbox:apps', say('My live apps', '我的在线应用'), '/#apps', false],
    ['learnbox:repositories', say('My repositories', '我的仓库'), '/repositories', false],
    ['learnbox:classes', say('My classes', '我的班级'), '/classes', true],
    ['learnbox:password', say('Change my password', '修改我的密码'), '/account/password', false]
  ];
  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="3" y="5" width="18" height="14" rx="2"'
    + ' fill="none" stroke="#1565c0" stroke-width="2"/><path d="M7 10l3 2-3 2M12 15h5" fill="none" stroke="#1565c0" stroke-width="2"/></svg>';

  // Who is at work here, as the box knows them (for the pages only teachers have); nobody when the box's session ended.
  function whoAmI() {
    return fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (answer) { return answer.ok ? answer.json() : {}; })
      .catch(function () { return {}; });
  }

  function addCommands(app, teaches, icon) {
    PAGES.forEach(function (page) {
      if (app.commands.hasCommand(page[0])) return;
      app.commands.addCommand(page[0], {
        label: page[1],
        caption: say('Opens ' + page[1] + ' of LearnBox in a new tab', '在新标签页中打开 LearnBox 的' + page[1]),
        icon: icon,
        isVisible: function () { return !page[3] || teaches(); },
        execute: function () { window.open(page[2], '_blank', 'noopener'); }
      });
    });
  }

  // The assignment a document belongs to: released ones live in ~/assignments/ID/.
  function assignmentOf(app) {
    var widget = app.shell.currentWidget;
    var path = widget && widget.context && widget.context.path;
    var found = /^assignments\/([a-z0-9][a-z0-9-]*)\//.exec(path || '');
    return found ? found[1] : null;
  }

  // Submitting is the box's: its page for the assignment, where the Submit button is, saves the notebook's
  // latest state first (the lab saves before the page opens) and shows the score as it comes.
  function addSubmit(app, icon) {
    if (app.commands.hasCommand('learnbox:submit-assignment')) return;
    app.commands.addCommand('learnbox:submit-assignment', {
      label: function () {
        var id = assignmentOf(app);
        return id ? say('Submit assignment ', '提交作业 ') + id : say('Submit an assignment', '提交作业');
      },
      caption: say('Saves this notebook and opens its assignment on LearnBox, to submit it', '保存这个笔记本，并在 LearnBox 上打开它的作业以提交'),
      icon: icon,
      execute: function () {
        var id = assignmentOf(app);
        var widget = app.shell.currentWidget;
        var saved = id && widget && widget.context ? widget.context.save() : Promise.resolve();
        return Promise.resolve(saved).catch(function () {}).then(function () {
          window.open(id ? '/assignments/' + encodeURIComponent(id) + '#submit' : '/assignments', '_blank', 'noopener');
        });
      }
    });
  }

  // The learner's desktop, where windows of Swing, AWT, tkinter and turtle programs show: this lab's
  // server serves it at its own address (learnbox_desktop.py), so it opens beside the lab.
  var DESKTOP_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><rect x="2" y="3" width="20" height="14" rx="1.5"'
    + ' fill="none" stroke="#1565c0" stroke-width="2"/><rect x="5" y="6" width="8" height="6" fill="#90caf9"/>'
    + '<path d="M8 21h8M12 17v4" stroke="#1565c0" stroke-width="2"/></svg>';

  function serverBase() {
    try {
      return JSON.parse(document.getElementById('jupyter-config-data').textContent).baseUrl || '/';
    } catch (e) {
      return '/';
    }
  }

  function addDesktop(app, icon) {
    if (app.commands.hasCommand('learnbox:desktop')) return;
    app.commands.addCommand('learnbox:desktop', {
      label: say('Desktop', '桌面'),
      caption: say('Opens your desktop in a new tab: the windows of your programs (Swing, tkinter, turtle) show there',
        '在新标签页中打开你的桌面：你的程序（Swing、tkinter、turtle）的窗口显示在那里'),
      icon: icon,
      execute: function () { window.open(serverBase() + 'desktop/', 'learnbox-desktop'); }
    });
  }

  var shared = null;
  // A module of JupyterLab's shared scope, or null when this JupyterLab does not share it.
  function sharedModule(name) {
    var versions = shared && shared[name];
    if (!versions) return Promise.resolve(null);
    var newest = Object.keys(versions).sort().pop();
    return Promise.resolve(versions[newest].get()).then(function (factory) { return factory(); })
      .catch(function () { return null; });
  }

  function plugins() {
    return Promise.all([sharedModule('@jupyterlab/launcher'), sharedModule('@jupyterlab/ui-components')]).then(function (found) {
      var launcher = found[0] && found[0].ILauncher;
      var ui = found[1];
      var icon = ui && ui.LabIcon ? new ui.LabIcon({ name: 'learnbox:box', svgstr: ICON }) : undefined;
      var desktopIcon = ui && ui.LabIcon ? new ui.LabIcon({ name: 'learnbox:desktop', svgstr: DESKTOP_ICON }) : undefined;
      var role = {};
      var teaches = function () { return role.teaches === true; };
      var menu = {
        id: '@learnbox/lab:menu',
        description: "The LearnBox menu: the box's own pages.",
        autoStart: true,
        optional: launcher ? [launcher] : [],
        activate: function (app, cards) {
          addCommands(app, teaches, icon);
          addSubmit(app, icon);
          addDesktop(app, desktopIcon);
          if (cards) cards.add({ command: 'learnbox:desktop', category: 'Other', rank: 0 });
          whoAmI().then(function (me) {
            role = me;
            app.commands.notifyCommandChanged();
            if (!cards) return;
            PAGES.forEach(function (page, rank) {
              if (!page[3] || teaches()) cards.add({ command: page[0], category: 'LearnBox', rank: rank });
            });
          });
        }
      };
      return [menu, notices];
    });
  }

  _JUPYTERLAB = _JUPYTERLAB || {};
  _JUPYTERLAB['@learnbox/lab'] = {
    init: function (scope) {
      shared = scope || null;
      return Promise.resolve();
    },
    get: function (module) {
      if (module !== './extension') return Promise.reject(new Error('@learnbox/lab has no module ' + module));
      return plugins().then(function (list) {
        return function () { return { __esModule: true, default: list }; };
      });
    }
  };
})();
