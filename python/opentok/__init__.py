"""``opentok`` — the OpenTok server SDK for Python, on a Rust core (distribution ``opentok-rs``).

A drop-in for the official ``opentok`` package: the same classes, methods, options, result objects
and exceptions, plus :class:`AsyncClient` for asyncio.
"""

from typing import TYPE_CHECKING, Any

from .opentok import OpenTok, Client, Roles, MediaModes, ArchiveModes
from .session import Session
from .archives import Archive, ArchiveList, OutputModes, StreamModes
from .exceptions import (
    OpenTokException,
    AuthError,
    ForceDisconnectError,
    ArchiveError,
    SetStreamClassError,
    BroadcastError,
)
from .version import __version__
from .stream import Stream
from .streamlist import StreamList
from .sip_call import SipCall
from .broadcast import Broadcast, BroadcastStreamModes
from .render import Render, RenderList
from .websocket_audio_connection import WebSocketAudioConnection

__all__ = [
    "OpenTok", "Client", "AsyncClient", "Roles", "MediaModes", "ArchiveModes", "Session", "Archive",
    "ArchiveList", "OutputModes", "StreamModes", "OpenTokException", "AuthError", "ForceDisconnectError",
    "ArchiveError", "SetStreamClassError", "BroadcastError", "__version__", "Stream", "StreamList",
    "SipCall", "Broadcast", "BroadcastStreamModes", "Render", "RenderList", "WebSocketAudioConnection",
]


if TYPE_CHECKING:
    from .async_client import AsyncClient


def __getattr__(name: str) -> Any:
    # AsyncClient imports asyncio (~10 ms); load it only when asked for.
    if name == "AsyncClient":
        from .async_client import AsyncClient

        globals()["AsyncClient"] = AsyncClient
        return AsyncClient
    raise AttributeError(f"module 'opentok' has no attribute {name!r}")
