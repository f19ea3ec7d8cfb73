#!/usr/bin/env python3
"""Runs inside a desktop app's container (bench/desktop_app_bench.py copies it there): one visitor.
Opens the app's page (for its cookie), starts the visitor's instance, connects to its screen as
noVNC does and asks for whole frames (Raw) until the program's window shows a quarter in from the
corner (a pixel that is not the black of an empty display). Prints JSON: the seconds from the
page to the window, the visitor's number; then holds the connection for --hold seconds.
"""
import argparse
import asyncio
import json
import struct
import time

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect


async def visit(base, hold):
    began = time.monotonic()
    client = AsyncHTTPClient()
    page = await client.fetch(base + "/")
    cookie = page.headers.get_list("Set-Cookie")[0].split(";")[0]
    started = await client.fetch(HTTPRequest(base + "/start", method="POST", body=b"", headers={"Cookie": cookie}))
    visitor = json.loads(started.body)["visitor"]
    socket = await websocket_connect(HTTPRequest(base.replace("http", "ws", 1) + "/screen", headers={"Cookie": cookie}),
                                     subprotocols=["binary"])
    pending = bytearray()

    async def read(count):
        while len(pending) < count:
            message = await socket.read_message()
            if message is None:
                raise SystemExit("the screen closed")
            pending.extend(message)
        taken = bytes(pending[:count])
        del pending[:count]
        return taken

    await read(12)
    socket.write_message(b"RFB 003.008\n", binary=True)
    await read((await read(1))[0])
    socket.write_message(b"\x01", binary=True)
    await read(4)
    socket.write_message(b"\x01", binary=True)
    init = await read(24)
    width, height = struct.unpack(">HH", init[:4])
    await read(struct.unpack(">I", init[20:24])[0])
    socket.write_message(struct.pack(">BxHi", 2, 1, 0), binary=True)  # Raw only: pixels as they are
    # A quarter in from the corner: the server draws the pointer at the centre into the pixels.
    spot_x, spot_y = width // 4, height // 4
    while True:
        socket.write_message(struct.pack(">BBHHHH", 3, 0, 0, 0, width, height), binary=True)
        await read(2)
        rectangles = struct.unpack(">H", await read(2))[0]
        seen = None
        for _ in range(rectangles):
            x, y, w, h, encoding = struct.unpack(">HHHHi", await read(12))
            pixels = await read(w * h * 4) if encoding == 0 else b""
            if encoding == 0 and x <= spot_x < x + w and y <= spot_y < y + h:
                at = ((spot_y - y) * w + (spot_x - x)) * 4
                seen = pixels[at:at + 3]
        if seen is not None and seen != b"\x00\x00\x00":
            break
        await asyncio.sleep(0.02)
    print(json.dumps({"visitor": visitor, "window_seconds": round(time.monotonic() - began, 3)}), flush=True)
    await asyncio.sleep(hold)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--hold", type=float, default=0)
    args = parser.parse_args()
    asyncio.run(visit(args.url, args.hold))


if __name__ == "__main__":
    main()
