"""Windows of a notebook's tkinter and turtle programs (an IPython extension the Python kernel loads;
issue 18): they stay alive between cells, and a learner whose desktop is not open is told where
the window went.

A cell that opens a Tk window and ends leaves nobody to answer the window's events: on the learner's
desktop it would not repaint, move or take a click. Once a cell has made a Tk window, the kernel runs
Tk's event loop while it waits for the next cell, as `%gui tk` does by hand.
"""
import importlib.abc
import importlib.util
import json
import os
import sys

DESKTOP_STATE = "/tmp/learnbox-desktop/state.json"


def desktop_watched():
    """Whether a desktop tab is open (the lab's server writes it; nothing written: nobody looks)."""
    try:
        with open(DESKTOP_STATE, encoding="utf-8") as state:
            return json.load(state).get("viewers", 0) > 0
    except (OSError, ValueError):
        return False


def tell_where_the_window_is():
    from IPython.display import HTML, display

    desktop = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/") + "desktop/"
    display({
        "text/plain": "This program's window is on your desktop, which is not open: open Desktop in the launcher (" + desktop + ").",
        "text/html": "This program's window is on your desktop, which is not open: "
                     '<a href="' + desktop + '" target="learnbox-desktop">open your desktop</a> (Desktop in the launcher).',
    }, raw=True)


class TkWatch(importlib.abc.MetaPathFinder):
    """Sees tkinter imported, and from then on every Tk window made while nobody looks at the desktop."""

    def find_spec(self, name, path=None, target=None):
        if name != "tkinter":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            made = module.Tk.__init__

            def tk_init(window, *args, **kwargs):
                made(window, *args, **kwargs)
                if not desktop_watched():
                    tell_where_the_window_is()

            module.Tk.__init__ = tk_init

        spec.loader.exec_module = exec_module
        return spec


def load_ipython_extension(shell):
    if os.environ.get("DISPLAY") and "tkinter" not in sys.modules:
        sys.meta_path.insert(0, TkWatch())

    def windows_stay_alive(result):
        tkinter = sys.modules.get("tkinter")
        if tkinter is None or shell.active_eventloop or getattr(tkinter, "_default_root", None) is None:
            return
        try:
            shell.enable_gui("tk")
        except Exception as failed:  # a kernel that cannot is no worse than before
            print("learnbox: the window will not answer between cells:", failed, file=sys.stderr)

    shell.events.register("post_run_cell", windows_stay_alive)
