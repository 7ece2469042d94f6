"""Progress bars for long commands: documents/s and ETA on stderr, off when stderr is no terminal.

``progress_bar(total)`` gives a bar with ``update(n)`` and ``close()``; tqdm
draws it when installed (the ``progress`` extra), a one-line counter
otherwise.  Other commands (keywords, reuse …) use it the same way::

    with progress_bar(len(docs), desc="keywords") as bar:
        for doc in docs:
            ...
            bar.update()

>>> with progress_bar(3, enabled=False) as bar:
...     bar.update(3)
>>> bar.n
3
"""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO

__all__ = ["progress_bar", "wanted"]


def wanted(flag: Optional[bool] = None, stream: Optional[TextIO] = None) -> bool:
    """Whether to draw: ``flag`` when given, else whether ``stream`` (stderr) is a terminal."""
    if flag is not None:
        return flag
    stream = stream or sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Bar:
    def __init__(self, total: Optional[int], desc: str, enabled: bool, unit: str) -> None:
        self.n, self.total, self.desc, self.unit = 0, total, desc, unit
        self.t0 = self._last = time.monotonic()
        self._tqdm = None
        self.enabled = enabled
        if enabled:
            try:
                from tqdm import tqdm

                self._tqdm = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True)
            except ImportError:
                pass

    def update(self, n: int = 1) -> None:
        self.n += n
        if self._tqdm is not None:
            self._tqdm.update(n)
        elif self.enabled and time.monotonic() - self._last > 0.5:
            self._last = time.monotonic()
            self._draw()

    def _draw(self, end: str = "") -> None:
        dt = max(time.monotonic() - self.t0, 1e-9)
        rate = self.n / dt
        eta = f", ETA {(self.total - self.n) / rate:.0f} s" if self.total and rate else ""
        of = f"/{self.total}" if self.total else ""
        sys.stderr.write(f"\r{self.desc}: {self.n}{of} {self.unit}, {rate:.1f} {self.unit}/s{eta}   {end}")
        sys.stderr.flush()

    def close(self) -> None:
        if self._tqdm is not None:
            self._tqdm.close()
        elif self.enabled:
            self._draw("\n")
        self.enabled = False

    def __enter__(self) -> "_Bar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def progress_bar(total: Optional[int] = None, desc: str = "policytext", enabled: Optional[bool] = None,
                 unit: str = "doc") -> _Bar:
    """A progress bar on stderr; ``enabled=None`` draws only when stderr is a terminal."""
    return _Bar(total, desc, wanted(enabled), unit)
