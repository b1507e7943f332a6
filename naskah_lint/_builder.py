"""Frozen records built by the thousand without their frozen `__init__` (Run, Block, Pasal,
Finding...).

A frozen dataclass's `__init__` stores each field through `object.__setattr__`, about three
times the cost of a plain slot store: for the ~5,000 runs of a 100-page draft that was a tenth of
a read, and Pasal's sixteen keyword arguments cost ~2.3 µs each. `record_builder(cls)` returns a
plain class with `cls`'s exact `__slots__` whose `__init__` (generated from the dataclass's
fields, as dataclasses generates its own) stores every field and then assigns `__class__ = cls`.
Python allows that between classes of identical slot layout, so what a builder returns is a
genuine, frozen `cls`, equal to one built by `cls`'s own constructor. Every field is required
(no defaults are filled in); only slotted dataclasses without `__post_init__` qualify.
"""

from __future__ import annotations

import dataclasses
import keyword
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def record_builder(cls: type[T]) -> Callable[..., T]:
    """A fast constructor of `cls` taking every field, positionally or by name."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: not a dataclass without __post_init__")
    names = tuple(f.name for f in dataclasses.fields(cls))
    if tuple(getattr(cls, "__slots__", ())) != names:
        raise TypeError(f"{cls.__name__}: its __slots__ are not its fields {names}")
    if any(keyword.iskeyword(n) or n in ("self", "_record_class") for n in names):
        raise TypeError(f"{cls.__name__}: a field name cannot be a parameter name")
    source = f"def __init__(self, {', '.join(names)}):\n"
    source += "".join(f"    self.{n} = {n}\n" for n in names)
    source += "    self.__class__ = _record_class\n"
    namespace: dict[str, Any] = {}
    exec(source, {"_record_class": cls}, namespace)  # the source holds field names only
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__name__}Builder.__init__"
    doc = f"{cls.__name__}({', '.join(names)}), built without its frozen __init__."
    builder: Callable[..., T] = type(
        f"{cls.__name__}Builder", (), {"__slots__": names, "__init__": init, "__doc__": doc}
    )
    return builder
