"""The small pieces every JSON-LD node is made of: ids, typed dates, sources, compaction."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from diplomodel.dates import PartialDate, Precision
from diplomodel.model.sources import Source

__all__ = [
    "Json",
    "compact",
    "iri",
    "language_tag",
    "ref",
    "source_node",
    "source_nodes",
    "typed_date",
]

Json = dict[str, Any]

_IRI_PREFIX: Final = "urn:diplomodel:"

_XSD: Final = {
    Precision.YEAR: "xsd:gYear",
    Precision.MONTH: "xsd:gYearMonth",
    Precision.DAY: "xsd:date",
}


def iri(kind: str, id_: str) -> str:
    """A node's id: ``urn:diplomodel:<kind>:<id>``."""
    return f"{_IRI_PREFIX}{kind}:{id_}"


def ref(kind: str, id_: str) -> Json:
    """A reference to a node by its id."""
    return {"@id": iri(kind, id_)}


def typed_date(value: PartialDate | None) -> Json | None:
    """A typed literal: xsd:gYear, xsd:gYearMonth or xsd:date, as precise as the date is."""
    if value is None:
        return None
    return {"@value": value.isoformat(), "@type": _XSD[value.precision]}


def language_tag(locale: str) -> str:
    """A BCP 47 language tag from a locale identifier ("zh_Hant" → "zh-Hant")."""
    return locale.replace("_", "-")


def compact(node: Json) -> Json:
    """The node without empty values."""
    return {k: v for k, v in node.items() if v is not None and v != []}


def source_node(source: Source) -> Json:
    """A source as a ``CreativeWork`` (a ``NewsArticle`` when it has a dateline)."""
    return compact(
        {
            "@type": "NewsArticle" if source.dateline is not None else "CreativeWork",
            "name": source.title,
            "publisher": {"@type": "Organization", "name": source.publisher},
            "url": source.url,
            "datePublished": typed_date(source.published),
            "inLanguage": None if source.language is None else language_tag(source.language),
            "dateline": source.dateline,
        }
    )


def source_nodes(sources: Sequence[Source]) -> list[Json]:
    """Each source's node."""
    return [source_node(s) for s in sources]
