"""Small helpers shared by the result classes."""

import json
from typing import Any, Dict


def _default(obj: Any) -> Any:
    if hasattr(obj, "isoformat"):  # datetime / date
        return obj.isoformat()
    value = getattr(obj, "value", None)  # Enum members
    if value is not None:
        return value
    if hasattr(obj, "attrs"):
        return obj.attrs()
    if hasattr(obj, "__dict__"):
        return {k: v for k, v in obj.__dict__.items() if k != "sdk"}
    if isinstance(obj, map):
        return list(obj)
    return None


def dthandler(obj: Any) -> Any:
    """JSON ``default=`` helper of the official package: dates as ISO text, anything else as ``None``."""
    from datetime import date

    return obj.isoformat() if isinstance(obj, date) else None


def attrs_of(obj: Any) -> Dict[str, Any]:
    return {k: v for k, v in obj.__dict__.items() if k != "sdk"}


def to_json(value: Any) -> str:
    return json.dumps(value, default=_default, sort_keys=True, indent=4)


def repr_of(obj: Any, *names: str) -> str:
    inner = ", ".join(f"{n}={getattr(obj, n, None)!r}" for n in names)
    return f"<{type(obj).__name__} {inner}>"
