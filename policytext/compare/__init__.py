"""Comparing speeches: documents → terms → document-term matrix → statistics.

One module a stage, the data flowing one way: :mod:`.vectorize` (terms and
the labelled matrix), :mod:`.keyness` (keywords and keyness statistics),
:mod:`.similarity` (cosine, neighbours, ordering), :mod:`.kwic`
(concordance), :mod:`.trends` (frequencies and dictionaries), :mod:`.reuse`
(passages two speeches share, in either script).

>>> from policytext.compare import reuse
>>> reuse("坚持以人民为中心的发展思想", "堅持以人民為中心的發展思想", min_chars=10).passages[0].chars
13
"""
from .reuse import Passage, ReusePair, reuse, reuse_corpus, reuse_frame
from .vectorize import Analyzer, identity

__all__ = ["Analyzer", "Passage", "ReusePair", "identity", "reuse", "reuse_corpus", "reuse_frame"]
