"""The :class:`Session` returned by ``create_session()``."""

from typing import Any

from .exceptions import OpenTokException


class Session(object):
    """An OpenTok session. ``session_id`` is the id; ``location``, ``media_mode``, ``archive_mode``
    and ``e2ee`` echo the options it was created with."""

    def __init__(self, sdk: Any, session_id: str, **kwargs: Any) -> None:
        if not isinstance(session_id, str) or not session_id:
            raise OpenTokException("Cannot instantiate Session, session_id was not valid {0}".format(session_id))
        self.session_id = session_id
        self.sdk = sdk
        for key, value in kwargs.items():
            setattr(self, key, value)

    def generate_token(self, **kwargs: Any) -> str:
        """A client token for this session; keyword arguments as ``Client.generate_token()``."""
        return self.sdk.generate_token(self.session_id, **kwargs)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<Session session_id={self.session_id!r}>"
