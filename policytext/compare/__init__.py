"""Comparing speeches: documents → terms → document-term matrix → statistics.

One module a stage, the data flowing one way: :mod:`.vectorize` (terms and
the labelled matrix), :mod:`.keyness` (keywords and keyness statistics),
:mod:`.similarity` (cosine, neighbours, ordering), :mod:`.kwic`
(concordance), :mod:`.trends` (frequencies and dictionaries).
"""
from .vectorize import Analyzer, identity

__all__ = ["Analyzer", "identity"]
