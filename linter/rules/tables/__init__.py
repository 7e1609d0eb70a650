"""Rules about the disclosure tables: their printed identities, hierarchy, agreement with each
other, subject codes, and agreement with the narrative."""
