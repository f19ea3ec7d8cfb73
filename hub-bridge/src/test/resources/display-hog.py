"""A program that makes the X display allocate for it without end: pixmaps of 64 MiB, each drawn
into (so its pages are the display's memory), through Xlib as any X program does (DesktopE2EIT)."""
import ctypes
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XCreatePixmap.restype = ctypes.c_ulong
x.XCreatePixmap.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_uint, ctypes.c_uint, ctypes.c_uint]
x.XCreateGC.restype = ctypes.c_void_p
x.XCreateGC.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_void_p]
x.XFillRectangle.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
display = x.XOpenDisplay(b":1")
root = x.XDefaultRootWindow(display)
for made in range(1, 201):  # 200 pixmaps of 64 MiB: far past any sandbox's memory
    pixmap = x.XCreatePixmap(display, root, 4096, 4096, 24)
    gc = x.XCreateGC(display, pixmap, 0, None)
    x.XFillRectangle(display, pixmap, gc, 0, 0, 4096, 4096)
    x.XSync(display, 0)
    print("made", made, flush=True)
