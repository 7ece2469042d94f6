"""Only what pyproject.toml cannot say: ship the repository's ``corpora/`` inside the package.

``corpora/`` stays at the top of the repository (the README's commands and the tests use it as
``corpora/...``); building a wheel copies it to ``policytext/data/sample`` so that
``policytext.corpora.load("sample")`` works after ``pip install policytext`` too.  An editable install
(``pip install -e .``) reads the clone's ``corpora/`` directly.  The sdist carries ``corpora/`` (MANIFEST.in).
"""
import os
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py


class build_py_with_sample(build_py):
    """build_py, then the bundled sample corpus into the built package."""

    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        here = os.path.dirname(os.path.abspath(__file__))
        src = os.path.join(here, "corpora")
        if os.path.isfile(os.path.join(src, "manifest.csv")):
            dst = os.path.join(self.build_lib, "policytext", "data", "sample")
            shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": build_py_with_sample})
