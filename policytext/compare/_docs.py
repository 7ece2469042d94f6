"""Inputs of the compare functions: documents, paths, texts, corpora → Documents with labels."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from ..document import Corpus, Document, read

DocLike = Union[Document, str, "os.PathLike[str]"]
CorpusLike = Union[Corpus, Iterable[DocLike], DocLike]


def as_document(x: DocLike) -> Document:
    """A Document from a Document, a path, or a text (a string naming no file is text).

    >>> as_document("坚持科学发展观").text
    '坚持科学发展观'
    """
    if isinstance(x, Document):
        return x
    if isinstance(x, os.PathLike):
        return read(x)
    if isinstance(x, str):
        if "\n" not in x and len(x) < 1024 and os.path.isfile(x):
            return read(x)
        return Document.from_text(x)
    raise TypeError(f"not a document, a path or a text: {type(x).__name__}")


def as_documents(corpus: CorpusLike) -> Iterator[Document]:
    """The documents of a Corpus, a list of documents/paths/texts, or a single one."""
    if isinstance(corpus, Corpus):
        yield from corpus
    elif isinstance(corpus, (Document, str, os.PathLike)):
        if isinstance(corpus, (str, os.PathLike)) and os.path.isdir(corpus):
            yield from Corpus.from_folder(corpus)
        else:
            yield as_document(corpus)
    else:
        for x in corpus:
            yield as_document(x)


def doc_label(doc: Document, i: int = 0) -> str:
    """A short label: the manifest ``id``, else the file name, else ``doc{i}``.

    >>> doc_label(Document.from_text("……", meta={"id": "gwr-national-2015"}))
    'gwr-national-2015'
    """
    if doc.meta.get("id"):
        return str(doc.meta["id"])
    if doc.source:
        return Path(doc.source).name
    return f"doc{i}"


def doc_row(doc: Document, i: int = 0) -> dict[str, Any]:
    """A document's label, source and metadata, as one row of a table."""
    row = {"label": doc_label(doc, i), "source": doc.source}
    row.update({k: v for k, v in doc.meta.items() if k not in row})
    return row
