"""Comparing speeches: documents → terms → document-term matrix → statistics.

One module a stage, the data flowing one way: :mod:`.vectorize` (terms and
the labelled matrix), :mod:`.keyness` and :mod:`.keywords` (keyness
statistics, TF-IDF, TextRank), :mod:`.similarity` (cosine, neighbours,
ordering), :mod:`.kwic` (concordance), :mod:`.trends` (frequencies and
dictionaries), :mod:`.reuse` (passages two speeches share, in either script).

>>> from policytext.compare import keywords, reuse
>>> keywords("深化供給側結構性改革，推進供給側結構性改革", method="tfidf", top=1).terms
['供给侧结构性改革']
>>> reuse("坚持以人民为中心的发展思想", "堅持以人民為中心的發展思想", min_chars=10).passages[0].chars
13
"""
from .keyness import Keyword, Keywords, keyness
from .keywords import keywords
from .kwic import Concordance, Hit, kwic
from .reuse import Passage, ReusePair, reuse, reuse_corpus, reuse_frame
from .similarity import Similarity, similarity
from .trends import frequency, load_dictionary
from .vectorize import Analyzer, DocumentTermMatrix, identity, vectorize

__all__ = [
    "Analyzer", "Concordance", "DocumentTermMatrix", "Hit", "Keyword", "Keywords", "Passage", "ReusePair",
    "Similarity", "frequency", "identity", "keyness", "keywords", "kwic", "load_dictionary", "reuse",
    "reuse_corpus", "reuse_frame", "similarity", "vectorize",
]
