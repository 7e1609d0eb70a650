"""Document structure: parts, numbering and the glossary of subjects (DOC)."""
