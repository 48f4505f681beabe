"""JSON Schema (draft 2020-12) derived from the attrs classes and the converter's rules.

Nothing here is written per class: the schema of a class comes from its attrs
fields (names, defaults, type hints) and from the JSON Schema keywords that
each validator factory attaches to the validators it makes.
"""

from __future__ import annotations

import enum
import functools
import operator
import types
import typing
from collections.abc import Mapping
from typing import Any, Final

import attrs
from cattrs import Converter

from diplomodel import _validators as v
from diplomodel._hooks import DOCUMENT_TAGS, TAG
from diplomodel.dates import PartialDate
from diplomodel.errors import ArgumentTypeError
from diplomodel.model._fields import fields_of
from diplomodel.model.actors import BODY_PREFIX, ORG_PREFIX, Actor
from diplomodel.model.documents import Document
from diplomodel.organizations import organizations
from diplomodel.states import State, states

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
_DATE_PATTERN: Final = "^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
_VERSION_PATTERN: Final = "^[0-9]+[.][0-9]+$"


class SchemaBuilder:
    """Collects the definitions a schema needs while walking the types."""

    def __init__(self, converter: Converter) -> None:
        self._converter = converter
        self.defs: dict[str, dict[str, Any]] = {}

    def for_type(self, hint: Any) -> dict[str, Any]:  # noqa: C901, PLR0911, PLR0912 - one branch a kind
        """The schema of a value of a type, as the converter writes it."""
        supertype = getattr(hint, "__supertype__", None)
        if supertype is not None:  # a NewType id
            return self.for_type(supertype)
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint == Actor:
            return self._define(
                "Actor",
                {
                    "description": (
                        "A state's code, 'org:' and an organisation's code, "
                        "or 'body:' and the id of a body."
                    ),
                    "anyOf": [
                        self.for_type(State),
                        {
                            "type": "string",
                            "enum": [ORG_PREFIX + org.code for org in organizations],
                        },
                        {"type": "string", "pattern": f"^{BODY_PREFIX}{v.ID_PATTERN[1:]}"},
                    ],
                },
            )
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            inner = functools.reduce(operator.or_, [a for a in args if a is not type(None)])
            return {"anyOf": [self.for_type(inner), {"type": "null"}]}
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.for_type(a) for a in args]}
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.for_type(args[0])}
        if origin is Mapping:
            return {"type": "object", "additionalProperties": self.for_type(args[1])}
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is PartialDate:
            return self._define(
                "PartialDate",
                {
                    "description": "A date known to the year, month or day, as ISO 8601 text.",
                    "type": "string",
                    "pattern": _DATE_PATTERN,
                },
            )
        if hint is State:
            return self._define(
                "State",
                {
                    "description": "A state's code: ISO 3166-1 alpha-2, or a historical code.",
                    "type": "string",
                    "enum": [s.code for s in states],
                },
            )
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return {"type": "string", "enum": [m.value for m in hint]}
        if hint is Document:
            return self._ref_documents()
        if hint in DOCUMENT_TAGS:
            return self._ref(hint, tag=DOCUMENT_TAGS[hint])
        if attrs.has(hint):
            return self._ref(hint)
        raise ArgumentTypeError(f"no JSON Schema for {hint!r}")

    def _define(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        self.defs.setdefault(name, {"title": name, **schema})
        return {"$ref": f"#/$defs/{name}"}

    def _ref(self, cls: type[Any], *, tag: str | None = None) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: recursion stops here
            self.defs[name] = self.for_class(cls, tag=tag)
        return {"$ref": f"#/$defs/{name}"}

    def _ref_documents(self) -> dict[str, Any]:
        if "Document" not in self.defs:
            self.defs["Document"] = {}
            self.defs["Document"] = {
                "title": "Document",
                "description": "A document of one of the kinds, named by its 'type' tag.",
                "oneOf": [self._ref(kind, tag=tag) for kind, tag in DOCUMENT_TAGS.items()],
            }
        return {"$ref": "#/$defs/Document"}

    def for_class(self, cls: type[Any], *, tag: str | None = None) -> dict[str, Any]:
        """The object schema of an attrs class."""
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties[TAG] = {"const": tag}
            required.append(TAG)
        for spec in fields_of(cls):
            a = spec.attribute
            if not a.init:
                continue
            schema = _merge(self.for_type(hints[a.name]), v.schema_of(a.validator))
            if spec.target is not None:
                what = spec.target.__name__
                schema["description"] = (
                    f"Ids of {what} records." if spec.many else f"Id of a {what}."
                )
            if a.default is attrs.NOTHING:
                required.append(a.name)
            elif not isinstance(a.default, attrs.Factory):  # type: ignore[arg-type]
                schema["default"] = self._converter.unstructure(a.default)
            properties[a.name] = schema
        result: dict[str, Any] = {"title": cls.__name__}
        summary = (cls.__doc__ or "").strip().splitlines()
        if summary:
            result["description"] = summary[0]
        result.update(
            type="object", properties=properties, required=required, additionalProperties=False
        )
        return result


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Add a validator's keywords to the schema of the field's type."""
    if not extra:
        return base
    if "anyOf" in base and {"type": "null"} in base["anyOf"]:  # optional: constrain the value
        branches = [b if b == {"type": "null"} else _merge(b, extra) for b in base["anyOf"]]
        return {**base, "anyOf": branches}
    if "$ref" in base or "anyOf" in base:
        return base
    merged = dict(base)
    for key, value in extra.items():
        if key == "items" and "items" in merged:
            merged["items"] = _merge(merged["items"], value)
        elif key == "type" or key not in merged:
            merged[key] = value
    return merged


def build(cls: type[Any], converter: Converter, *, envelope: str | None) -> dict[str, Any]:
    """The full schema document for a class, optionally as a file with its header."""
    builder = SchemaBuilder(converter)
    root = builder.for_type(cls)
    if envelope is not None:
        body = builder.defs[cls.__name__]
        root = {
            **body,
            "properties": {
                "diplomodel": {"type": "string", "pattern": _VERSION_PATTERN},
                "kind": {"const": envelope},
                **body["properties"],
            },
            "required": ["diplomodel", "kind", *body["required"]],
        }
    title = f"diplomodel {cls.__name__}" + (" file" if envelope else "")
    document: dict[str, Any] = {"$schema": DRAFT, "title": title}
    if "$ref" in root and envelope is None:
        document["$ref"] = root["$ref"]
    else:
        document.update({k: val for k, val in root.items() if k != "title"})
    document["$defs"] = dict(sorted(builder.defs.items()))
    return document
