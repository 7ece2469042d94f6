"""Build policytext/data/formulations.txt: numbered slogans to find even unquoted.

Speeches quote a slogan when they coin or stress it (“三个代表”), then use it
bare (四个现代化 is never quoted in the 1978-1981 reports). The lexicon is a
hand list of the best-known ones plus every numbered term the bundled reports
quote at least once. Run from the project root with ../shared beside it:

    python scripts/build_formulations.py > policytext/data/formulations.txt
"""
from __future__ import annotations

import glob
import re
import sys
from pathlib import Path

from policytext import Document
from policytext.extract.formulations import find_formulations

SHARED = Path(__file__).resolve().parents[2] / "shared"

HAND = """
四个现代化 三个代表 四项基本原则 一个中心两个基本点 两个凡是 三个世界 八荣八耻 五讲四美三热爱 三来一补 三资企业
两个文明 三步走 四个全面 五位一体 三严三实 两学一做 四个意识 四个自信 两个维护 两个确立 三去一降一补 六稳 六保
三大攻坚战 八项规定 四风 一带一路 一国两制 三农 三权分置 五大发展理念 两个毫不动摇 两个一百年 四个伟大
十个明确 十四个坚持 三个有利于 两手抓 两手都要硬 三大改造 一化三改 三面红旗 两参一改三结合 三反 五反 三支两军
四个服务 两个大局 三个自信 五个统筹 两型社会 三个转变 三个务必 两个务必 三个区分开来 三不腐 五个必由之路
""".split()


# quoted once, but plain words or counts when bare (一揽子政策, 一站式服务, 一刀切, 一百五十六项)
WORDS = set("一揽子 一站式 一元化 一言堂 一刀切 一百五十六项 一对一 一刻钟".split())


def main() -> int:
    seen: dict[str, None] = dict.fromkeys(HAND)
    for f in sorted(glob.glob(str(SHARED / "corpus" / "*" / "*.txt"))):
        doc = Document(Path(f).read_text(encoding="utf-8"))
        view = doc.view("simplified").text
        for m in re.finditer(r"“([^”\n]{2,10})”", view):
            inner = m.group(1).strip()
            found = find_formulations(m.group(0))
            if re.fullmatch(r"[一二两三四五六七八九十百千零〇]+", inner):
                continue  # 十五, 十四五: a plan's name, not a slogan to look for bare
            if any(x.text.strip() == inner for x in found) and not re.search(r"[，、。：；\[\]［］（）()\s]", inner):
                if inner not in WORDS:
                    seen.setdefault(inner)
    print("# Numbered slogans and shorthands found even where a speech leaves them unquoted.")
    print("# Simplified script, one a line; extend freely. Made by scripts/build_formulations.py:")
    print("# a hand list of well-known ones, then every numbered term the bundled reports quote.")
    for term in seen:
        print(term)
    return 0


if __name__ == "__main__":
    sys.exit(main())
