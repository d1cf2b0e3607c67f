"""``Response``: what ``mute_stream``, ``mute_all``, ``disable_force_mute``, ``play_dtmf`` and
``stop_render`` return, with the members of the ``requests.Response`` the official package returns."""

import json
from typing import Any, Dict, Iterator, Mapping, MutableMapping, Optional, Tuple


class CaseInsensitiveDict(MutableMapping[str, str]):
    """Response headers; lookups ignore case (as ``requests.structures.CaseInsensitiveDict``)."""

    def __init__(self, data: Optional[Any] = None) -> None:
        self._store: Dict[str, Tuple[str, str]] = {}
        if data:
            items = data.items() if isinstance(data, Mapping) else data
            for k, v in items:
                self[k] = v

    def __setitem__(self, key: str, value: str) -> None:
        old = self._store.get(key.lower())
        if old is not None:  # repeated header: joined as requests/urllib3 do
            value = f"{old[1]}, {value}"
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key: str) -> str:
        return self._store[key.lower()][1]

    def __delitem__(self, key: str) -> None:
        del self._store[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self._store.values())

    def __len__(self) -> int:
        return len(self._store)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


class Response(object):
    """The service's HTTP answer: ``status_code``, ``ok``, ``reason``, ``headers``, ``text``,
    ``content``, ``json()``, ``raise_for_status()``, ``url``; true when ``ok`` (as ``requests.Response``)."""

    def __init__(self, status: int, headers: Any, body: bytes, url: str = "", method: str = "") -> None:
        self.status_code: int = status
        self.headers: CaseInsensitiveDict = CaseInsensitiveDict(headers)
        self.content: bytes = body
        self.url: str = url
        self.method: str = method
        from http.client import responses  # on first use only: http.client imports ssl and email (~14 ms)

        self.reason: str = responses.get(status, "")
        self.encoding: Optional[str] = "utf-8"

    @property
    def ok(self) -> bool:
        return self.status_code < 400

    def __bool__(self) -> bool:
        return self.ok

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding or "utf-8", errors="replace")

    def json(self, **kwargs: Any) -> Any:
        """The body as JSON (raises ``ValueError`` when it is not JSON, e.g. the empty body of a 204)."""
        return json.loads(self.text, **kwargs)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            from .exceptions import RequestError

            raise RequestError(f"{self.status_code} {self.reason} for url: {self.url}")

    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"
