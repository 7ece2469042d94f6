"""Build policytext/data/common_chars.txt: the characters of running Chinese prose.

Decoding decides between GB18030 and Big5 (both accept most byte strings) by
the share of common characters in the result. The list is the 3,000 most
frequent characters of jieba's dictionary, weighted by word frequency, with
their Traditional forms (OpenCC s2t characters) added:

    python scripts/build_common_chars.py > policytext/data/common_chars.txt
"""
from __future__ import annotations

import os
import sys
from collections import Counter

import jieba

from policytext.convert import _load

TOP = 3000


def main() -> int:
    counts: Counter = Counter()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                for ch in parts[0]:
                    if "\u4e00" <= ch <= "\u9fff":
                        counts[ch] += int(parts[1])
    simp = [c for c, _ in counts.most_common(TOP)]
    st = _load("STCharacters")
    trad = [st[c] for c in simp if c in st and len(st[c]) == 1 and st[c] != c]
    chars = "".join(dict.fromkeys(simp + trad))
    print(f"# {TOP} most frequent characters of jieba's dictionary and their Traditional forms;")
    print("# made by scripts/build_common_chars.py, used to choose between GB18030 and Big5.")
    for i in range(0, len(chars), 80):
        print(chars[i:i + 80])
    return 0


if __name__ == "__main__":
    sys.exit(main())
