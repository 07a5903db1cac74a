"""Reading settings from environment variables."""

import os


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_map(name: str, default: str = "") -> dict[str, str]:
    """`key=value` pairs separated by commas; an item that is only a URL is the "default"
    one (a URL's own `=`, in its query string, comes after its `://`)."""
    pairs = {}
    for item in env_list(name, default):
        key, separator, value = item.partition("=")
        if separator and "://" not in key:
            pairs[key.strip()] = value.strip()
        else:
            pairs["default"] = item
    return pairs
