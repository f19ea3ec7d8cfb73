"""Windows of a notebook's tkinter and turtle programs stay alive between cells (an IPython extension
the Python kernel loads; issue 18).

A cell that opens a Tk window and ends leaves nobody to answer the window's events: on the learner's
desktop it would not repaint, move or take a click. Once a cell has made a Tk window, the kernel runs
Tk's event loop while it waits for the next cell, as `%gui tk` does by hand.
"""
import sys


def load_ipython_extension(shell):
    def windows_stay_alive(result):
        tkinter = sys.modules.get("tkinter")
        if tkinter is None or shell.active_eventloop or getattr(tkinter, "_default_root", None) is None:
            return
        try:
            shell.enable_gui("tk")
        except Exception as failed:  # a kernel that cannot is no worse than before
            print("learnbox: the window will not answer between cells:", failed, file=sys.stderr)

    shell.events.register("post_run_cell", windows_stay_alive)
