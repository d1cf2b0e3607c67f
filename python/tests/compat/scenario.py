"""A backend scenario written only against the official `opentok` 3.x documented API.

Run as `python scenario.py EMULATOR_URL` with either package importable as `opentok`. It prints one
line per step and exits non-zero on the first unexpected behaviour. It never uses anything this
project adds (no AsyncClient, no extra methods or exception classes).
"""

import sys
import time

from opentok import Client, MediaModes, ArchiveModes, Roles, OutputModes, OpenTokException
from opentok.exceptions import NotFoundError, AuthError, ArchiveError


API_KEY = "123456"
API_SECRET = "0123456789abcdef0123456789abcdef01234567"


def step(name, ok=True):
    print(("ok   " if ok else "FAIL ") + name)
    if not ok:
        sys.exit(1)


def main(url):
    import json
    import urllib.request

    def admin(method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        raw = opener.open(req, timeout=10).read()
        return json.loads(raw) if raw else None

    opentok = Client(API_KEY, API_SECRET, api_url=url)

    session = opentok.create_session(media_mode=MediaModes.routed, archive_mode=ArchiveModes.manual)
    step("create_session returns a Session with session_id", bool(session.session_id))
    step("session keeps media_mode", session.media_mode == MediaModes.routed)

    token = opentok.generate_token(session.session_id, role=Roles.moderator, expire_time=int(time.time()) + 3600,
                                   data="name=Johnny", initial_layout_class_list=["focus"])
    step("generate_token returns a JWT", token.count(".") == 2)
    step("Session.generate_token works", bool(session.generate_token(role=Roles.subscriber)))
    step("legacy T1 token", opentok.generate_token(session.session_id, use_jwt=False).startswith("T1=="))
    try:
        opentok.generate_token(session.session_id, expire_time=int(time.time()) - 10)
        step("expired token rejected", False)
    except OpenTokException:
        step("expired token rejected")

    admin("POST", "/_emulator/sessions/" + session.session_id + "/streams", {})  # a client publishes
    archive = opentok.start_archive(session.session_id, name="Important Presentation", output_mode=OutputModes.composed)
    step("start_archive returns a started Archive", archive.status == "started" and archive.name == "Important Presentation")
    try:
        opentok.start_archive(session.session_id, name="second")
        step("second archive of a session conflicts (409 -> ArchiveError)", False)
    except ArchiveError:
        step("second archive of a session conflicts (409 -> ArchiveError)")

    got = opentok.get_archive(archive.id)
    step("get_archive finds it", got.id == archive.id and got.session_id == session.session_id)
    archive.stop()
    step("Archive.stop() updates status", archive.status == "stopped")

    archive_list = opentok.get_archives(session_id=session.session_id)
    step("get_archives(session_id=) lists it", archive_list.count == 1 and [a.id for a in archive_list] == [archive.id])
    step("list_archives is an alias", opentok.list_archives(session_id=session.session_id).count == 1)

    try:
        opentok.get_archive("00000000-0000-0000-0000-000000000000")
        step("unknown archive -> NotFoundError", False)
    except NotFoundError:
        step("unknown archive -> NotFoundError")

    opentok.send_signal(session.session_id, {"type": "chat", "data": "Hello"})
    step("send_signal to the session")
    streams = opentok.list_streams(session.session_id)
    step("list_streams returns the published stream", streams.count == 1 and len(streams.items) == 1)
    stream = opentok.get_stream(session.session_id, streams.items[0].id)
    step("get_stream returns it", stream.id == streams.items[0].id)
    opentok.set_stream_class_lists(session.session_id, [{"id": stream.id, "layoutClassList": ["focus"]}])
    step("set_stream_class_lists")
    opentok.mute_stream(session.session_id, stream.id)
    step("mute_stream")

    broadcast = opentok.start_broadcast(session.session_id, {"outputs": {"hls": {}}, "maxDuration": 5400,
                                                              "resolution": "1280x720"})
    step("start_broadcast returns a Broadcast", broadcast.status == "started" and bool(broadcast.broadcastUrls))
    step("stop_broadcast", opentok.stop_broadcast(broadcast.id).status == "stopped")

    bad = Client(API_KEY, "f" * 40, api_url=url)
    try:
        bad.get_archive(archive.id)
        step("wrong secret -> AuthError", False)
    except AuthError:
        step("wrong secret -> AuthError")
    print("scenario passed")


if __name__ == "__main__":
    main(sys.argv[1])
