"""policytext: Chinese policy speeches into data.

>>> import policytext
>>> doc = policytext.Document.from_text("国内生产总值增长6.5%左右")
>>> doc.script
'simplified'
"""
from .align import Alignment, Step
from .convert import Converter
from .document import Corpus, Document, read
from .normalize import View, detect_script, normalize, residue_lines
from .reading import ReadError
from .segment import Segmenter, Token
from .extract import Extraction, extract  # binds the function over the subpackage's name
from .extract.numbers import Number, parse_number
from .compare import reuse, vectorize
from .outcomes import outcomes  # binds the function over the module's name, as extract does

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "Converter",
    "Corpus",
    "Extraction",
    "Number",
    "Document",
    "ReadError",
    "Segmenter",
    "Step",
    "Token",
    "View",
    "detect_script",
    "extract",
    "normalize",
    "outcomes",
    "parse_number",
    "read",
    "residue_lines",
    "reuse",
    "vectorize",
]

