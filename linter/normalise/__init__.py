"""Stage 2 — normalise: analysis text plus a map back to the original file's positions."""

from linter.normalise.position import MappedText, SourceText
from linter.normalise.flow import build_flow

__all__ = ["MappedText", "SourceText", "build_flow"]
