"""Turning domain records into archive rows and back, guided by their type hints."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Any


@cache
def _hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _base(hint):
    """The non-None type of ``X | None``; the hint itself otherwise."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0]
    return hint


def encode_value(value):
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return json.dumps([encode_value(v) for v in value], ensure_ascii=False)
    return value


def to_row(record) -> dict:
    return {f.name: encode_value(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _decoder(hint) -> Callable[[Any], Any] | None:
    """A function turning a stored value into the field's type; None if no change is needed."""
    hint = _base(hint)
    if typing.get_origin(hint) is tuple:
        inner = _decoder(typing.get_args(hint)[0]) or (lambda v: v)
        return lambda value: tuple(inner(v) for v in json.loads(value))
    if isinstance(hint, type):
        if issubclass(hint, Enum):
            return hint
        if hint is bool:
            return bool
        if hint is date:
            return date.fromisoformat
    return None


@cache
def _decoders(cls) -> tuple[tuple[str, Callable | None], ...]:
    return tuple((name, _decoder(hint)) for name, hint in _hints(cls).items())


def from_row(cls, row: dict):
    """The record for a row; columns the record lacks are ignored, missing ones take defaults.
    A value the record cannot hold (an unknown state, broken JSON) is damage: CorruptArchive."""
    values = {}
    name = ""
    try:
        for name, decode in _decoders(cls):
            if name in row:
                value = row[name]
                values[name] = decode(value) if decode is not None and value is not None else value
        name = ""
        return cls(**values)
    except (ValueError, TypeError, KeyError) as error:
        from coprod_desktop.storage.damage import damaged_value, in_a_record

        raise damaged_value(in_a_record(name, cls.__name__.lower())) from error


def encode_changes(cls, changes: dict) -> dict:
    """Row values for a partial update; ValueError for a field the record lacks."""
    hints = _hints(cls)
    unknown = set(changes) - set(hints)
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    return {name: encode_value(value) for name, value in changes.items()}
