#!/usr/bin/env python3
"""Runs inside a learner's sandbox (bench/desktop_bench.py copies it there): a small RFB viewer on
the desktop's websocket, through the box's front door as a browser reaches it, timing what a viewer
sees. It asks for updates as noVNC does (a new incremental request after each update) and reads
ZRLE, CopyRect and Raw rectangles by their lengths, without drawing them. Prints JSON.
"""
import argparse
import asyncio
import json
import os
import statistics
import struct
import subprocess
import time

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ZRLE, COPY_RECT, RAW, DESKTOP_SIZE = 16, 1, 0, -223

CLICKER = """
import tkinter
root = tkinter.Tk()
root.geometry("400x300+100+100")
canvas = tkinter.Canvas(root, width=400, height=300, highlightthickness=0, background="white")
canvas.pack()
colours = ["white", "navy"]
def flip(event):
    colours.reverse()
    canvas.configure(background=colours[0])
canvas.bind("<Button-1>", flip)
root.mainloop()
"""

BALL = """
import tkinter
root = tkinter.Tk()
root.geometry("640x480+0+0")
canvas = tkinter.Canvas(root, width=640, height=480, background="white")
canvas.pack()
ball = canvas.create_oval(0, 200, 60, 260, fill="red")
step = [6]
def move():
    x = canvas.coords(ball)[0]
    if x > 580 or x < 0:
        step[0] = -step[0]
    canvas.move(ball, step[0], 0)
    root.after(16, move)
move()
root.mainloop()
"""


class Viewer:
    def __init__(self, socket):
        self.socket = socket
        self.buffer = bytearray()
        self.received = 0
        self.reading = None

    @classmethod
    async def connect(cls, url, cookie):
        request = HTTPRequest(url, headers={"Cookie": cookie})
        socket = await websocket_connect(request, subprotocols=["binary"])
        socket.protocol.set_nodelay(True)  # as a browser's sockets are
        return cls(socket)

    async def read(self, size):
        while len(self.buffer) < size:
            message = await self.socket.read_message()
            if message is None:
                raise EOFError("the desktop closed the connection")
            self.buffer += message
            self.received += len(message)
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    async def send(self, data):
        await self.socket.write_message(data, binary=True)

    async def handshake(self):
        await self.read(12)
        await self.send(b"RFB 003.008\n")
        count = (await self.read(1))[0]
        if 1 not in await self.read(count):
            raise RuntimeError("the desktop asks for a password")
        await self.send(b"\x01")
        if struct.unpack(">I", await self.read(4))[0] != 0:
            raise RuntimeError("the desktop refused the viewer")
        await self.send(b"\x01")  # shared, as noVNC asks
        self.width, self.height = struct.unpack(">HH", await self.read(4))
        await self.read(16)
        await self.read(struct.unpack(">I", await self.read(4))[0])
        await self.send(struct.pack(">BxxxBBBBHHHBBBxxx", 0, 32, 24, 0, 1, 255, 255, 255, 16, 8, 0))
        encodings = [ZRLE, COPY_RECT, RAW, DESKTOP_SIZE]
        await self.send(struct.pack(">BxH", 2, len(encodings)) + b"".join(struct.pack(">i", e) for e in encodings))

    async def request(self, incremental=True):
        await self.send(struct.pack(">BBHHHH", 3, 1 if incremental else 0, 0, 0, self.width, self.height))

    async def update(self, timeout=30):
        """The next framebuffer update, once whole. One not come within the timeout is still read on
        (never cut off midway, which would lose the stream's place) and is the next one asked for."""
        if self.reading is None:
            self.reading = asyncio.ensure_future(self.read_update())
        done, _ = await asyncio.wait({self.reading}, timeout=timeout)
        if not done:
            raise asyncio.TimeoutError()
        reading, self.reading = self.reading, None
        return reading.result()

    async def read_update(self):
        """Reads until one framebuffer update is whole; returns how many rectangles it had."""
        while True:
            kind = (await self.read(1))[0]
            if kind == 0:
                count = struct.unpack(">xH", await self.read(3))[0]
                for _ in range(count):
                    _, _, w, h, encoding = struct.unpack(">HHHHi", await self.read(12))
                    if encoding == ZRLE:
                        await self.read(struct.unpack(">I", await self.read(4))[0])
                    elif encoding == COPY_RECT:
                        await self.read(4)
                    elif encoding == RAW:
                        await self.read(w * h * 4)
                    elif encoding == DESKTOP_SIZE:
                        self.width, self.height = w, h
                    else:
                        raise RuntimeError(f"an encoding not asked for: {encoding}")
                return count
            if kind == 1:
                await self.read(struct.unpack(">xHH", await self.read(5))[1] * 6)
            elif kind == 3:
                await self.read(struct.unpack(">xxxI", await self.read(7))[0])
            elif kind != 2:
                raise RuntimeError(f"a message not known: {kind}")

    async def pointer(self, x, y, buttons):
        await self.send(struct.pack(">BBHH", 5, buttons, x, y))


async def first_frame(url, cookie):
    started = time.monotonic()
    viewer = await Viewer.connect(url, cookie)
    await viewer.handshake()
    await viewer.request(incremental=False)
    await viewer.update()
    return viewer, time.monotonic() - started


async def bytes_per_second(viewer, seconds):
    """Asks for updates as noVNC does for a while; what came, per second."""
    at_start = viewer.received
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await viewer.request()
        try:
            await viewer.update(timeout=max(0.01, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            break
    return (viewer.received - at_start) / seconds


async def settle(viewer, quiet=1.0, most=20):
    """Reads updates until none has come for a while."""
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        await viewer.request()
        try:
            await viewer.update(timeout=quiet)
        except asyncio.TimeoutError:
            return


def program(source):
    return subprocess.Popen(["python3", "-c", source], env=dict(os.environ, DISPLAY=":1"))


def memory_kib(name):
    total = 0
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if comm.read().strip() != name:
                    continue
            with open(f"/proc/{pid}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration, ValueError):
            pass
    return total


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--cookie", required=True)
    parser.add_argument("--clicks", type=int, default=20)
    args = parser.parse_args()
    figures = {}

    viewer, figures["first_frame_cold_s"] = await first_frame(args.url, args.cookie)
    viewer.socket.close()
    warm = []
    for _ in range(5):
        viewer, seconds = await first_frame(args.url, args.cookie)
        warm.append(seconds)
        viewer.socket.close()
    figures["first_frame_warm_s"] = statistics.median(warm)

    viewer, _ = await first_frame(args.url, args.cookie)
    figures["idle_bytes_per_s"] = await bytes_per_second(viewer, 30)
    figures["memory_idle_kib"] = {"Xvnc": memory_kib("Xvnc"), "openbox": memory_kib("openbox")}

    clicker = program(CLICKER)
    try:
        await settle(viewer)  # the window maps and draws
        await viewer.pointer(300, 250, 0)
        await settle(viewer)  # the pointer, where it moved
        latencies = []
        for _ in range(args.clicks):
            await viewer.request()
            pressed = time.monotonic()
            await viewer.pointer(300, 250, 1)
            await viewer.pointer(300, 250, 0)
            await viewer.update(timeout=10)
            latencies.append(time.monotonic() - pressed)
        latencies.sort()
        figures["click_to_frame_ms"] = {"p50": 1000 * statistics.median(latencies),
                                        "p95": 1000 * latencies[int(0.95 * (len(latencies) - 1))]}
    finally:
        clicker.kill()

    ball = program(BALL)
    try:
        await bytes_per_second(viewer, 3)  # the window maps
        figures["animation_bytes_per_s"] = await bytes_per_second(viewer, 20)
        figures["memory_animation_kib"] = {"Xvnc": memory_kib("Xvnc"), "openbox": memory_kib("openbox")}
    finally:
        ball.kill()
    viewer.socket.close()
    print(json.dumps(figures))


if __name__ == "__main__":
    asyncio.run(main())
