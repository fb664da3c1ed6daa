"""uvicorn's command line, with TCP_NODELAY on every worker's connections.

`uvicorn --workers N` (0.54) binds its listening socket as
`socket.socket(family=...)`, whose `proto` is 0; asyncio sets TCP_NODELAY only
on sockets whose proto is IPPROTO_TCP, so with N > 1 workers Nagle's algorithm
meets the client's delayed ACK and every keep-alive answer written in two
parts (headers, body) waits ~40 ms (bench/results/perf-20261128: a cached
/search 1.5 ms with 1 worker, 48 ms with 2). With 1 worker uvicorn binds through
asyncio and is not affected (`mergegraph serve` runs one). Known upstream:
uvicorn issue #3149 (open when this was written). This runner makes the
multi-worker socket what the 1-worker one is:

    python bench/uvicorn_nodelay.py mergegraph.api.app:create_app --factory --workers 2 ...
"""

import socket
import sys

import uvicorn.config
import uvicorn.main

_bind_socket = uvicorn.config.Config.bind_socket


def bind_socket(self):
    sock = _bind_socket(self)
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
        # from the descriptor, the kernel says what it is: IPPROTO_TCP
        sock = socket.socket(fileno=sock.detach())
    return sock


uvicorn.config.Config.bind_socket = bind_socket

if __name__ == "__main__":
    sys.exit(uvicorn.main.main())
