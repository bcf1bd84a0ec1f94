"""Kept only for ``pages/interviews.py`` until it calls ``lib.ui.interview_ui.INTERVIEW`` directly; then delete.

The autosave mechanism itself lives in :mod:`lib.ui.autosave`.
"""

from __future__ import annotations

from typing import Any

from lib.ui.interview_ui import INTERVIEW


def sync(obj: Any, _fields: object = ()) -> Any:
    return INTERVIEW.sync(obj)


def show_conflict(obj: Any, _labels: object = None) -> None:
    INTERVIEW.show_conflict(obj)


def base_of(obj: Any) -> Any:
    return INTERVIEW.base(obj)
