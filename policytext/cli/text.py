"""``convert``, ``segment`` and ``info``: one speech file in, its text, tokens or facts out."""
from __future__ import annotations

import argparse
import json
import sys

from ..convert import CONVERSIONS, Converter
from ..document import read
from ._common import _REPAIR_HELP, _SCRIPTS, _out, _sub


def cmd_convert(args) -> int:
    doc = read(args.file)
    if args.to in _SCRIPTS:
        _out(doc.view(args.to, repair=args.repair).text)
    else:  # an OpenCC config by name: exactly what OpenCC would write
        _out(Converter.get(args.to).convert(doc.text))
    if not doc.text.endswith("\n"):
        _out("\n")
    return 0


def cmd_segment(args) -> int:
    from ..segment import Segmenter

    doc = read(args.file)
    seg = Segmenter(args.lexicon or (), repair=args.repair)
    sep = ""
    for toks in seg.stream_blocks(doc, keep_residue=args.keep_residue):  # printed as each block is cut
        if args.format == "jsonl":
            _out("".join(json.dumps(t.to_dict(), ensure_ascii=False) + "\n" for t in toks))
        elif toks:
            _out(sep + " ".join(t.text for t in toks))
            sep = " "
        sys.stdout.flush()
    if args.format != "jsonl":
        _out("\n")
    return 0


def cmd_info(args) -> int:
    doc = read(args.file)
    ev = doc.script_evidence
    info = {
        "source": doc.source, "encoding": doc.encoding, "format": doc.format, "chars": len(doc.text),
        "lines": doc.text.count("\n") + 1, "pages": len(doc.page_starts), "script": ev.script,
        "evidence": {"traditional_chars": ev.traditional_chars, "simplified_chars": ev.simplified_chars},
        "machine_converted_taiwan": doc.machine_converted,
        "view_steps": list(doc.view().steps),
        "boilerplate_lines": [{"span": [s, e], "text": doc.text[s:e][:80]} for s, e in doc.residue],
    }
    _out(json.dumps(info, ensure_ascii=False, indent=2) + "\n")
    return 0


def add_parsers(sub) -> None:
    c = _sub(sub, "convert", "print the text converted to another script",
             "policytext convert corpora/gwr-1954.txt --to simplified",
             "policytext convert corpora/gwr-2015.txt --to s2twp")
    c.add_argument("file", help="a speech file (text, .docx or saved web page, any encoding)")
    c.add_argument("--to", choices=_SCRIPTS + CONVERSIONS, default="simplified", metavar="TO",
                   help="a script, the normalised view (simplified (default), traditional, taiwan, hongkong, original), "
                        f"or an OpenCC config applied to the text as read ({', '.join(CONVERSIONS)})")
    c.add_argument("--repair", action=argparse.BooleanOptionalAction, default=None, help=_REPAIR_HELP)
    c.set_defaults(func=cmd_convert)

    s = _sub(sub, "segment", "tokens with spans into the original text",
             "policytext segment corpora/gwr-2015.txt --format jsonl",
             "policytext segment corpora/seed-county-cadre-speech.txt --format text")
    s.add_argument("file", help="a speech file")
    s.add_argument("--format", choices=["jsonl", "text"], default="jsonl",
                   help='jsonl: {"text", "norm", "span"} a line; text: tokens separated by spaces')
    s.add_argument("--lexicon", action="append", help="an extra lexicon file (jieba user-dictionary format); repeatable")
    s.add_argument("--keep-residue", action="store_true", help="also segment scrape-residue lines")
    s.add_argument("--repair", action=argparse.BooleanOptionalAction, default=None, help=_REPAIR_HELP)
    s.set_defaults(func=cmd_segment)

    i = _sub(sub, "info", "encoding, script, characters, boilerplate lines",
             "policytext info corpora/seed-county-cadre-speech.txt")
    i.add_argument("file", help="a speech file")
    i.set_defaults(func=cmd_info)
