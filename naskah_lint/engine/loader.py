"""Load a rule pack (a folder of YAML) into validated, typed `Pack`/`RuleSpec` objects.

Policy is data: every mistake in a pack is a `ConfigError` naming the file, the key path and the
reason (exit code 2), never a traceback. Kinds come from `naskah_lint.kinds.builtin_kinds()`,
the engine's own `engine` kind and the entry-point group `naskah_lint.kinds`; `naskah_lint.packs`
finds the pack's folder.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
import string
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from naskah_lint.config import DEFAULT_PROFILE
from naskah_lint.engine.api import Context, Hit, Kind, Pack, PackData, RuleSpec, Text
from naskah_lint.errors import ConfigError
from naskah_lint.findings import Severity
from naskah_lint.packs import PACK_NAME, entry_points, find_pack

KINDS_GROUP = "naskah_lint.kinds"
ENGINE_KIND = "engine"

GROUPS = ("STRUCT", "CLAUSE", "FMT", "CONS", "AUTH", "META")
RULE_ID = re.compile(r"^(STRUCT|CLAUSE|FMT|CONS|AUTH|META)-[A-Z0-9-]+$")
DOC_TYPES = ("NK", "PKS", "ADDENDUM", "OTHER")
LANGUAGES = ("id", "en")
CONFIDENCES = ("verified", "secondary", "practice", "recalled")
SEVERITIES = tuple(s.value for s in Severity)

_RULE_KEYS = frozenset(
    {
        "id",
        "group",
        "title",
        "severity",
        "severity_final",
        "applies_to",
        "languages",
        "kind",
        "params",
        "message",
        "messages",
        "suggestion",
        "doc",
        "source",
        "confidence",
        "example_bad",
        "example_good",
        "checklist",
    }
)
_REQUIRED_RULE_KEYS = (
    "id",
    "group",
    "title",
    "severity",
    "applies_to",
    "kind",
    "doc",
    "source",
    "confidence",
    "example_bad",
    "example_good",
)
_PACK_KEYS = frozenset({"name", "version", "title", "data"})


# --------------------------------------------------------------------------- kinds registry


@dataclasses.dataclass(frozen=True, slots=True)
class EngineParams:
    """The `engine` kind takes no parameters."""


def _engine_check(ctx: Context, params: EngineParams) -> Iterable[Hit]:
    """Rules of kind `engine` are emitted by the runner itself (skip notices, suppressions)."""
    return ()


ENGINE = Kind(
    name=ENGINE_KIND,
    params=EngineParams,
    check=_engine_check,
    doc="Findings emitted by the engine itself (skipped rules, suppressions); yields nothing.",
)


def _as_kinds(obj: object, where: str) -> tuple[Kind[Any], ...]:
    """What a kinds entry point names: one Kind or an iterable of them (ConfigError else)."""
    if isinstance(obj, Kind):
        return (obj,)
    if isinstance(obj, Iterable) and not isinstance(obj, str | bytes):
        kinds = tuple(obj)
        if all(isinstance(k, Kind) for k in kinds):
            return kinds
    raise ConfigError(where, "the entry point must name a Kind or an iterable of Kinds")


@functools.cache
def registered_kinds() -> Mapping[str, Kind[Any]]:
    """Every known kind by name: built-in, the engine's own, then third-party entry points."""
    from naskah_lint.kinds import builtin_kinds

    registry: dict[str, Kind[Any]] = {}
    sources: list[tuple[str, Kind[Any]]] = [
        (getattr(k.check, "__module__", "naskah_lint.kinds"), k) for k in builtin_kinds()
    ]
    sources.append(("naskah_lint.engine", ENGINE))
    for ep in entry_points(KINDS_GROUP):
        where = f"entry point {KINDS_GROUP}: {ep.name} = {ep.value}"
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plug-in is a configuration problem, not our bug
            raise ConfigError(where, f"cannot be loaded ({type(exc).__name__}: {exc})") from None
        sources.extend((where, k) for k in _as_kinds(obj, where))
    origin: dict[str, str] = {}
    for where, kind in sources:
        if kind.name in registry:
            first = origin[kind.name]
            raise ConfigError(where, f"kind '{kind.name}' is already registered by {first}")
        if not dataclasses.is_dataclass(kind.params):
            raise ConfigError(where, f"kind '{kind.name}': params must be a dataclass type")
        registry[kind.name] = kind
        origin[kind.name] = where
    return registry


# --------------------------------------------------------------------------- YAML reading


def _yaml_loader() -> type[Any]:
    """A safe YAML loader that rejects duplicate keys and remembers each mapping's line."""
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc]
        pass

    def construct_mapping(loader: Any, node: Any) -> _Map:
        loader.flatten_mapping(node)
        result = _Map()
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                )
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            result[key] = loader.construct_object(value_node, deep=True)
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return Loader


class _Map(dict[Any, Any]):
    """A YAML mapping that knows the line it started on (for error messages)."""

    line: int = 0


def _read_yaml(path: Path, display: str) -> Any:
    """One pack file; bad YAML is a ConfigError naming the file and line."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(display, f"cannot be read ({exc})") from None
    try:
        return yaml.load(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        where = f"{display}:{mark.line + 1}" if mark is not None else display
        raise ConfigError(where, f"invalid YAML: {problem}") from None


# --------------------------------------------------------------------------- typed parameters


def describe(tp: Any) -> str:
    """A short, readable name of a parameter type for error messages."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is type(None):
        return "null"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe(a) for a in args)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    if origin in (tuple, list, Sequence, frozenset, set):
        inner = args[0] if args else Any
        return f"a list of {_plural(inner)}"
    if origin in (dict, Mapping):
        return f"a mapping of {describe(args[1]) if len(args) == 2 else 'values'}"
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return f"a mapping ({tp.__name__})"
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    if tp in names:
        return names[tp]
    return getattr(tp, "__name__", str(tp))


def _plural(tp: Any) -> str:
    """The plural of `describe` for list items ("strings", "mappings (Pair)")."""
    names = {str: "strings", int: "integers", float: "numbers", bool: "booleans"}
    if tp in names:
        return str(names[tp])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return f"mappings ({tp.__name__})"
    return f"items ({describe(tp)})"


def build_params(cls: type[Any], raw: object, where: str) -> Any:
    """Validate a YAML/TOML mapping into an instance of the dataclass `cls` (lists -> tuples)."""
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise ConfigError(where, f"expected {describe(cls)}, got {_shown(raw)}")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(str(k) for k in raw if k not in fields)
    if unknown:
        known = ", ".join(fields) or "none"
        raise ConfigError(f"{where}.{unknown[0]}", f"unknown parameter (known: {known})")
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for name, f in fields.items():
        if name in raw:
            values[name] = coerce(raw[name], hints[name], f"{where}.{name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ConfigError(f"{where}.{name}", "required parameter is missing")
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
        raise ConfigError(where, str(exc)) from None


def override_params(instance: Any, raw: Mapping[str, Any], where: str) -> Any:
    """A copy of a params instance with some fields replaced by validated raw values."""
    cls = type(instance)
    fields = {f.name for f in dataclasses.fields(instance) if f.init}
    hints = typing.get_type_hints(cls)
    changes: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            raise ConfigError(f"{where}.{key}", f"unknown parameter (known: {known})")
        changes[key] = coerce(value, hints[key], f"{where}.{key}")
    try:
        return dataclasses.replace(instance, **changes)
    except (TypeError, ValueError) as exc:
        raise ConfigError(where, str(exc)) from None


def _shown(value: object) -> str:
    """A value as an error message quotes it: its repr, cut at 60 characters."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def coerce(value: object, tp: Any, where: str) -> Any:
    """Check `value` against the annotation `tp`, converting lists to tuples and mappings of
    nested dataclasses to instances; raise ConfigError naming `where` on a mismatch."""
    if tp is Any or tp is object:
        return _freeze(value)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    bad = ConfigError(where, f"expected {describe(tp)}, got {_shown(value)}")
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return coerce(value, arg, where)
            except ConfigError:
                continue
        raise bad
    if origin is typing.Literal:
        if value in args and not isinstance(value, bool):
            return value
        raise bad
    if origin in (tuple, list, Sequence, frozenset, set) or tp in (tuple, list):
        if not isinstance(value, list | tuple):
            raise bad
        if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
            if len(value) != len(args):
                raise ConfigError(where, f"expected {len(args)} items, got {len(value)}")
            return tuple(
                coerce(v, a, f"{where}[{i}]")
                for i, (v, a) in enumerate(zip(value, args, strict=True))
            )
        inner = args[0] if args else Any
        items = [coerce(v, inner, f"{where}[{i}]") for i, v in enumerate(value)]
        if origin in (frozenset, set):
            return frozenset(items)
        return list(items) if origin is list else tuple(items)
    if origin in (dict, Mapping) or tp is dict:
        if not isinstance(value, Mapping):
            raise bad
        key_tp, val_tp = args if len(args) == 2 else (Any, Any)
        return {
            coerce(k, key_tp, where): coerce(v, val_tp, f"{where}.{k}") for k, v in value.items()
        }
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return build_params(tp, value, where)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        try:
            return tp(value)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in tp)
            raise ConfigError(where, f"expected one of {allowed}, got {_shown(value)}") from None
    if tp is bool:
        if isinstance(value, bool):
            return value
        raise bad
    if tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise bad
    if tp is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        raise bad
    if tp is str:
        if isinstance(value, str):
            return value
        raise bad
    raise ConfigError(where, f"unsupported parameter type {describe(tp)} (a bug in the kind)")


def _freeze(value: object) -> Any:
    """An untyped (Any) parameter with its lists as tuples, at any depth."""
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, Mapping):
        return {k: _freeze(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- pack parsing


def _text(raw: object, where: str) -> Text:
    """A bilingual text: a mapping with non-empty `id` and `en` strings."""
    if not isinstance(raw, Mapping):
        raise ConfigError(where, f"expected a mapping with 'id' and 'en' texts, got {_shown(raw)}")
    for lang in LANGUAGES:
        if lang not in raw:
            raise ConfigError(f"{where}.{lang}", "missing (both languages are required)")
        value = raw[lang]
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(
                f"{where}.{lang}", f"expected a non-empty string, got {_shown(value)}"
            )
    extra = sorted(str(k) for k in raw if k not in LANGUAGES)
    if extra:
        raise ConfigError(f"{where}.{extra[0]}", "unknown language (use 'id' and 'en')")
    return Text(id=str(raw["id"]), en=str(raw["en"]))


def template_fields(template: str) -> frozenset[str]:
    """The top-level field names a `str.format` template uses (ValueError if malformed)."""
    names: set[str] = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is None:
            continue
        if field == "" or field.isdigit():
            raise ValueError("positional fields are not allowed; name every {field}")
        names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return frozenset(names)


def _template(raw: object, where: str) -> Text:
    """A bilingual message template whose two languages use the same {fields}."""
    text = _text(raw, where)
    fields: dict[str, frozenset[str]] = {}
    for lang in LANGUAGES:
        try:
            fields[lang] = template_fields(getattr(text, lang))
        except ValueError as exc:
            raise ConfigError(f"{where}.{lang}", f"not a valid template: {exc}") from None
    if fields["id"] != fields["en"]:
        only_id = sorted(fields["id"] - fields["en"])
        only_en = sorted(fields["en"] - fields["id"])
        detail = "; ".join(
            part
            for part in (
                f"only in id: {', '.join(only_id)}" if only_id else "",
                f"only in en: {', '.join(only_en)}" if only_en else "",
            )
            if part
        )
        raise ConfigError(where, f"the two languages use different fields ({detail})")
    return text


def _choice(raw: object, allowed: Sequence[str], where: str) -> str:
    """One of `allowed` (ConfigError else)."""
    if not isinstance(raw, str) or raw not in allowed:
        raise ConfigError(where, f"expected one of {', '.join(allowed)}, got {_shown(raw)}")
    return raw


def _choices(raw: object, allowed: Sequence[str], where: str) -> tuple[str, ...]:
    """A non-empty list of distinct values from `allowed` (ConfigError else)."""
    if not isinstance(raw, list) or not raw:
        raise ConfigError(where, f"expected a non-empty list of {', '.join(allowed)}")
    values = tuple(_choice(v, allowed, f"{where}[{i}]") for i, v in enumerate(raw))
    if len(set(values)) != len(values):
        raise ConfigError(where, "a value is listed twice")
    return values


def _rule(raw: object, where: str, file: str, kinds: Mapping[str, Kind[Any]]) -> RuleSpec:
    """One validated rule; an error names the key path and, in its reason, the id and line."""
    if not isinstance(raw, Mapping):
        raise ConfigError(where, f"a rule must be a mapping, got {_shown(raw)}")
    try:
        return _rule_fields(raw, where, file, kinds)
    except ConfigError as exc:
        rid = raw.get("id")
        context = [str(rid)] if isinstance(rid, str) else []
        line = getattr(raw, "line", 0)
        if line:
            context.append(f"line {line}")
        if not context:
            raise
        raise ConfigError(exc.where, f"{exc.reason} [{', '.join(context)}]") from None


def _rule_fields(
    raw: Mapping[Any, Any], label: str, file: str, kinds: Mapping[str, Kind[Any]]
) -> RuleSpec:
    """The rule's keys, each validated in turn (the first problem is the ConfigError)."""
    rid = raw.get("id")
    unknown = sorted(str(k) for k in raw if k not in _RULE_KEYS)
    if unknown:
        raise ConfigError(f"{label}.{unknown[0]}", "unknown key")
    for key in _REQUIRED_RULE_KEYS:
        if key not in raw:
            raise ConfigError(f"{label}.{key}", "required key is missing")
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        raise ConfigError(
            f"{label}.id", f"expected <GROUP>-<NAME> in capitals, e.g. FMT-FONT, got {_shown(rid)}"
        )
    group = _choice(raw["group"], GROUPS, f"{label}.group")
    if rid.split("-", 1)[0] != group:
        raise ConfigError(f"{label}.group", f"'{group}' does not match the id prefix of {rid}")
    severity = Severity(_choice(raw["severity"], SEVERITIES, f"{label}.severity"))
    final_raw = raw.get("severity_final")
    severity_final = (
        None
        if final_raw is None
        else Severity(_choice(final_raw, SEVERITIES, f"{label}.severity_final"))
    )
    applies_to = _choices(raw["applies_to"], DOC_TYPES, f"{label}.applies_to")
    languages = _choices(raw.get("languages", ["id"]), LANGUAGES, f"{label}.languages")
    kind_name = raw["kind"]
    if not isinstance(kind_name, str) or kind_name not in kinds:
        known = ", ".join(sorted(kinds))
        raise ConfigError(
            f"{label}.kind", f"unknown kind {_shown(kind_name)} (registered: {known})"
        )
    kind = kinds[kind_name]
    params = build_params(kind.params, raw.get("params"), f"{label}.params")
    if ("message" in raw) == ("messages" in raw):
        raise ConfigError(label, "give exactly one of 'message' or 'messages'")
    if "message" in raw:
        messages = {"default": _template(raw["message"], f"{label}.message")}
    else:
        variants = raw["messages"]
        if not isinstance(variants, Mapping) or not variants:
            raise ConfigError(f"{label}.messages", "expected a mapping of variant -> {id, en}")
        messages = {
            str(name): _template(text, f"{label}.messages.{name}")
            for name, text in variants.items()
        }
        if "default" not in messages:
            raise ConfigError(f"{label}.messages.default", "required variant is missing")
    suggestion = raw.get("suggestion")
    source = raw["source"]
    if not isinstance(source, str) or not source.strip():
        raise ConfigError(f"{label}.source", "expected a non-empty string")
    checklist = raw.get("checklist", False)
    if not isinstance(checklist, bool):
        raise ConfigError(f"{label}.checklist", "expected true or false")
    return RuleSpec(
        id=rid,
        group=group,
        title=_text(raw["title"], f"{label}.title"),
        severity=severity,
        severity_final=severity_final,
        applies_to=applies_to,
        languages=languages,
        kind=kind_name,
        params=params,
        messages=messages,
        suggestion=None if suggestion is None else _template(suggestion, f"{label}.suggestion"),
        doc=_text(raw["doc"], f"{label}.doc"),
        source=source.strip(),
        confidence=_choice(raw["confidence"], CONFIDENCES, f"{label}.confidence"),
        example_bad=_text(raw["example_bad"], f"{label}.example_bad"),
        example_good=_text(raw["example_good"], f"{label}.example_good"),
        checklist=checklist,
        file=file,
    )


def parse_pack(folder: Path, display: str) -> Pack:
    """Read and validate every YAML file of a pack folder (`display` prefixes error locations)."""
    kinds = registered_kinds()
    head_display = f"{display}/pack.yml"
    head = _read_yaml(folder / "pack.yml", head_display)
    if not isinstance(head, Mapping):
        raise ConfigError(head_display, "expected a mapping with name, version, title and data")
    unknown = sorted(str(k) for k in head if k not in _PACK_KEYS)
    if unknown:
        raise ConfigError(f"{head_display}: {unknown[0]}", "unknown key")
    for key in ("name", "version", "title"):
        if key not in head:
            raise ConfigError(f"{head_display}: {key}", "required key is missing")
    name, version = head["name"], head["version"]
    if not isinstance(name, str) or not PACK_NAME.match(name):
        raise ConfigError(f"{head_display}: name", f"expected a simple name, got {_shown(name)}")
    if isinstance(version, bool) or not isinstance(version, str | int | float):
        raise ConfigError(f"{head_display}: version", f"expected a string, got {_shown(version)}")
    data = head.get("data") or {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{head_display}: data", "expected a mapping of shared tables")
    title = _text(head["title"], f"{head_display}: title")

    rules: list[RuleSpec] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name == "pack.yml":
            continue
        file_display = f"{display}/{path.name}"
        doc = _read_yaml(path, file_display)
        if doc is None:
            continue
        if not isinstance(doc, Mapping):
            raise ConfigError(file_display, "expected a mapping with a 'rules' list")
        extra = sorted(str(k) for k in doc if k != "rules")
        if extra:
            raise ConfigError(f"{file_display}: {extra[0]}", "unknown key (only 'rules')")
        items = doc.get("rules") or []
        if not isinstance(items, list):
            raise ConfigError(f"{file_display}: rules", "expected a list of rules")
        for i, item in enumerate(items):
            rule = _rule(item, f"{file_display}: rules[{i}]", file_display, kinds)
            if rule.id in seen:
                raise ConfigError(
                    f"{file_display}: rules[{i}].id",
                    f"duplicate id {rule.id} (first defined in {seen[rule.id]})",
                )
            seen[rule.id] = file_display
            rules.append(rule)
    rules.sort(key=lambda r: r.id)
    return Pack(
        name=name,
        version=str(version),
        title=title,
        rules=tuple(rules),
        data=PackData(name=name, version=str(version), values=dict(data)),
        path=display,
    )


# --------------------------------------------------------------------------- pack loading


CACHE_FORMAT = 1  # bump when what the cache key covers changes


def _pack_files(folder: Path) -> tuple[tuple[str, bytes], ...] | None:
    """(name, content) of the pack's YAML files as `parse_pack` reads them; None if unreadable."""
    try:
        paths = sorted(folder.glob("*.yml"))
        return tuple((path.name, path.read_bytes()) for path in paths)
    except OSError:
        return None


def _code_stamp(kinds: Mapping[str, Kind[Any]]) -> tuple[tuple[str, str, int, int], ...]:
    """What a cached pack depends on besides its files: each kind (name, module) and the size
    and mtime of the modules that define the kinds, their parameters and the validation."""
    import sys

    modules = {__name__, "naskah_lint.engine.api", "naskah_lint.findings"}
    for kind in kinds.values():
        modules.add(kind.params.__module__)
        modules.add(getattr(kind.check, "__module__", "") or "")
    stamp: list[tuple[str, str, int, int]] = [
        (kind.name, f"{kind.params.__module__}.{kind.params.__qualname__}", 0, 0)
        for kind in kinds.values()
    ]
    for name in sorted(m for m in modules if m):
        file = getattr(sys.modules.get(name), "__file__", None)
        try:
            found = Path(file).stat() if file else None
        except OSError:
            found = None
        stamp.append((name, "", found.st_mtime_ns if found else 0, found.st_size if found else -1))
    return tuple(stamp)


def _cache_key(folder: Path, display: str, kinds: Mapping[str, Kind[Any]]) -> object | None:
    """The key of a cached pack: tool and Python version, kinds and their code, the folder as
    shown in messages and a digest of every pack file; None when the files cannot be read."""
    import hashlib
    import sys

    from naskah_lint import __version__

    files = _pack_files(folder)
    if files is None:
        return None
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(f"{len(name)}:{name}:{len(data)}:".encode())
        digest.update(data)
    return (
        CACHE_FORMAT,
        __version__,
        sys.version_info[:2],
        str(folder),
        display,
        digest.hexdigest(),
        _code_stamp(kinds),
    )


def _cache_name(folder: Path, display: str) -> str:
    """The cache entry of one pack folder (one entry per folder and display)."""
    import hashlib

    return "pack-" + hashlib.sha256(f"{folder}|{display}".encode()).hexdigest()[:20]


@functools.cache
def _load(folder: Path, display: str) -> Pack:
    """One parse per pack folder and process; across processes the validated pack is kept in
    the user cache (`engine.cache`), keyed by the pack files' contents and the kinds' code.
    A broken pack is never cached: it is parsed (and its error raised) every time."""
    from naskah_lint.engine import cache

    kinds = registered_kinds()
    key = _cache_key(folder, display, kinds)
    name = _cache_name(folder, display)
    if key is not None:
        cached = cache.load(name, key)
        if isinstance(cached, Pack):
            return cached
    pack = parse_pack(folder, display)
    if key is not None:
        cache.store(name, key, pack)
    return pack


def load_pack(profile: str = DEFAULT_PROFILE) -> Pack:
    """Find and load a pack (cached per folder: a pack is read once per process)."""
    folder, display = find_pack(profile)
    return _load(folder.resolve(), display)
