"""Sphinx configuration: the API reference from the docstrings, the pages from Markdown.

Built by ``.ci/run`` with warnings as errors (``sphinx-build -W``).  Sphinx
rather than MkDocs: its configuration lives in ``docs/`` (the project's top
level is fixed), autodoc reads the docstrings as they are, and MyST reads the
Markdown pages, whose examples pytest runs as doctests.
"""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

project = "lottery"
author = "lottery maintainers"
extensions = ["sphinx.ext.autodoc", "myst_parser"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "schema"]
myst_heading_anchors = 3
autodoc_default_options = {"members": True, "undoc-members": False}
autodoc_member_order = "bysource"
autodoc_typehints = "none"
suppress_warnings = ["myst.xref_missing"]
html_theme = "alabaster"
