"""One Client shared by 8 threads; blocking calls release the GIL."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import opentok

from conftest import API_KEY, API_SECRET


def test_eight_threads_share_one_client(client: Any, emulator: Any) -> None:
    sid = emulator.session()
    emulator.stream(sid)

    def work(i: int) -> int:
        n = 0
        for j in range(25):
            assert client.list_archives(session_id=sid).count >= 0
            tok = client.generate_token(sid, data=f"t{i}-{j}")
            assert tok.count(".") == 2
            assert client.get_stream(sid, client.list_streams(sid)[0].id).id
            n += 1
        return n

    with ThreadPoolExecutor(8) as pool:
        assert sum(pool.map(work, range(8))) == 200


def test_blocking_call_releases_the_gil(emulator: Any) -> None:
    c = opentok.Client(API_KEY, API_SECRET, api_url=emulator.url)
    emulator.fault(latencyMs=400, count=1)
    counter = 0
    stop = threading.Event()

    def spin() -> None:
        nonlocal counter
        while not stop.is_set():
            counter += 1

    t = threading.Thread(target=spin)
    t.start()
    start = time.monotonic()
    try:
        c.get_archive("x")
    except opentok.OpenTokException:
        pass
    elapsed = time.monotonic() - start
    stop.set()
    t.join()
    assert elapsed >= 0.35
    assert counter > 100_000  # the other thread ran while we waited
