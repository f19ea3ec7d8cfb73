#!/usr/bin/env python3
"""`1 + 1` through the front door (issue 15): one learner logs in, opens a kernel and runs `1 + 1` over the kernel's
WebSocket through the proxy, as JupyterLab does; a round trip is from the execute_request sent to the kernel's
status idle received. Runs in a container of the sandbox image (it has Tornado). Prints one JSON object.

Usage: cell_driver.py --base http://localhost:19000 --learner NAME --password PW --kernel python3 --runs 200 --warmup 50
"""
import argparse
import asyncio
import json
import sys
import time

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from school_day_driver import Learner


async def round_trips(learner, runs, warmup):
    path = f"/user/{learner.name}/api/kernels/{learner.kernel_id}/channels"
    url = learner.base.replace("http", "ws", 1) + path + f"?session_id={learner.session}"
    socket = await websocket_connect(HTTPRequest(url, headers={"Cookie": learner.cookie_header(path), "Origin": learner.base},
                                                 request_timeout=120))
    trips = []
    for run in range(warmup + runs):
        msg_id, text = learner.message("1 + 1")
        sent = time.perf_counter()
        await socket.write_message(text)
        while True:
            reply = json.loads(await asyncio.wait_for(socket.read_message(), timeout=60))
            if (reply.get("parent_header", {}).get("msg_id") == msg_id and reply["msg_type"] == "status"
                    and reply["content"]["execution_state"] == "idle"):
                break
        if run >= warmup:
            trips.append(time.perf_counter() - sent)
    socket.close()
    return trips


def main(args):
    learner = Learner(args.base, args.learner, args.password, args.kernel)
    learner.log_in_and_open()
    trips = asyncio.run(round_trips(learner, args.runs, args.warmup))
    learner.request(f"/user/{learner.name}/api/kernels/{learner.kernel_id}", None, "DELETE", {"X-XSRFToken": learner.lab_xsrf})
    print(json.dumps({"kernel": args.kernel, "round_trips": [round(t, 5) for t in trips]}))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--learner", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--kernel", default="python3")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    main(parser.parse_args(sys.argv[1:]))
